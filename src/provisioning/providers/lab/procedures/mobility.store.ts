import { insertOrExisting, type LabQuery, type LabStore } from '../lab.store';
import { iso } from '../../../../common/iso';

/** The lab's mobility: lab.mobility_policies, lab.mobility_users, lab.mobility_devices. */

export interface WipeState {
  wipeStatus: string;
  wipeRequestedAt: string | null;
}

export interface Device extends WipeState {
  id: string;
  model: string;
}

export async function insertPolicy(
  store: LabStore,
  p: { organizationId: string; name: string; requirePin: boolean; maxDevicesPerUser: number; runId: string | null },
): Promise<void> {
  await insertOrExisting(
    store,
    {
      text: `INSERT INTO lab.mobility_policies (organization_id, name, require_pin, max_devices_per_user, created_by_run)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING organization_id`,
      params: [p.organizationId, p.name, p.requirePin, p.maxDevicesPerUser, p.runId],
    },
    { text: `SELECT organization_id FROM lab.mobility_policies WHERE organization_id = $1 AND name = $2`, params: [p.organizationId, p.name] },
  );
}

export async function insertMobilityUser(store: LabStore, u: { organizationId: string; alias: string; policy: string; runId: string | null }): Promise<void> {
  await insertOrExisting(
    store,
    {
      text: `INSERT INTO lab.mobility_users (organization_id, alias, policy_name, created_by_run) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING RETURNING organization_id`,
      params: [u.organizationId, u.alias, u.policy, u.runId],
    },
    { text: `SELECT organization_id FROM lab.mobility_users WHERE organization_id = $1 AND alias = $2`, params: [u.organizationId, u.alias] },
  );
}

/** Locks a mobility user for a policy change; its policy, or undefined when it is not enabled. */
export async function lockUserPolicy(q: LabQuery, organizationId: string, alias: string): Promise<string | undefined> {
  const [cur] = await q.rows<{ policy_name: string }>(`SELECT policy_name FROM lab.mobility_users WHERE organization_id = $1 AND alias = $2 FOR UPDATE`, [
    organizationId,
    alias,
  ]);
  return cur?.policy_name;
}

/** Moves a mobility user to a policy (the foreign key refuses a policy that does not exist). */
export async function setUserPolicy(q: LabQuery, organizationId: string, alias: string, policy: string): Promise<void> {
  await q.rows(`UPDATE lab.mobility_users SET policy_name = $3 WHERE organization_id = $1 AND alias = $2`, [organizationId, alias, policy]);
}

/** Locks a device for a wipe change; its wipe state, or undefined when it does not exist. */
export async function lockDeviceWipe(q: LabQuery, organizationId: string, alias: string, deviceId: string): Promise<WipeState | undefined> {
  const [cur] = await q.rows<{ wipe_status: string; wipe_requested_at: Date | null }>(
    `SELECT wipe_status, wipe_requested_at FROM lab.mobility_devices WHERE organization_id = $1 AND alias = $2 AND device_id = $3 FOR UPDATE`,
    [organizationId, alias, deviceId],
  );
  return cur && { wipeStatus: cur.wipe_status, wipeRequestedAt: iso(cur.wipe_requested_at) };
}

export async function setDeviceWipe(q: LabQuery, organizationId: string, alias: string, deviceId: string, w: WipeState): Promise<void> {
  await q.rows(`UPDATE lab.mobility_devices SET wipe_status = $4, wipe_requested_at = $5 WHERE organization_id = $1 AND alias = $2 AND device_id = $3`, [
    organizationId,
    alias,
    deviceId,
    w.wipeStatus,
    w.wipeRequestedAt,
  ]);
}

export async function mobilityUserExists(store: LabStore, organizationId: string, alias: string): Promise<boolean> {
  return (await store.rows(`SELECT 1 FROM lab.mobility_users WHERE organization_id = $1 AND alias = $2`, [organizationId, alias])).length > 0;
}

export async function listDevices(store: LabStore, organizationId: string, alias: string): Promise<Device[]> {
  const rows = await store.rows<{ device_id: string; model: string; wipe_status: string; wipe_requested_at: Date | null }>(
    `SELECT device_id, model, wipe_status, wipe_requested_at FROM lab.mobility_devices WHERE organization_id = $1 AND alias = $2 ORDER BY device_id`,
    [organizationId, alias],
  );
  return rows.map((d) => ({ id: d.device_id, model: d.model, wipeStatus: d.wipe_status, wipeRequestedAt: iso(d.wipe_requested_at) }));
}
