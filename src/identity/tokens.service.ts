import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { checkMayExchangeDelegation, delegatedRolesFor, mayUseDelegation } from '../access/delegation-rules';
import { checkMayCreateOwnToken, outranks } from '../access/identity-rules';
import { DELEGABLE_ROLES, type Role } from '../access/permissions';
import { isDelegated, type Principal } from '../access/principal';
import { auditActorOf } from '../audit/audit-actor';
import { appendAuditEvent, type AuditActor } from '../audit/audit-writer';
import { clock } from '../common/clock';
import { ProblemError } from '../common/errors/problem';
import { AppConfig } from '../config/app-config';
import { formatDuration, parseDuration } from '../config/duration';
import { inTransaction, type Sql, sqlOf } from '../database/sql';
import { findDelegation } from './delegations.store';
import { type CreatedTokenView, effectiveDelegationStatus, type TokenView, tokenView } from './identity.views';
import { PrincipalCache } from './principal-cache';
import { issueToken } from './token-issuer';
import { listTokensOfUser, lockToken, revokeToken, type TokenRow } from './tokens.store';
import { findUser } from './users.store';

interface TokenRequest {
  name?: string;
  roles?: Role[];
  expiresIn?: string;
}

interface TokenOwner {
  id: string;
  organizationId: string;
  organizationPath?: string;
  roles: Role[];
}

