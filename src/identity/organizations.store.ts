import type { InScope } from '../access/access.service';
import type { Organization } from '../access/organization';
import type { OrganizationKind } from '../access/permissions';
import { scopeSql, type TenantScope } from '../access/tenant-scope';
import { ProblemError } from '../common/errors/problem';
import type { Sql } from '../database/sql';
import { Where } from '../database/where';
import { isUniqueViolation } from '../common/errors/unique-violation';

/**
 * The only SQL on `organizations`. Other modules use the exported lookups (`findOrganization`,
 * `findOrganizations`, `lockOrganization`, `lockOrganizations`, `findHoster`), always on their
 * own handle so they run inside the caller's transaction.
 */

export interface OrganizationRow {
  id: string;
  kind: OrganizationKind;
  name: string;
  parent_id: string | null;
  path: string;
  status: 'active' | 'suspended';
  suspended_at: Date | null;
  suspended_reason: string | null;
  /** Who suspended it: only that organization or one above it may resume it. */
  suspended_by_org_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

type SummaryRow = Pick<OrganizationRow, 'id' | 'name' | 'kind' | 'path' | 'parent_id' | 'status'>;

const SUMMARY = 'id, name, kind, path, parent_id, status';

function summary(r: SummaryRow): Organization {
  return { id: r.id, name: r.name, kind: r.kind, path: r.path, parentId: r.parent_id, status: r.status };
}

export async function findOrganization(sql: Sql, id: string): Promise<Organization | undefined> {
  const r = await sql.query<SummaryRow>(`SELECT ${SUMMARY} FROM organizations WHERE id = $1`, [id]);
  return r.rows[0] && summary(r.rows[0]);
}

export async function findOrganizations(sql: Sql, ids: readonly string[]): Promise<Organization[]> {
  const r = await sql.query<SummaryRow>(`SELECT ${SUMMARY} FROM organizations WHERE id = ANY($1::text[])`, [ids]);
  return r.rows.map(summary);
}

/** `update`: the row is about to change (or must not change under the caller); `key share`: it must not go away. */
export type OrganizationLock = 'update' | 'key share';

/** Reads and row-locks one organization until the caller's transaction ends. */
export async function lockOrganization(sql: Sql, id: string, mode: OrganizationLock = 'update'): Promise<Organization | undefined> {
  const r = await sql.query<SummaryRow>(`SELECT ${SUMMARY} FROM organizations WHERE id = $1 FOR ${mode === 'update' ? 'UPDATE' : 'KEY SHARE'}`, [id]);
  return r.rows[0] && summary(r.rows[0]);
}

/** Locks several organizations in id order (so concurrent lockers never deadlock). */
export async function lockOrganizations(sql: Sql, ids: readonly string[], mode: OrganizationLock = 'update'): Promise<Organization[]> {
  const r = await sql.query<SummaryRow>(
    `SELECT ${SUMMARY} FROM organizations WHERE id = ANY($1::text[]) ORDER BY id FOR ${mode === 'update' ? 'UPDATE' : 'KEY SHARE'}`,
    [ids],
  );
  return r.rows.map(summary);
}

/**
 * Serializes installations bootstrapping at once (several processes starting together), until the
 * caller's transaction ends.
 */
export async function lockBootstrap(sql: Sql): Promise<void> {
  await sql.query(`SELECT pg_advisory_xact_lock(hashtext('provisio:bootstrap'))`);
}

/** The hoster organization (there is exactly one once the installation is bootstrapped). */
export async function findHoster(sql: Sql): Promise<Organization | undefined> {
  const r = await sql.query<SummaryRow>(`SELECT ${SUMMARY} FROM organizations WHERE kind = 'hoster'`);
  return r.rows[0] && summary(r.rows[0]);
}

const SCOPE_COLUMNS = { path: 'o.path', orgId: 'o.id' };

/** One organization with whether `scope` reaches it (the access service turns "no" into a 404). */
export async function findOrganizationRow(sql: Sql, scope: TenantScope, id: string): Promise<(OrganizationRow & InScope) | undefined> {
  const where = new Where();
  const inScope = scopeSql(scope, SCOPE_COLUMNS, (v) => where.param(v));
  const r = await sql.query<OrganizationRow & { in_scope: boolean }>(
    `SELECT o.*, (${inScope}) AS in_scope FROM organizations o WHERE o.id = ${where.param(id)}`,
    where.params,
  );
  const row = r.rows[0];
  if (!row) return undefined;
  const { in_scope, ...org } = row;
  return { ...org, inScope: in_scope };
}

export interface OrganizationFilter {
  kind?: string;
  parentId?: string;
  status?: string;
  /** Keyset: ids after this one. */
  after?: string;
  limit: number;
}

/** Organizations in `scope`, by id. */
export async function listOrganizations(sql: Sql, scope: TenantScope, f: OrganizationFilter): Promise<OrganizationRow[]> {
  const where = new Where();
  where.raw(scopeSql(scope, SCOPE_COLUMNS, (v) => where.param(v)));
  where
    .add((n) => `o.kind = ${n}`, f.kind)
    .add((n) => `o.parent_id = ${n}`, f.parentId)
    .add((n) => `o.status = ${n}`, f.status)
    .add((n) => `o.id > ${n}`, f.after);
  return (await sql.query<OrganizationRow>(`SELECT o.* FROM organizations o WHERE ${where.sql} ORDER BY o.id LIMIT ${where.param(f.limit)}`, where.params))
    .rows;
}

function nameTaken(e: unknown, detail?: string): unknown {
  return isUniqueViolation(e, 'organizations_sibling_name_uq') ? new ProblemError('ORGANIZATION_NAME_TAKEN', detail) : e;
}

export interface NewOrganization {
  id: string;
  kind: OrganizationKind;
  name: string;
  parentId: string | null;
  path: string;
}

/** ORGANIZATION_NAME_TAKEN when a sibling has the name (case-insensitive). */
export async function insertOrganization(sql: Sql, o: NewOrganization): Promise<OrganizationRow> {
  try {
    const r = await sql.query<OrganizationRow>(`INSERT INTO organizations (id, kind, name, parent_id, path) VALUES ($1, $2, $3, $4, $5) RETURNING *`, [
      o.id,
      o.kind,
      o.name,
      o.parentId,
      o.path,
    ]);
    return r.rows[0];
  } catch (e) {
    throw nameTaken(e, `"${o.name}" already exists under this parent`);
  }
}

/** The full row, locked for update until the caller's transaction ends. */
export async function lockOrganizationRow(sql: Sql, id: string): Promise<OrganizationRow | undefined> {
  return (await sql.query<OrganizationRow>(`SELECT * FROM organizations WHERE id = $1 FOR UPDATE`, [id])).rows[0];
}

/** Renames (when `name` is given) and bumps the version. */
export async function updateOrganization(sql: Sql, id: string, name: string | null): Promise<OrganizationRow> {
  try {
    const r = await sql.query<OrganizationRow>(
      `UPDATE organizations SET name = coalesce($2, name), version = version + 1, updated_at = now() WHERE id = $1 RETURNING *`,
      [id, name],
    );
    return r.rows[0];
  } catch (e) {
    throw nameTaken(e);
  }
}

/** Suspends (by the organization `byOrgId` acts for) or resumes. */
export async function setOrganizationSuspended(
  sql: Sql,
  id: string,
  change: { suspended: boolean; reason: string | null; byOrgId: string },
): Promise<OrganizationRow> {
  const r = await sql.query<OrganizationRow>(
    `UPDATE organizations SET status = $2, suspended_at = CASE WHEN $2 = 'suspended' THEN now() END,
            suspended_reason = CASE WHEN $2 = 'suspended' THEN $3 END, suspended_by_org_id = CASE WHEN $2 = 'suspended' THEN $4 END,
            version = version + 1, updated_at = now()
      WHERE id = $1 RETURNING *`,
    [id, change.suspended ? 'suspended' : 'active', change.reason, change.byOrgId],
  );
  return r.rows[0];
}
