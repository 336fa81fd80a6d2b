import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { effectiveTokenRoles } from '../access/identity-rules';
import { permissionsOf, type Role } from '../access/permissions';
import type { Principal } from '../access/principal';
import { appendAuditEvent } from '../audit/audit-writer';
import { ProblemError } from '../common/errors/problem';
import { rootLogger } from '../common/logging/logger';
import { inTransaction, pgPoolOf, sqlOf } from '../database/sql';
import { PrincipalCache } from './principal-cache';
import { hashToken, looksLikeToken } from './token-secret';
import { type ResolvedTokenRow, resolveToken, touchToken } from './tokens.store';

type Refusal = { code: 'TOKEN_REVOKED' | 'TOKEN_EXPIRED' | 'USER_DISABLED' | 'ORGANIZATION_SUSPENDED'; detail?: string };

/** Why a known token may not be used now, or its effective roles. */
function check(row: ResolvedTokenRow): Refusal | { roles: Role[] } {
  const now = new Date(row.now);
  if (row.revoked_at) return { code: 'TOKEN_REVOKED' };
  if (new Date(row.expires_at) <= now) return { code: 'TOKEN_EXPIRED' };
  if (row.user_status !== 'active') return { code: 'USER_DISABLED' };
  if (row.delegation_id) {
    if (row.d_status !== 'active') return { code: 'TOKEN_REVOKED', detail: 'The delegation behind this token is no longer active' };
    if (!row.d_ends_at || new Date(row.d_ends_at) <= now) return { code: 'TOKEN_EXPIRED', detail: 'The delegation behind this token has ended' };
  }
  if (row.issued_under_delegation_id) {
    // Issued by a reseller acting through a delegation: it lasts only as long as that delegation.
    if (row.vd_status !== 'active') return { code: 'TOKEN_REVOKED', detail: 'The delegation this token was issued under is no longer active' };
    if (!row.vd_ends_at || new Date(row.vd_ends_at) <= now) return { code: 'TOKEN_EXPIRED', detail: 'The delegation this token was issued under has ended' };
  }
  const roles = effectiveTokenRoles({
    tokenRoles: row.token_roles,
    userRoles: row.user_roles ?? [],
    delegationRoles: row.delegation_id ? (row.d_roles ?? []) : null,
  });
  if (!roles) return { code: 'TOKEN_REVOKED', detail: 'The token owner no longer holds a reseller role' };
  if (row.suspended_org) return { code: 'ORGANIZATION_SUSPENDED' };
  return { roles };
}

function principalOf(row: ResolvedTokenRow, roles: Role[]): Principal {
  return {
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
}

/**
 * Turns `Authorization: Bearer pvs_…` into a Principal, or a 401/403 problem. Resolved principals
 * are cached for at most 5 s and dropped on any change that can take rights away (PrincipalCache).
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
    // Requests with the same token at the same moment share one lookup; each then decides (and
    // audits a refusal) on its own.
    const row = await this.cache.shared(tokenHash, () => resolveToken(pgPoolOf(this.ds), tokenHash));
    if (!row) throw new ProblemError('TOKEN_INVALID');
    const verdict = check(row);
    if ('code' in verdict) {
      await this.recordRefusal(row, verdict.code);
      throw new ProblemError(verdict.code, verdict.detail);
    }
    if (new Date(row.now).getTime() - (row.last_used_at ? new Date(row.last_used_at).getTime() : 0) > 60_000) {
      // Last-used time at minute granularity, off the request's critical path.
      touchToken(sqlOf(this.ds), row.token_id).catch((err) => this.log.debug({ err }, 'could not update token last_used_at'));
    }
    const principal = principalOf(row, verdict.roles);
    // Trusted for ≤ 5 s, never past the token's (or its delegation's) end, measured on our clock.
    const skew = Date.now() - new Date(row.now).getTime();
    const ends = Math.min(new Date(row.expires_at).getTime(), ...[row.d_ends_at, row.vd_ends_at].map((d) => (d ? new Date(d).getTime() : Infinity))) + skew;
    this.cache.set(tokenHash, principal, ends, Date.now(), generation);
    return principal;
  }

  /**
   * A known token that may no longer be used: record who tried (unknown tokens are only logged, so
   * garbage tokens cannot flood the audit chain).
   */
  private async recordRefusal(row: ResolvedTokenRow, reason: Refusal['code']): Promise<void> {
    const actor = {
      userId: row.user_id,
      orgId: row.uo_id,
      tokenId: row.token_id,
      delegationId: row.delegation_id,
      onBehalfOfOrgId: row.delegation_id ? row.so_id : null,
    };
    const event = {
      action: 'auth.denied',
      outcome: 'denied' as const,
      resourceType: 'token',
      resourceId: row.token_id,
      organizationId: row.so_id,
      organizationPath: row.so_path,
      details: { reason },
    };
    await inTransaction(this.ds, (sql) => appendAuditEvent(sql, actor, event)).catch((err) =>
      this.log.warn({ err }, 'could not record a denied authentication'),
    );
  }
}
