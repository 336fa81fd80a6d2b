import type { ProcedureContext } from '../../provider';
import { labFailure } from '../lab-failures';
import { dnsKeys, type ZoneInput } from '../../leaves/dns.leaves';
import { type LabNamespace, runOf, writingRun } from '../lab-procedure';
import { type LabQuery, deleteWithTombstone, insertOrExisting, recordedPrevious, rememberPrevious, restoreFromTombstone } from '../lab-store';

/**
 * DNS: zones (created paused, served once published) and their records. Every change of a zone's
 * content bumps its SOA serial, under the zone's row lock, which also serializes the CNAME rules.
 */

/** DNS procedures name only the zone: a zone of another organization than the caller's is a conflict. */
function checkOwner(zone: string, owner: string, i: ZoneInput, ctx: ProcedureContext) {
  const expected = i.organizationId ?? ctx.organizationId ?? undefined;
  if (expected && owner !== expected) throw labFailure('LAB_CONFLICT', `the zone ${zone} belongs to another organization`, { zone });
}

/** Locks the zone row; undefined when the zone does not exist. */
async function lockZone(q: LabQuery, i: ZoneInput, ctx: ProcedureContext): Promise<{ organization_id: string; published: boolean; serial: string } | undefined> {
  const [z] = await q.rows(`SELECT organization_id, published, serial FROM lab.dns_zones WHERE name = $1 FOR UPDATE`, [i.zone]);
  if (z) checkOwner(i.zone, z.organization_id, i, ctx);
  return z as any;
}

const bumpSerial = (q: LabQuery, zone: string) => q.rows(`UPDATE lab.dns_zones SET serial = serial + 1 WHERE name = $1`, [zone]);

interface PublishPrev {
  published: boolean;
}


