import { type DelegationVisibility, delegationVisibilitySql } from '../access/delegation-rules';
import type { Role } from '../access/permissions';
import type { Sql } from '../database/sql';
import { Where } from '../database/where';

/** The only SQL on `delegations`. */

export type DelegationStatus = 'pending' | 'active' | 'revoked' | 'expired';

/** A delegation with its customer's path and parent. */
export interface DelegationRow {
  id: string;
  reseller_org_id: string;
  customer_org_id: string;
  roles: Role[];
  /** bigint: pg returns it as a string. */
  duration_ms: string;
  status: DelegationStatus;
  note: string | null;
  requested_by_user_id: string;
  requested_at: Date;
  request_expires_at: Date;
  approved_by_user_id: string | null;
  approved_at: Date | null;
  approved_at_creation: boolean;
  starts_at: Date | null;
  ends_at: Date | null;
  revoked_by_user_id: string | null;
  revoked_at: Date | null;
  revoke_reason: string | null;
  customer_path: string;
  customer_parent: string | null;
}

const SELECT = `SELECT d.*, c.path AS customer_path, c.parent_id AS customer_parent FROM delegations d JOIN organizations c ON c.id = d.customer_org_id`;

/**
 * One delegation; `lock` row-locks it until the caller's transaction ends (`share`: against a
 * concurrent revocation, while something is issued under it).
 */
export async function findDelegation(sql: Sql, id: string, opts: { lock?: boolean | 'share' } = {}): Promise<DelegationRow | undefined> {
  const lock = opts.lock === 'share' ? ' FOR SHARE OF d' : opts.lock ? ' FOR UPDATE OF d' : '';
  return (await sql.query<DelegationRow>(`${SELECT} WHERE d.id = $1${lock}`, [id])).rows[0];
}

/** Delegations visible to the caller, newest id first. */
export async function listDelegations(
  sql: Sql,
  visibility: DelegationVisibility,
  f: { customerId?: string; before?: string; limit: number },
): Promise<DelegationRow[]> {
  const where = new Where();
  where.raw(delegationVisibilitySql(visibility, { resellerOrgId: 'd.reseller_org_id', customerOrgId: 'd.customer_org_id' }, (v) => where.param(v)));
  where.add((n) => `d.customer_org_id = ${n}`, f.customerId).add((n) => `d.id < ${n}`, f.before);
  return (await sql.query<DelegationRow>(`${SELECT} WHERE ${where.sql} ORDER BY d.id DESC LIMIT ${where.param(f.limit)}`, where.params)).rows;
}

export interface NewDelegation {
  id: string;
  resellerOrgId: string;
  customerOrgId: string;
  roles: Role[];
  durationMs: number;
  note?: string | null;
  requestedBy: string;
  requestedAt: Date;
  requestExpiresAt: Date;
}

export async function insertPendingDelegation(sql: Sql, d: NewDelegation): Promise<DelegationRow> {
  await sql.query(
    `INSERT INTO delegations (id, reseller_org_id, customer_org_id, roles, duration_ms, status, note, requested_by_user_id, requested_at, request_expires_at)
     VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7, $8, $9)`,
    [d.id, d.resellerOrgId, d.customerOrgId, d.roles, d.durationMs, d.note ?? null, d.requestedBy, d.requestedAt, d.requestExpiresAt],
  );
  return (await findDelegation(sql, d.id))!;
}

/** A delegation the reseller approves itself while creating its customer (audited as such by the caller). */
export async function insertDelegationApprovedAtCreation(sql: Sql, d: Omit<NewDelegation, 'note' | 'requestExpiresAt'>): Promise<void> {
  await sql.query(
    `INSERT INTO delegations (id, reseller_org_id, customer_org_id, roles, duration_ms, status, requested_by_user_id, requested_at, request_expires_at,
                              approved_by_user_id, approved_at, approved_at_creation, starts_at, ends_at)
     VALUES ($1, $2, $3, $4, $5, 'active', $6, $7, $7, $6, $7, true, $7, $8)`,
    [d.id, d.resellerOrgId, d.customerOrgId, d.roles, d.durationMs, d.requestedBy, d.requestedAt, new Date(d.requestedAt.getTime() + d.durationMs)],
  );
}

/** Active from `at` for its duration. */
export async function approveDelegation(sql: Sql, id: string, by: string, at: Date, endsAt: Date): Promise<DelegationRow> {
  await sql.query(`UPDATE delegations SET status = 'active', approved_by_user_id = $2, approved_at = $3, starts_at = $3, ends_at = $4 WHERE id = $1`, [
    id,
    by,
    at,
    endsAt,
  ]);
  return (await findDelegation(sql, id))!;
}

export async function revokeDelegation(sql: Sql, id: string, by: string, reason: string | null): Promise<DelegationRow> {
  await sql.query(`UPDATE delegations SET status = 'revoked', revoked_by_user_id = $2, revoked_at = now(), revoke_reason = $3 WHERE id = $1`, [id, by, reason]);
  return (await findDelegation(sql, id))!;
}
