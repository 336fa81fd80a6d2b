import type { Pool } from 'pg';
import type { OrganizationKind, Role } from '../access/permissions';
import type { Sql } from '../database/sql';

/** The only SQL on `tokens` (and the one read that resolves a bearer token). */

export interface TokenRow {
  id: string;
  token_hash: string;
  prefix: string;
  name: string | null;
  user_id: string;
  organization_id: string;
  delegation_id: string | null;
  /** Issued by a reseller acting through this delegation: it ends with it. */
  issued_under_delegation_id: string | null;
  roles: Role[];
  created_by_user_id: string | null;
  created_at: Date;
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  revoked_by_user_id: string | null;
}

export interface NewToken {
  id: string;
  hash: string;
  prefix: string;
  name?: string | null;
  userId: string;
  organizationId: string;
  delegationId?: string | null;
  issuedUnderDelegationId?: string | null;
  roles: Role[];
  createdBy?: string | null;
  expiresAt: Date;
}

export async function insertToken(sql: Sql, t: NewToken): Promise<TokenRow> {
  const r = await sql.query<TokenRow>(
    `INSERT INTO tokens (id, token_hash, prefix, name, user_id, organization_id, delegation_id, issued_under_delegation_id, roles, created_by_user_id, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
    [
      t.id,
      t.hash,
      t.prefix,
      t.name ?? null,
      t.userId,
      t.organizationId,
      t.delegationId ?? null,
      t.issuedUnderDelegationId ?? null,
      t.roles,
      t.createdBy ?? null,
      t.expiresAt,
    ],
  );
  return r.rows[0];
}

/**
 * A user's tokens, newest first: live ones and those revoked in the last 30 days. With
 * `delegationId`, only the tokens minted from that delegation (what a delegated token may see).
 */
export async function listTokensOfUser(sql: Sql, userId: string, opts: { delegationId?: string } = {}): Promise<TokenRow[]> {
  const r = await sql.query<TokenRow>(
    `SELECT * FROM tokens WHERE user_id = $1 AND ($2::text IS NULL OR delegation_id = $2)
        AND (revoked_at IS NULL OR revoked_at > now() - interval '30 days') ORDER BY created_at DESC LIMIT 500`,
    [userId, opts.delegationId ?? null],
  );
  return r.rows;
}

/** One token, row-locked until the caller's transaction ends. */
export async function lockToken(sql: Sql, id: string): Promise<TokenRow | undefined> {
  return (await sql.query<TokenRow>(`SELECT * FROM tokens WHERE id = $1 FOR UPDATE`, [id])).rows[0];
}

export async function revokeToken(sql: Sql, id: string, by: string): Promise<TokenRow> {
  return (await sql.query<TokenRow>(`UPDATE tokens SET revoked_at = now(), revoked_by_user_id = $2 WHERE id = $1 RETURNING *`, [id, by])).rows[0];
}

/** Revokes every live token of a user; returns how many. */
export async function revokeTokensOfUser(sql: Sql, userId: string, by: string): Promise<number> {
  return (await sql.query(`UPDATE tokens SET revoked_at = now(), revoked_by_user_id = $2 WHERE user_id = $1 AND revoked_at IS NULL`, [userId, by])).rowCount;
}

/**
 * Revokes every live token that came from a delegation: the reseller's delegated tokens and the
 * tokens it issued to customer users through them. Returns how many of each.
 */
export async function revokeTokensOfDelegation(sql: Sql, delegationId: string, by: string): Promise<{ delegated: number; issued: number }> {
  const r = await sql.query<{ delegated: number; issued: number }>(
    `WITH revoked AS (
       UPDATE tokens SET revoked_at = now(), revoked_by_user_id = $2
        WHERE (delegation_id = $1 OR issued_under_delegation_id = $1) AND revoked_at IS NULL
        RETURNING delegation_id)
     SELECT count(*) FILTER (WHERE delegation_id IS NOT NULL)::int AS delegated, count(*) FILTER (WHERE delegation_id IS NULL)::int AS issued FROM revoked`,
    [delegationId, by],
  );
  return r.rows[0];
}

/** Last-used time, written at most once a minute per token by the caller. */
export async function touchToken(sql: Sql, id: string): Promise<void> {
  await sql.query(`UPDATE tokens SET last_used_at = now() WHERE id = $1`, [id]);
}

/** Everything authentication needs about a token, in one row. */
export interface ResolvedTokenRow {
  token_id: string;
  token_roles: Role[];
  expires_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
  delegation_id: string | null;
  user_id: string;
  username: string;
  user_status: string;
  user_roles: Role[] | null;
  uo_id: string;
  uo_path: string;
  uo_kind: OrganizationKind;
  so_id: string;
  so_path: string;
  so_kind: OrganizationKind;
  suspended_org: string | null;
  d_status: string | null;
  d_roles: Role[] | null;
  d_ends_at: Date | null;
  issued_under_delegation_id: string | null;
  /** The delegation a token was issued under (see TokenRow): its status and end. */
  vd_status: string | null;
  vd_ends_at: Date | null;
  now: Date;
}

// One indexed round trip: token, user, both organizations, delegation, suspension along both paths.
const RESOLVE_SQL = `
  SELECT t.id AS token_id, t.roles AS token_roles, t.expires_at, t.revoked_at, t.last_used_at, t.delegation_id,
         u.id AS user_id, u.username, u.status AS user_status,
         (SELECT array_agg(ra.role) FROM role_assignments ra WHERE ra.user_id = u.id) AS user_roles,
         uo.id AS uo_id, uo.path AS uo_path, uo.kind AS uo_kind,
         so.id AS so_id, so.path AS so_path, so.kind AS so_kind,
         (SELECT s.id FROM organizations s
           WHERE s.status = 'suspended'
             AND (starts_with(uo.path, s.path) OR starts_with(so.path, s.path)) LIMIT 1) AS suspended_org,
         d.status AS d_status, d.roles AS d_roles, d.ends_at AS d_ends_at,
         t.issued_under_delegation_id, vd.status AS vd_status, vd.ends_at AS vd_ends_at,
         now() AS now
    FROM tokens t
    JOIN users u ON u.id = t.user_id
    JOIN organizations uo ON uo.id = u.organization_id
    JOIN organizations so ON so.id = t.organization_id
    LEFT JOIN delegations d ON d.id = t.delegation_id
    LEFT JOIN delegations vd ON vd.id = t.issued_under_delegation_id
   WHERE t.token_hash = $1`;

/**
 * Every authenticated request runs this: a named prepared statement straight on the pg pool, so
 * PostgreSQL parses and plans it once per connection, not once per request (planning this join
 * cost 8x its execution), and TypeORM's query wrapper is skipped.
 */
export async function resolveToken(pool: Pool, tokenHash: string): Promise<ResolvedTokenRow | undefined> {
  return (await pool.query<ResolvedTokenRow>({ name: 'provisio_auth_resolve', text: RESOLVE_SQL, values: [tokenHash] })).rows[0];
}