export const dnsLab: LabNamespace<'DNS'> = {
  CreateZone: {
    async execute(store, i, ctx) {
      const r = await insertOrExisting(
        store,
        {
          text: `INSERT INTO lab.dns_zones (name, organization_id, created_by_run) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING organization_id`,
          params: [i.zone, i.organizationId, runOf(ctx)],
        },
        { text: `SELECT organization_id FROM lab.dns_zones WHERE name = $1`, params: [i.zone] },
      );
      if (!r || r.row.organization_id !== i.organizationId) throw labFailure('LAB_CONFLICT', `the zone ${i.zone} belongs to another organization`, { zone: i.zone });
      return { output: {} };
    },
    async rollback(store, i, _data, ctx) {
      // The zone's records go with it: they can only be there if this run's later steps added them.
      await store.rows(`DELETE FROM lab.dns_zones WHERE name = $1 AND organization_id = $2 AND created_by_run = $3`, [i.zone, i.organizationId, writingRun(ctx)]);
    },
  },

  PublishZone: {
    async execute(store, i, ctx) {
      const { serial, previous } = await store.tx(async (q) => {
        const z = await lockZone(q, i, ctx);
        if (!z) throw labFailure('LAB_NOT_FOUND', `the zone ${i.zone} does not exist`);
        const prev = await rememberPrevious<PublishPrev>(q, writingRun(ctx), ctx.stepSeq, dnsKeys.zone(i.zone), { published: z.published }, { published: true });
        if (z.published) return { serial: Number(z.serial), previous: prev };
        const [u] = await q.rows(`UPDATE lab.dns_zones SET published = true, serial = serial + 1 WHERE name = $1 RETURNING serial`, [i.zone]);
        return { serial: Number(u.serial), previous: prev };
      });
      return { output: { serial }, rollback: previous };
    },
    /** Pauses the zone again, unless it was published before this step (change log when no rollback data). */
    async rollback(store, i, data: PublishPrev | undefined, ctx) {
      await store.tx(async (q) => {
        const z = await lockZone(q, i, ctx);
        if (!z) return;
        const prev = data ?? (await recordedPrevious<PublishPrev>(q, writingRun(ctx), dnsKeys.zone(i.zone)));
        if (!prev || prev.published || !z.published) return;
        await q.rows(`UPDATE lab.dns_zones SET published = false, serial = serial + 1 WHERE name = $1`, [i.zone]);
      });
    },
  },

  DeleteZone: {
    async execute(store, i, ctx) {
      await store.tx(async (q) => {
        if (!(await lockZone(q, i, ctx))) return;
        await deleteWithTombstone(q, {
          table: 'lab.dns_zones',
          key: [i.zone],
          objectKey: dnsKeys.zone(i.zone),
          runId: runOf(ctx),
          children: [{ table: 'lab.dns_records', columns: ['zone_name'] }],
        });
      });
      return { output: {} };
    },
    async rollback(store, i, _data, ctx) {
      await store.tx((q) => restoreFromTombstone(q, dnsKeys.zone(i.zone), writingRun(ctx)));
    },
  },

  AddRecord: {
    async execute(store, i, ctx) {
      const r = i.record;
      await store.tx(async (q) => {
        const z = await lockZone(q, i, ctx);
        if (!z) throw labFailure('LAB_PREREQUISITE_MISSING', `the DNS zone ${i.zone} does not exist`, { zone: i.zone });
        const [same] = await q.rows(`SELECT 1 FROM lab.dns_records WHERE zone_name = $1 AND name = $2 AND type = $3 AND value = $4`, [i.zone, r.name, r.type, r.value]);
        if (same) return;
        // RFC 1034 §3.6.2: a CNAME is the only record at its name.
        const [clash] = await q.rows(
          `SELECT type FROM lab.dns_records WHERE zone_name = $1 AND name = $2 AND (type = 'CNAME' OR $3 = 'CNAME') LIMIT 1`,
          [i.zone, r.name, r.type],
        );
        if (clash) throw labFailure('LAB_CONFLICT', `a CNAME cannot share the name ${r.name} with other records`, { name: r.name });
        await q.rows(
          `INSERT INTO lab.dns_records (zone_name, name, type, value, organization_id, ttl, priority, created_by_run)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
          [i.zone, r.name, r.type, r.value, z.organization_id, r.ttl, r.priority, runOf(ctx)],
        );
        await bumpSerial(q, i.zone);
      });
      return { output: {} };
    },
    async rollback(store, i, _data, ctx) {
      const r = i.record;
      await store.tx(async (q) => {
        if (!(await lockZone(q, i, ctx))) return;
        const gone = await q.rows(
          `DELETE FROM lab.dns_records WHERE zone_name = $1 AND name = $2 AND type = $3 AND value = $4 AND created_by_run = $5 RETURNING 1 AS gone`,
          [i.zone, r.name, r.type, r.value, writingRun(ctx)],
        );
        if (gone.length) await bumpSerial(q, i.zone);
      });
    },
  },

  RemoveRecord: {
    async execute(store, i, ctx) {
      const r = i.record;
      await store.tx(async (q) => {
        if (!(await lockZone(q, i, ctx))) return;
        const gone = await deleteWithTombstone(q, { table: 'lab.dns_records', key: [i.zone, r.name, r.type, r.value], objectKey: dnsKeys.record(i.zone, r), runId: runOf(ctx) });
        if (gone) await bumpSerial(q, i.zone);
      });
      return { output: {} };
    },
    async rollback(store, i, _data, ctx) {
      await store.tx(async (q) => {
        if (!(await lockZone(q, i, ctx))) return;
        const [present] = await q.rows(`SELECT 1 FROM lab.dns_records WHERE zone_name = $1 AND name = $2 AND type = $3 AND value = $4`, [
          i.zone,
          i.record.name,
          i.record.type,
          i.record.value,
        ]);
        if (present) return;
        if (await restoreFromTombstone(q, dnsKeys.record(i.zone, i.record), writingRun(ctx))) await bumpSerial(q, i.zone);
      });
    },
  },

  GetZone: {
    async execute(store, i, ctx) {
      const [z] = await store.rows(`SELECT organization_id, published, serial FROM lab.dns_zones WHERE name = $1`, [i.zone]);
      if (!z) throw labFailure('LAB_NOT_FOUND', `the zone ${i.zone} does not exist`);
      checkOwner(i.zone, z.organization_id, i, ctx);
      const records = await store.rows(`SELECT name, type, value, ttl, priority FROM lab.dns_records WHERE zone_name = $1 ORDER BY name, type, value`, [i.zone]);
      return { output: { published: z.published, records: records.map((r) => ({ name: r.name, type: r.type, value: r.value, ttl: r.ttl, priority: r.priority })) } };
    },
  },
};
