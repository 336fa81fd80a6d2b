import type { ProcedureContext } from '../../provider';
import { labFailure } from '../lab-failures';
import { dnsKeys, type ZoneInput } from '../../leaves/dns.leaves';
import { type LabNamespace, runOf, writingRun } from '../lab-procedure';
import { type LabQuery, deleteWithTombstone, recordedPrevious, rememberPrevious, restoreFromTombstone } from '../lab.store';
import {
  bumpSerial,
  cnameClash,
  deleteRecordCreatedBy,
  deleteZoneCreatedBy,
  findZone,
  insertRecord,
  insertZone,
  listRecords,
  lockZoneRow,
  recordExists,
  setZonePublished,
  type ZoneRow,
} from './dns.store';

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
async function lockZone(q: LabQuery, i: ZoneInput, ctx: ProcedureContext): Promise<ZoneRow | undefined> {
  const z = await lockZoneRow(q, i.zone);
  if (z) checkOwner(i.zone, z.organization_id, i, ctx);
  return z;
}

interface PublishPrev {
  published: boolean;
}

export const dnsLab: LabNamespace<'DNS'> = {
  CreateZone: {
    async execute(store, i, ctx) {
      const owner = await insertZone(store, { zone: i.zone, organizationId: i.organizationId, runId: runOf(ctx) });
      if (owner !== i.organizationId) throw labFailure('LAB_CONFLICT', `the zone ${i.zone} belongs to another organization`, { zone: i.zone });
      return { output: {} };
    },
    async rollback(store, i, _data, ctx) {
      // The zone's records go with it: they can only be there if this run's later steps added them.
      await deleteZoneCreatedBy(store, i.zone, i.organizationId, writingRun(ctx));
    },
  },

  PublishZone: {
    async execute(store, i, ctx) {
      const { serial, previous } = await store.tx(async (q) => {
        const z = await lockZone(q, i, ctx);
        if (!z) throw labFailure('LAB_NOT_FOUND', `the zone ${i.zone} does not exist`);
        const prev = await rememberPrevious<PublishPrev>(
          q,
          writingRun(ctx),
          ctx.stepSeq,
          dnsKeys.zone(i.zone),
          { published: z.published },
          { published: true },
        );
        if (z.published) return { serial: Number(z.serial), previous: prev };
        return { serial: await setZonePublished(q, i.zone, true), previous: prev };
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
        await setZonePublished(q, i.zone, false);
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
        if (await recordExists(q, i.zone, r)) return;
        if (await cnameClash(q, i.zone, r)) throw labFailure('LAB_CONFLICT', `a CNAME cannot share the name ${r.name} with other records`, { name: r.name });
        await insertRecord(q, i.zone, z.organization_id, r, runOf(ctx));
        await bumpSerial(q, i.zone);
      });
      return { output: {} };
    },
    async rollback(store, i, _data, ctx) {
      const r = i.record;
      await store.tx(async (q) => {
        if (!(await lockZone(q, i, ctx))) return;
        if (await deleteRecordCreatedBy(q, i.zone, r, writingRun(ctx))) await bumpSerial(q, i.zone);
      });
    },
  },

  RemoveRecord: {
    async execute(store, i, ctx) {
      const r = i.record;
      await store.tx(async (q) => {
        if (!(await lockZone(q, i, ctx))) return;
        const gone = await deleteWithTombstone(q, {
          table: 'lab.dns_records',
          key: [i.zone, r.name, r.type, r.value],
          objectKey: dnsKeys.record(i.zone, r),
          runId: runOf(ctx),
        });
        if (gone) await bumpSerial(q, i.zone);
      });
      return { output: {} };
    },
    async rollback(store, i, _data, ctx) {
      await store.tx(async (q) => {
        if (!(await lockZone(q, i, ctx))) return;
        if (await recordExists(q, i.zone, i.record)) return;
        if (await restoreFromTombstone(q, dnsKeys.record(i.zone, i.record), writingRun(ctx))) await bumpSerial(q, i.zone);
      });
    },
  },

  GetZone: {
    async execute(store, i, ctx) {
      const z = await findZone(store, i.zone);
      if (!z) throw labFailure('LAB_NOT_FOUND', `the zone ${i.zone} does not exist`);
      checkOwner(i.zone, z.organization_id, i, ctx);
      const records = await listRecords(store, i.zone);
      return {
        output: { published: z.published, records: records.map((r) => ({ name: r.name, type: r.type, value: r.value, ttl: r.ttl, priority: r.priority })) },
      };
    },
  },
};
