import { clock } from '../../../../common/clock';
import { labFailure } from '../lab-failures';
import { mobilityKeys } from '../../leaves/mobility.leaves';
import { isoOrNull, type LabNamespace, runOf, writingRun } from '../lab-procedure';
import { deleteIfCreatedBy, deleteWithTombstone, insertOrExisting, recordedPrevious, rememberPrevious, restoreFromTombstone } from '../lab-store';

/** Mobility (ActiveSync): policies, mobility-enabled mailboxes and their devices. */

interface WipePrev {
  wipeStatus: string;
  wipeRequestedAt: string | null;
}

export const mobilityLab: LabNamespace<'Mobility'> = {
  CreatePolicy: {
    async execute(store, i, ctx) {
      await insertOrExisting(
        store,
        {
          text: `INSERT INTO lab.mobility_policies (organization_id, name, require_pin, max_devices_per_user, created_by_run)
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING organization_id`,
          params: [i.organizationId, i.policy, i.requirePin, i.maxDevicesPerUser, runOf(ctx)],
        },
        { text: `SELECT organization_id FROM lab.mobility_policies WHERE organization_id = $1 AND name = $2`, params: [i.organizationId, i.policy] },
      );
      return { output: {} };
    },
    async rollback(store, i, _data, ctx) {
      await deleteIfCreatedBy(store, 'lab.mobility_policies', [i.organizationId, i.policy], runOf(ctx));
    },
  },

  DeletePolicy: {
    async execute(store, i, ctx) {
      await store.tx((q) =>
        deleteWithTombstone(q, { table: 'lab.mobility_policies', key: [i.organizationId, i.policy], objectKey: mobilityKeys.policy(i.organizationId, i.policy), runId: runOf(ctx) }),
      );
      return { output: {} };
    },
    async rollback(store, i, _data, ctx) {
      await store.tx((q) => restoreFromTombstone(q, mobilityKeys.policy(i.organizationId, i.policy), writingRun(ctx)));
    },
  },

  EnableUser: {
    async execute(store, i, ctx) {
      await insertOrExisting(
        store,
        {
          text: `INSERT INTO lab.mobility_users (organization_id, alias, policy_name, created_by_run) VALUES ($1, $2, $3, $4)
                 ON CONFLICT DO NOTHING RETURNING organization_id`,
          params: [i.organizationId, i.alias, i.policy, runOf(ctx)],
        },
        { text: `SELECT organization_id FROM lab.mobility_users WHERE organization_id = $1 AND alias = $2`, params: [i.organizationId, i.alias] },
      );
      return { output: {} };
    },
    async rollback(store, i, _data, ctx) {
      // Devices that synced meanwhile go with it (foreign key cascade), as partnerships do on a real platform.
      await deleteIfCreatedBy(store, 'lab.mobility_users', [i.organizationId, i.alias], runOf(ctx));
    },
  },

  DisableUser: {
    async execute(store, i, ctx) {
      await store.tx((q) =>
        deleteWithTombstone(q, {
          table: 'lab.mobility_users',
          key: [i.organizationId, i.alias],
          objectKey: mobilityKeys.user(i.organizationId, i.alias),
          runId: runOf(ctx),
          children: [{ table: 'lab.mobility_devices', columns: ['organization_id', 'alias'] }],
        }),
      );
      return { output: {} };
    },
    async rollback(store, i, _data, ctx) {
      await store.tx((q) => restoreFromTombstone(q, mobilityKeys.user(i.organizationId, i.alias), writingRun(ctx)));
    },
  },

  WipeDevice: {
    async execute(store, i, ctx) {
      const previous = await store.tx(async (q) => {
        const key = [i.organizationId, i.alias, i.deviceId];
        const [cur] = await q.rows(`SELECT wipe_status, wipe_requested_at FROM lab.mobility_devices WHERE organization_id = $1 AND alias = $2 AND device_id = $3 FOR UPDATE`, key);
        if (!cur) throw labFailure('LAB_NOT_FOUND', `device ${i.deviceId} of ${i.alias} does not exist`);
        const current: WipePrev = { wipeStatus: cur.wipe_status, wipeRequestedAt: isoOrNull(cur.wipe_requested_at) };
        const next: WipePrev = { wipeStatus: 'pending', wipeRequestedAt: current.wipeRequestedAt ?? clock.now().toISOString() };
        const prev = await rememberPrevious<WipePrev>(q, writingRun(ctx), ctx.stepSeq, mobilityKeys.device(i.organizationId, i.alias, i.deviceId), current, next);
        await q.rows(`UPDATE lab.mobility_devices SET wipe_status = $4, wipe_requested_at = $5 WHERE organization_id = $1 AND alias = $2 AND device_id = $3`, [
          ...key,
          next.wipeStatus,
          next.wipeRequestedAt,
        ]);
        return prev;
      });
      return { output: {}, rollback: previous };
    },
    /** Cancels the pending wipe (restores the previous state); without rollback data uses the change log, else leaves as is. */
    async rollback(store, i, data: WipePrev | undefined, ctx) {
      await store.tx(async (q) => {
        const prev = data ?? (await recordedPrevious<WipePrev>(q, writingRun(ctx), mobilityKeys.device(i.organizationId, i.alias, i.deviceId)));
        if (!prev) return;
        await q.rows(`UPDATE lab.mobility_devices SET wipe_status = $4, wipe_requested_at = $5 WHERE organization_id = $1 AND alias = $2 AND device_id = $3`, [
          i.organizationId,
          i.alias,
          i.deviceId,
          prev.wipeStatus,
          prev.wipeRequestedAt,
        ]);
      });
    },
  },

  GetDevices: {
    async execute(store, i) {
      const [u] = await store.rows(`SELECT 1 FROM lab.mobility_users WHERE organization_id = $1 AND alias = $2`, [i.organizationId, i.alias]);
      if (!u) throw labFailure('LAB_NOT_FOUND', `${i.alias} is not enabled for mobility`);
      const rows = await store.rows(
        `SELECT device_id, model, wipe_status, wipe_requested_at FROM lab.mobility_devices WHERE organization_id = $1 AND alias = $2 ORDER BY device_id`,
        [i.organizationId, i.alias],
      );
      return { output: { devices: rows.map((d) => ({ id: d.device_id, model: d.model, wipeStatus: d.wipe_status, wipeRequestedAt: isoOrNull(d.wipe_requested_at) })) } };
    },
  },
};
