import type { InScope } from '../access/access.service';
import type { OrganizationKind, Role } from '../access/permissions';
import { EVERYTHING, scopeSql, type TenantScope } from '../access/tenant-scope';
import { ProblemError } from '../common/errors/problem';
import { isUniqueViolation } from '../common/errors/unique-violation';
import type { Sql } from '../database/sql';
import { Where } from '../database/where';

/** The only SQL on `users` and `role_assignments`. */

export type UserStatus = 'active' | 'disabled' | 'deleted';

/** A user with its roles and its organization's path and kind. */
export interface UserRow {
  id: string;
  organization_id: string;
  username: string;
  display_name: string;
  email: string | null;
  status: UserStatus;
  version: number;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  org_path: string;
  org_kind: OrganizationKind;
  roles: Role[];
}

/** `extra`: more output columns. */
function userSelect(extra = ''): string {
  return `SELECT u.*, o.path AS org_path, o.kind AS org_kind${extra},
                 coalesce((SELECT array_agg(ra.role) FROM role_assignments ra WHERE ra.user_id = u.id), '{}') AS roles
            FROM users u JOIN organizations o ON o.id = u.organization_id`;
}

const SCOPE_COLUMNS = { path: 'o.path', orgId: 'o.id' };

/**
 * A user that is not deleted, with whether `scope` reaches its organization. `lock` row-locks the
 * user until the caller's transaction ends. Trusted callers (the principal's own row, the CLI)
 * pass EVERYTHING.
 */
export async function findUser(sql: Sql, scope: TenantScope, id: string, opts: { lock?: boolean } = {}): Promise<(UserRow & InScope) | undefined> {
  // The lock comes first, in a statement of its own: a statement that waits for a row lock keeps
  // the snapshot it started with for everything but that row, so roles read in the same statement
  // would be those from before the change that held the lock (lost grants, false audit `before`).
  if (opts.lock) await sql.query(`SELECT 1 FROM users WHERE id = $1 AND status <> 'deleted' FOR UPDATE`, [id]);
  const where = new Where();
  const inScope = scopeSql(scope, SCOPE_COLUMNS, (v) => where.param(v));
  const r = await sql.query<UserRow & { in_scope: boolean }>(
    `${userSelect(`, (${inScope}) AS in_scope`)} WHERE u.id = ${where.param(id)} AND u.status <> 'deleted'`,
    where.params,
  );
  const row = r.rows[0];
  if (!row) return undefined;
  const { in_scope, ...user } = row;
  return { ...user, inScope: in_scope };
}

/** An active user by username (case-insensitive) or id, for operator tools. */
export async function findActiveUser(sql: Sql, idOrUsername: string, byId: boolean): Promise<UserRow | undefined> {
  const r = await sql.query<UserRow>(`${userSelect()} WHERE ${byId ? 'u.id = $1' : 'lower(u.username) = lower($1)'} AND u.status = 'active'`, [idOrUsername]);
  return r.rows[0];
}

/** The users of one organization (the caller checked the organization is in scope), by id. */
export async function listUsers(sql: Sql, organizationId: string, page: { after?: string; limit: number }): Promise<UserRow[]> {
  const r = await sql.query<UserRow>(
    `${userSelect()} WHERE u.organization_id = $1 AND u.status <> 'deleted' AND ($2::text IS NULL OR u.id > $2) ORDER BY u.id LIMIT $3`,
    [organizationId, page.after ?? null, page.limit],
  );
  return r.rows;
}

export interface NewUser {
  id: string;
  organizationId: string;
  username: string;
  displayName: string;
  email?: string | null;
  roles: Role[];
  grantedBy?: string | null;
}

/** Inserts a user and its roles; USERNAME_TAKEN on a duplicate (case-insensitive). */
export async function insertUser(sql: Sql, u: NewUser): Promise<UserRow> {
  try {
    await sql.query(`INSERT INTO users (id, organization_id, username, display_name, email) VALUES ($1, $2, $3, $4, $5)`, [
      u.id,
      u.organizationId,
      u.username,
      u.displayName,
      u.email ?? null,
    ]);
  } catch (e) {
    if (isUniqueViolation(e, 'users_username_uq')) throw new ProblemError('USERNAME_TAKEN', `The username "${u.username}" is already taken`);
    throw e;
  }
  for (const role of u.roles) await grantRole(sql, u.id, role, u.grantedBy ?? null);
  return (await findUser(sql, EVERYTHING, u.id))!;
}

export interface UserChange {
  displayName?: string | null;
  email?: string | null;
  status: UserStatus;
}

/** Changes the profile fields given and the status; bumps the version. Returns the user after. */
export async function updateUser(sql: Sql, id: string, c: UserChange): Promise<UserRow> {
  await sql.query(
    `UPDATE users SET display_name = coalesce($2, display_name), email = coalesce($3, email), status = $4, version = version + 1, updated_at = now() WHERE id = $1`,
    [id, c.displayName ?? null, c.email ?? null, c.status],
  );
  return (await findUser(sql, EVERYTHING, id))!;
}

/** Soft delete: the row stays for the audit trail, its roles go. */
export async function markUserDeleted(sql: Sql, id: string): Promise<void> {
  await sql.query(`UPDATE users SET status = 'deleted', deleted_at = now(), version = version + 1, updated_at = now() WHERE id = $1`, [id]);
  await sql.query(`DELETE FROM role_assignments WHERE user_id = $1`, [id]);
}

export async function grantRole(sql: Sql, userId: string, role: Role, grantedBy: string | null): Promise<void> {
  await sql.query(`INSERT INTO role_assignments (user_id, role, granted_by_user_id) VALUES ($1, $2, $3)`, [userId, role, grantedBy]);
}

export async function revokeRole(sql: Sql, userId: string, role: Role): Promise<void> {
  await sql.query(`DELETE FROM role_assignments WHERE user_id = $1 AND role = $2`, [userId, role]);
}
