import { clock } from '../../../../common/clock';
import { labFailure } from '../lab-failures';
import { Fields } from '../lab-input';
import { isoOrNull, labProcedure, runOf } from '../lab-procedure';
import { deleteIfCreatedBy, deleteWithTombstone, insertOrExisting, recordedPrevious, rememberPrevious, restoreFromTombstone } from '../lab-store';

/** Mobility (ActiveSync): policies, mobility-enabled mailboxes and their devices. */

const POLICY_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9 _.-]{0,62}[A-Za-z0-9])?$/;
const DEVICE_ID = /^[A-Za-z0-9_-]{1,64}$/;

const policyKey = (org: string, name: string) => `mobility-policy:${org}:${name}`;
const mobilityUserKey = (org: string, alias: string) => `mobility-user:${org}:${alias}`;
const deviceKey = (org: string, alias: string, device: string) => `mobility-device:${org}:${alias}:${device}`;

function orgAndAlias(raw: Record<string, unknown>) {
  return { organizationId: Fields.of(raw, 'organization').id('id'), alias: Fields.of(raw, 'user').alias('alias') };
}
function orgAndPolicy(raw: Record<string, unknown>) {
  return {
    organizationId: Fields.of(raw, 'organization').id('id'),
    policy: Fields.of(raw, 'policy').pattern('name', POLICY_NAME, 'must be 1-64 letters, digits, spaces, _ . -'),
  };
}

export const createPolicy = labProcedure({
  id: 'Mobility.CreatePolicy',
  parse(raw) {
    const p = Fields.of(raw, 'policy');
    return { ...orgAndPolicy(raw), requirePin: p.bool('requirePin') ?? true, maxDevicesPerUser: p.int('maxDevicesPerUser', 1, 100, false) ?? 5 };
  },
  naturalKey: (i) => policyKey(i.organizationId, i.policy),
  organization: (i) => i.organizationId,
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
});

export const deletePolicy = labProcedure({
  id: 'Mobility.DeletePolicy',
  parse: orgAndPolicy,
  naturalKey: (i) => policyKey(i.organizationId, i.policy),
  organization: (i) => i.organizationId,
  async execute(store, i, ctx) {
    await store.tx((q) =>
      deleteWithTombstone(q, { table: 'lab.mobility_policies', key: [i.organizationId, i.policy], objectKey: policyKey(i.organizationId, i.policy), runId: runOf(ctx) }),
    );
    return { output: {} };
  },
  async rollback(store, i, _data, ctx) {
    await store.tx((q) => restoreFromTombstone(q, policyKey(i.organizationId, i.policy), ctx.runId));
  },
});

export const enableUser = labProcedure({
  id: 'Mobility.EnableUser',
  parse: (raw) => ({ ...orgAndAlias(raw), policy: orgAndPolicy(raw).policy }),
  naturalKey: (i) => mobilityUserKey(i.organizationId, i.alias),
  organization: (i) => i.organizationId,
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
});

export const disableUser = labProcedure({
  id: 'Mobility.DisableUser',
  parse: orgAndAlias,
  naturalKey: (i) => mobilityUserKey(i.organizationId, i.alias),
  organization: (i) => i.organizationId,
  async execute(store, i, ctx) {
    await store.tx((q) =>
      deleteWithTombstone(q, {
        table: 'lab.mobility_users',
        key: [i.organizationId, i.alias],
        objectKey: mobilityUserKey(i.organizationId, i.alias),
        runId: runOf(ctx),
        children: [{ table: 'lab.mobility_devices', columns: ['organization_id', 'alias'] }],
      }),
    );
    return { output: {} };
  },
  async rollback(store, i, _data, ctx) {
    await store.tx((q) => restoreFromTombstone(q, mobilityUserKey(i.organizationId, i.alias), ctx.runId));
  },
});

interface WipePrev {
  wipeStatus: string;
  wipeRequestedAt: string | null;
}

export const wipeDevice = labProcedure({
  id: 'Mobility.WipeDevice',
  parse: (raw) => ({ ...orgAndAlias(raw), deviceId: Fields.of(raw, 'device').pattern('id', DEVICE_ID, 'must be 1-64 letters, digits, _ -') }),
  naturalKey: (i) => deviceKey(i.organizationId, i.alias, i.deviceId),
  organization: (i) => i.organizationId,
  async execute(store, i, ctx) {
    const previous = await store.tx(async (q) => {
      const key = [i.organizationId, i.alias, i.deviceId];
      const [cur] = await q.rows(`SELECT wipe_status, wipe_requested_at FROM lab.mobility_devices WHERE organization_id = $1 AND alias = $2 AND device_id = $3 FOR UPDATE`, key);
      if (!cur) throw labFailure('LAB_NOT_FOUND', `device ${i.deviceId} of ${i.alias} does not exist`);
      const current: WipePrev = { wipeStatus: cur.wipe_status, wipeRequestedAt: isoOrNull(cur.wipe_requested_at) };
      const next: WipePrev = { wipeStatus: 'pending', wipeRequestedAt: current.wipeRequestedAt ?? clock.now().toISOString() };
      const prev = await rememberPrevious<WipePrev>(q, ctx.runId, ctx.stepSeq, deviceKey(i.organizationId, i.alias, i.deviceId), current, next);
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
      const prev = data ?? (await recordedPrevious<WipePrev>(q, ctx.runId, deviceKey(i.organizationId, i.alias, i.deviceId)));
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
});

export const getDevices = labProcedure({
  id: 'Mobility.GetDevices',
  parse: orgAndAlias,
  naturalKey: (i) => mobilityUserKey(i.organizationId, i.alias),
  organization: (i) => i.organizationId,
  async execute(store, i) {
    const [u] = await store.rows(`SELECT 1 FROM lab.mobility_users WHERE organization_id = $1 AND alias = $2`, [i.organizationId, i.alias]);
    if (!u) throw labFailure('LAB_NOT_FOUND', `${i.alias} is not enabled for mobility`);
    const rows = await store.rows(
      `SELECT device_id, model, wipe_status, wipe_requested_at FROM lab.mobility_devices WHERE organization_id = $1 AND alias = $2 ORDER BY device_id`,
      [i.organizationId, i.alias],
    );
    return { output: { devices: rows.map((d) => ({ id: d.device_id, model: d.model, wipeStatus: d.wipe_status, wipeRequestedAt: isoOrNull(d.wipe_requested_at) })) } };
  },
});

export const mobilityProcedures = [createPolicy, deletePolicy, enableUser, disableUser, wipeDevice, getDevices];