@Injectable()
export class TokensService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly cache: PrincipalCache,
  ) {}

  private lifetime(expiresIn: string | undefined, fallbackMs: number, maxMs: number): number {
    const ms = expiresIn === undefined ? fallbackMs : parseDuration(expiresIn);
    if (ms === undefined || ms < 60_000)
      throw new ProblemError('VALIDATION_FAILED', 'expiresIn must be at least 1m', { errors: [{ path: 'expiresIn', message: 'at least 1m' }] });
    if (ms > maxMs) throw new ProblemError('TOKEN_TTL_TOO_LONG', `The longest allowed lifetime is ${formatDuration(maxMs)}`);
    return ms;
  }

  /** Your tokens; with a delegated token only those of its delegation (never the reseller user's personal ones). */
  async listOwn(p: Principal): Promise<{ items: TokenView[]; nextCursor: null }> {
    const rows = await listTokensOfUser(sqlOf(this.ds), p.userId, { delegationId: p.delegationId ?? undefined });
    return { items: rows.map(tokenView), nextCursor: null };
  }

  /** A new personal token for the caller, with at most the caller's roles. */
  async createOwn(p: Principal, body: TokenRequest): Promise<CreatedTokenView> {
    checkMayCreateOwnToken(p);
    return inTransaction(this.ds, (sql) => this.issueAudited(sql, p, { id: p.userId, organizationId: p.userOrgId, roles: p.roles }, body));
  }

  /** First (or another) token for a user below the caller, in scope (ACCESS.md §3). */
  async issueForUser(p: Principal, userId: string, body: TokenRequest): Promise<CreatedTokenView> {
    return inTransaction(this.ds, async (sql) => {
      const user = await this.access.requireRow(
        p,
        'users.issue_token',
        { type: 'user', id: userId },
        (scope) => findUser(sql, scope, userId),
        () => new ProblemError('NOT_FOUND', `User ${userId} not found`),
      );
      if (user.id !== p.userId && !outranks(p, user.roles))
        throw new ProblemError('ROLE_NOT_GRANTABLE', 'You may issue tokens only to users whose roles are all below yours');
      if (user.status !== 'active') throw new ProblemError('USER_DISABLED', 'The user is disabled');
      const owner = { id: user.id, organizationId: user.organization_id, organizationPath: user.org_path, roles: user.roles };
      return this.issueAudited(sql, p, owner, body, await this.issuingDelegation(sql, p));
    });
  }

  /**
   * A reseller issuing a token through a delegated token: the token is tied to that delegation and
   * never outlives it (ACCESS.md §4). The delegation is share-locked so a revocation in progress
   * either sees this token or makes this request fail.
   */
  private async issuingDelegation(sql: Sql, p: Principal): Promise<{ id: string; endsAt: Date } | undefined> {
    if (!p.delegationId) return undefined;
    const d = await findDelegation(sql, p.delegationId, { lock: 'share' });
    const status = d ? effectiveDelegationStatus(d, clock.now()) : 'revoked';
    if (!d || status !== 'active') throw new ProblemError('DELEGATION_NOT_ACTIVE', `The delegation is ${status}`);
    return { id: d.id, endsAt: new Date(d.ends_at!) };
  }

  /** Roles at most the owner's, lifetime within bounds, the token and its audit event. */
  private async issueAudited(sql: Sql, p: Principal, owner: TokenOwner, body: TokenRequest, under?: { id: string; endsAt: Date }): Promise<CreatedTokenView> {
    const roles = body.roles ?? owner.roles;
    const extra = roles.filter((r) => !owner.roles.includes(r));
    if (extra.length) throw new ProblemError('TOKEN_ROLES_EXCEED_OWNER', `The owner does not hold: ${extra.join(', ')}`);
    if (!roles.length)
      throw new ProblemError('VALIDATION_FAILED', 'A token needs at least one role', { errors: [{ path: 'roles', message: 'must not be empty' }] });
    const ttl = this.lifetime(body.expiresIn, this.config.tokenDefaultTtlMs, this.config.tokenMaxTtlMs);
    const expiresAt = new Date(Math.min(clock.nowMs() + ttl, under?.endsAt.getTime() ?? Infinity));
    const created = await issueToken(sql, {
      userId: owner.id,
      organizationId: owner.organizationId,
      roles,
      expiresAt,
      name: body.name,
      createdBy: p.userId,
      issuedUnderDelegationId: under?.id ?? null,
    });
    await appendAuditEvent(sql, auditActorOf(p), {
      action: 'token.created',
      resourceType: 'token',
      resourceId: created.id,
      organizationId: owner.organizationId,
      organizationPath: owner.organizationPath,
      details: { owner: owner.id, roles, expiresAt: created.expiresAt, name: created.name, issuedBy: p.userId, issuedUnderDelegationId: under?.id ?? null },
    });
    return created;
  }

  /** Revoke: your own token, or a token of a user below you in your scope. Effective at once. */
  async revoke(p: Principal, tokenId: string): Promise<TokenView> {
    return this.cache.afterChange(
      inTransaction(this.ds, async (sql) => {
        const token = await lockToken(sql, tokenId);
        if (!token) throw new ProblemError('NOT_FOUND', `Token ${tokenId} not found`);
        // A delegated token owns only the tokens of its delegation, not the reseller user's others.
        const own = token.user_id === p.userId && (!isDelegated(p) || token.delegation_id === p.delegationId);
        if (!own) await this.requireOwnerBelow(sql, p, token);
        if (token.revoked_at) return tokenView(token);
        const revoked = await revokeToken(sql, tokenId, p.userId);
        await appendAuditEvent(sql, auditActorOf(p), {
          action: 'token.revoked',
          resourceType: 'token',
          resourceId: tokenId,
          organizationId: token.organization_id,
          details: { owner: token.user_id, delegationId: token.delegation_id },
        });
        return tokenView(revoked);
      }),
    );
  }

  /** Another user's token: never with a delegated token; its owner in the caller's users.write scope and below it. */
  private async requireOwnerBelow(sql: Sql, p: Principal, token: TokenRow): Promise<void> {
    const notFound = () => new ProblemError('NOT_FOUND', `Token ${token.id} not found`);
    if (isDelegated(p)) throw notFound();
    const owner = await this.access.requireRow(p, 'users.write', { type: 'token', id: token.id }, (scope) => findUser(sql, scope, token.user_id), notFound);
    if (!outranks(p, owner.roles)) throw new ProblemError('ROLE_NOT_GRANTABLE', 'You may revoke only tokens of users below you');
  }

  /**
   * Exchanges a reseller user's own token for a delegated admin token on the delegation's
   * customer: roles at most the delegation's, default lifetime DELEGATED_TOKEN_TTL, never past the
   * delegation's end (ACCESS.md §4).
   */
  async issueDelegated(p: Principal, delegationId: string, body: { roles?: Role[]; expiresIn?: string }): Promise<CreatedTokenView> {
    checkMayExchangeDelegation(p);
    return inTransaction(this.ds, async (sql) => {
      const d = await findDelegation(sql, delegationId);
      if (!d || !mayUseDelegation(p, { resellerOrgId: d.reseller_org_id })) {
        await this.access.recordDenied(p, 'delegations.token', 'delegation', [delegationId]);
        throw new ProblemError('NOT_FOUND', `Delegation ${delegationId} not found`);
      }
      const status = effectiveDelegationStatus(d, clock.now());
      if (status !== 'active') throw new ProblemError('DELEGATION_NOT_ACTIVE', `The delegation is ${status}`);
      const allowed = delegatedRolesFor(p, d.roles);
      const roles = body.roles ?? allowed;
      const extra = roles.filter((x) => !allowed.includes(x) || !DELEGABLE_ROLES.includes(x));
      if (extra.length) throw new ProblemError('TOKEN_ROLES_EXCEED_OWNER', `The delegation does not grant you: ${extra.join(', ')}`);
      if (!roles.length) throw new ProblemError('TOKEN_ROLES_EXCEED_OWNER', 'The delegation grants you no role');
      const ttl = this.lifetime(body.expiresIn, this.config.delegatedTokenTtlMs, this.config.tokenMaxTtlMs);
      const expiresAt = new Date(Math.min(clock.nowMs() + ttl, new Date(d.ends_at!).getTime()));
      const created = await issueToken(sql, {
        userId: p.userId,
        organizationId: d.customer_org_id,
        roles,
        expiresAt,
        name: `delegated:${delegationId}`,
        delegationId,
        createdBy: p.userId,
      });
      const actor: AuditActor = { ...auditActorOf(p), onBehalfOfOrgId: d.customer_org_id, delegationId };
      await appendAuditEvent(sql, actor, {
        action: 'token.delegated_created',
        resourceType: 'token',
        resourceId: created.id,
        organizationId: d.customer_org_id,
        organizationPath: d.customer_path,
        details: { delegationId, roles, expiresAt: created.expiresAt },
      });
      return created;
    });
  }
}
