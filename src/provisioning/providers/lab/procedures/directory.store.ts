import { insertOrExisting, type LabQuery, type LabStore } from '../lab.store';

/** The lab's directory: lab.directory_ous and lab.directory_users. */

export interface DirectoryUserRow {
  organization_id: string;
  upn: string;
  distinguished_name: string;
}

export interface UserProps {
  displayName: string;
  disabled: boolean;
}

/** Creates the OU unless it exists (idempotent by organization). */
export async function insertOu(
  store: LabStore,
  ou: { organizationId: string; name: string; domain: string; ouPath: string; runId: string | null },
): Promise<void> {
  await insertOrExisting(
    store,
    {
      text: `INSERT INTO lab.directory_ous (organization_id, name, domain, ou_path, created_by_run) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT DO NOTHING RETURNING organization_id`,
      params: [ou.organizationId, ou.name, ou.domain, ou.ouPath, ou.runId],
    },
    { text: `SELECT organization_id FROM lab.directory_ous WHERE organization_id = $1`, params: [ou.organizationId] },
  );
}

/** Creates the user unless it exists; undefined when its UPN belongs to another organization. */
export async function insertDirectoryUser(
  store: LabStore,
  u: { organizationId: string; alias: string; upn: string; dn: string; displayName: string; runId: string | null },
): Promise<DirectoryUserRow | undefined> {
  const r = await insertOrExisting<DirectoryUserRow>(
    store,
    {
      text: `INSERT INTO lab.directory_users (organization_id, alias, upn, distinguished_name, display_name, created_by_run)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING organization_id, upn, distinguished_name`,
      params: [u.organizationId, u.alias, u.upn, u.dn, u.displayName, u.runId],
    },
    {
      text: `SELECT organization_id, upn, distinguished_name FROM lab.directory_users WHERE organization_id = $1 AND alias = $2`,
      params: [u.organizationId, u.alias],
    },
  );
  return r?.row;
}

/** Locks a user's properties for a change (in the caller's transaction). */
export async function lockUserProps(q: LabQuery, organizationId: string, alias: string): Promise<UserProps | undefined> {
  const [cur] = await q.rows<{ display_name: string; disabled: boolean }>(
    `SELECT display_name, disabled FROM lab.directory_users WHERE organization_id = $1 AND alias = $2 FOR UPDATE`,
    [organizationId, alias],
  );
  return cur && { displayName: cur.display_name, disabled: cur.disabled };
}

export async function setUserProps(q: LabQuery, organizationId: string, alias: string, props: UserProps): Promise<void> {
  await q.rows(`UPDATE lab.directory_users SET display_name = $3, disabled = $4 WHERE organization_id = $1 AND alias = $2`, [
    organizationId,
    alias,
    props.displayName,
    props.disabled,
  ]);
}

export interface DirectoryUser {
  alias: string;
  userPrincipalName: string;
  displayName: string;
  disabled: boolean;
}

const toUser = (u: { alias: string; upn: string; display_name: string; disabled: boolean }): DirectoryUser => ({
  alias: u.alias,
  userPrincipalName: u.upn,
  displayName: u.display_name,
  disabled: u.disabled,
});

export async function findDirectoryUser(store: LabStore, organizationId: string, alias: string): Promise<DirectoryUser | undefined> {
  const [u] = await store.rows<{ alias: string; upn: string; display_name: string; disabled: boolean }>(
    `SELECT alias, upn, display_name, disabled FROM lab.directory_users WHERE organization_id = $1 AND alias = $2`,
    [organizationId, alias],
  );
  return u && toUser(u);
}

export async function ouExists(store: LabStore, organizationId: string): Promise<boolean> {
  return (await store.rows(`SELECT 1 FROM lab.directory_ous WHERE organization_id = $1`, [organizationId])).length > 0;
}

export async function listDirectoryUsers(store: LabStore, organizationId: string): Promise<DirectoryUser[]> {
  const rows = await store.rows<{ alias: string; upn: string; display_name: string; disabled: boolean }>(
    `SELECT alias, upn, display_name, disabled FROM lab.directory_users WHERE organization_id = $1 ORDER BY alias`,
    [organizationId],
  );
  return rows.map(toUser);
}
