import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { ProblemError } from '../common/errors/problem';
import { rootLogger } from '../common/logging/logger';
import { appendAuditEvent } from '../audit/audit-writer';
import { inTransaction } from '../database/sql';
import { type OrganizationKind, type Role, permissionsOf } from './permissions';
import type { Principal } from './principal';
import { PrincipalCache } from './principal-cache';
import { hashToken, looksLikeToken } from './token-secret';

interface TokenRow {
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
         now() AS now
    FROM tokens t
    JOIN users u ON u.id = t.user_id
    JOIN organizations uo ON uo.id = u.organization_id
    JOIN organizations so ON so.id = t.organization_id
    LEFT JOIN delegations d ON d.id = t.delegation_id
   WHERE t.token_hash = $1`;

/**
 * Turns `Authorization: Bearer pvs_…` into a Principal, or a 401/403 problem. No cache: a
 * revocation is effective on the very next request.
 */
@Injectable()
export class AuthenticationService {
  private readonly log = rootLogger().child({ component: 'auth' });

  constructor(
    private readonly ds: DataSource,
    private readonly cache: PrincipalCache,
  ) {}

  async authenticate(header: string | undefined): Promise<Principal> {
    if (!header) throw new ProblemError('UNAUTHENTICATED', 'Send Authorization: Bearer <token>');
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) throw new ProblemError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>"');
    const secret = m[1];
    if (!looksLikeToken(secret)) throw new ProblemError('TOKEN_INVALID');
    const tokenHash = hashToken(secret);
    const cached = this.cache.get(tokenHash);
    if (cached) return cached;
    const generation = this.cache.generation();
    // Every authenticated request runs this: a named prepared statement on the pool under
    // TypeORM, so PostgreSQL parses and plans it once per connection, not once per request
    // (planning this join cost 8x its execution), and TypeORM's query wrapper is skipped.
    const pool = (this.ds.driver as unknown as { master: Pool }).master;
    // Requests with the same token at the same moment share one lookup; each then decides (and
    // audits a refusal) on its own.
    const row = await this.cache.shared(tokenHash, async () => (await pool.query<TokenRow>({ name: 'provisio_auth_resolve', text: RESOLVE_SQL, values: [tokenHash] })).rows[0]);
    if (!row) throw new ProblemError('TOKEN_INVALID');

    const deny = async (code: 'TOKEN_REVOKED' | 'TOKEN_EXPIRED' | 'USER_DISABLED' | 'ORGANIZATION_SUSPENDED', detail?: string) => {
      // A known token that may no longer be used: record who tried (unknown tokens are only logged,
      // so garbage tokens cannot flood the audit chain).
      await inTransaction(this.ds, (sql) =>
        appendAuditEvent(
          sql,
          { userId: row.user_id, orgId: row.uo_id, tokenId: row.token_id, delegationId: row.delegation_id, onBehalfOfOrgId: row.delegation_id ? row.so_id : null },
          { action: 'auth.denied', outcome: 'denied', resourceType: 'token', resourceId: row.token_id, organizationId: row.so_id, organizationPath: row.so_path, details: { reason: code } },
        ),
      ).catch((err) => this.log.warn({ err }, 'could not record a denied authentication'));
      throw new ProblemError(code, detail);
    };

    if (row.revoked_at) return deny('TOKEN_REVOKED');
    if (new Date(row.expires_at) <= new Date(row.now)) return deny('TOKEN_EXPIRED');
    if (row.user_status !== 'active') return deny('USER_DISABLED');
    let roles: Role[];
    if (row.delegation_id) {
      if (row.d_status !== 'active') return deny('TOKEN_REVOKED', 'The delegation behind this token is no longer active');
      if (!row.d_ends_at || new Date(row.d_ends_at) <= new Date(row.now)) return deny('TOKEN_EXPIRED', 'The delegation behind this token has ended');
      // The reseller user must still be reseller staff for its delegated tokens to work.
      const userRoles = row.user_roles ?? [];
      if (!userRoles.some((r) => r === 'reseller_admin' || r === 'reseller_csr')) return deny('TOKEN_REVOKED', 'The token owner no longer holds a reseller role');
      roles = row.token_roles.filter((r) => row.d_roles?.includes(r));
    } else {
      const userRoles = new Set(row.user_roles ?? []);
      roles = row.token_roles.filter((r) => userRoles.has(r));
    }
    if (row.suspended_org) return deny('ORGANIZATION_SUSPENDED');

    const last = row.last_used_at ? new Date(row.last_used_at).getTime() : 0;
    if (new Date(row.now).getTime() - last > 60_000) {
      // Last-used time at minute granularity, off the request's critical path.
      this.ds
        .query(`UPDATE tokens SET last_used_at = now() WHERE id = $1`, [row.token_id])
        .catch((err) => this.log.debug({ err }, 'could not update token last_used_at'));
    }
    const principal: Principal = {
      tokenId: row.token_id,
      userId: row.user_id,
      username: row.username,
      userOrgId: row.uo_id,
      userOrgPath: row.uo_path,
      userOrgKind: row.uo_kind,
      roles,
      permissions: permissionsOf(roles),
      subjectOrgId: row.so_id,
      subjectOrgPath: row.so_path,
      subjectOrgKind: row.so_kind,
      delegationId: row.delegation_id,
    };
    // Trusted for ≤ 5 s, never past the token's (or its delegation's) end, measured on our clock.
    const skew = Date.now() - new Date(row.now).getTime();
    const ends = Math.min(new Date(row.expires_at).getTime(), row.d_ends_at ? new Date(row.d_ends_at).getTime() : Infinity) + skew;
    this.cache.set(tokenHash, principal, ends, Date.now(), generation);
    return principal;
  }
}
