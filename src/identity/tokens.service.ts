import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendAuditEvent, type AuditActor } from '../audit/audit-writer';
import { ProblemError } from '../common/errors/problem';
import { newId } from '../common/ids';
import { clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { formatDuration, parseDuration } from '../config/duration';
import { inTransaction, type Sql, queryRows } from '../database/sql';
import { AccessService } from './access.service';
import { PrincipalCache } from './principal-cache';
import { type CreatedTokenView, type TokenView, effectiveDelegationStatus, loadUser, tokenView } from './identity.views';
import { bestRank, DELEGABLE_ROLES, type Role } from './permissions';
import { auditActorOf, type Principal } from './principal';
import { displayPrefix, generateTokenSecret, hashToken } from './token-secret';

export interface IssueTokenInput {
  userId: string;
  organizationId: string;
  roles: Role[];
  expiresAt: Date;
  name?: string | null;
  delegationId?: string | null;
  createdBy?: string | null;
}

/**
 * Inserts a token and returns its secret (the only time it exists outside the caller's hands).
 * The caller writes the audit event; the secret never goes into it.
 */
export async function issueToken(sql: Sql, input: IssueTokenInput): Promise<CreatedTokenView> {
  const secret = generateTokenSecret();
  const id = newId('tok');
  const r = await sql.query(
    `INSERT INTO tokens (id, token_hash, prefix, name, user_id, organization_id, delegation_id, roles, created_by_user_id, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
    [id, hashToken(secret), displayPrefix(secret), input.name ?? null, input.userId, input.organizationId, input.delegationId ?? null, input.roles, input.createdBy ?? null, input.expiresAt],
  );
  return { ...tokenView(r.rows[0]), token: secret };
}

@Injectable()
export class TokensService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly cache: PrincipalCache,
  ) {}

  lifetime(expiresIn: string | undefined, fallbackMs: number, maxMs: number): number {
    const ms = expiresIn === undefined ? fallbackMs : parseDuration(expiresIn);
    if (ms === undefined || ms < 60_000) throw new ProblemError('VALIDATION_FAILED', 'expiresIn must be at least 1m', { errors: [{ path: 'expiresIn', message: 'at least 1m' }] });
    if (ms > maxMs) throw new ProblemError('TOKEN_TTL_TOO_LONG', `The longest allowed lifetime is ${formatDuration(maxMs)}`);
    return ms;
  }

  async listOwn(p: Principal): Promise<{ items: TokenView[] }> {
    const rows: any[] = await queryRows(this.ds, 
      `SELECT * FROM tokens WHERE user_id = $1 AND (revoked_at IS NULL OR revoked_at > now() - interval '30 days') ORDER BY created_at DESC LIMIT 500`,
      [p.userId],
    );
    return { items: rows.map(tokenView) };
  }

  /** A new personal token for the caller, with at most the caller's roles. */
  async createOwn(p: Principal, body: { name?: string; roles?: Role[]; expiresIn?: string }): Promise<CreatedTokenView> {
    if (p.delegationId) throw new ProblemError('FORBIDDEN', 'A delegated admin token cannot create tokens; ask for another one with POST /v1/delegations/{id}/tokens');
    return inTransaction(this.ds, (sql) => this.issueAudited(sql, p, { id: p.userId, organizationId: p.userOrgId, roles: p.roles }, body));
  }

  /** First (or another) token for a user below the caller, in scope (ACCESS.md §3). */
  async issueForUser(p: Principal, userId: string, body: { name?: string; roles?: Role[]; expiresIn?: string }): Promise<CreatedTokenView> {
    return inTransaction(this.ds, async (sql) => {
      const user = await loadUser(sql, userId);
      if (!user) throw new ProblemError('NOT_FOUND', `User ${userId} not found`);
      await this.access.requireOrganization(p, 'users.issue_token', user.organization_id);
      if (user.id !== p.userId && !(bestRank(user.roles) > bestRank(p.roles))) {
        throw new ProblemError('ROLE_NOT_GRANTABLE', 'You may issue tokens only to users whose roles are all below yours');
      }
      if (user.status !== 'active') throw new ProblemError('USER_DISABLED', 'The user is disabled');
      return this.issueAudited(sql, p, { id: user.id, organizationId: user.organization_id, organizationPath: user.org_path, roles: user.roles }, body);
    });
  }

  /** Roles at most the owner's, lifetime within bounds, the token and its audit event. */
  private async issueAudited(
    sql: Sql,
    p: Principal,
    owner: { id: string; organizationId: string; organizationPath?: string; roles: Role[] },
    body: { name?: string; roles?: Role[]; expiresIn?: string },
  ): Promise<CreatedTokenView> {
    const roles = body.roles ?? owner.roles;
    const extra = roles.filter((r) => !owner.roles.includes(r));
    if (extra.length) throw new ProblemError('TOKEN_ROLES_EXCEED_OWNER', `The owner does not hold: ${extra.join(', ')}`);
    if (!roles.length) throw new ProblemError('VALIDATION_FAILED', 'A token needs at least one role', { errors: [{ path: 'roles', message: 'must not be empty' }] });
    const ttl = this.lifetime(body.expiresIn, this.config.tokenDefaultTtlMs, this.config.tokenMaxTtlMs);
    const created = await issueToken(sql, {
      userId: owner.id,
      organizationId: owner.organizationId,
      roles,
      expiresAt: new Date(clock.nowMs() + ttl),
      name: body.name,
      createdBy: p.userId,
    });
    await appendAuditEvent(sql, auditActorOf(p), {
      action: 'token.created',
      resourceType: 'token',
      resourceId: created.id,
      organizationId: owner.organizationId,
      organizationPath: owner.organizationPath,
      details: { owner: owner.id, roles, expiresAt: created.expiresAt, name: created.name, issuedBy: p.userId },
    });
    return created;
  }

  /** Revoke: your own token, or a token of a user below you in your scope. Effective at once. */
  async revoke(p: Principal, tokenId: string): Promise<TokenView> {
    return this.cache.afterChange(inTransaction(this.ds, async (sql) => {
      const r = await sql.query(`SELECT * FROM tokens WHERE id = $1 FOR UPDATE`, [tokenId]);
      const token = r.rows[0];
      if (!token) throw new ProblemError('NOT_FOUND', `Token ${tokenId} not found`);
      if (token.user_id !== p.userId) {
        if (p.delegationId) throw new ProblemError('NOT_FOUND', `Token ${tokenId} not found`);
        const owner = await loadUser(sql, token.user_id);
        if (!owner || !p.permissions.has('users.write')) {
          await this.access.recordDenied(p, 'tokens.manage', 'token', [tokenId]);
          throw new ProblemError('NOT_FOUND', `Token ${tokenId} not found`);
        }
        await this.access.requireOrganization(p, 'users.write', owner.organization_id);
        if (!(bestRank(owner.roles) > bestRank(p.roles))) throw new ProblemError('ROLE_NOT_GRANTABLE', 'You may revoke only tokens of users below you');
      }
      if (token.revoked_at) return tokenView(token);
      const u = await sql.query(`UPDATE tokens SET revoked_at = now(), revoked_by_user_id = $2 WHERE id = $1 RETURNING *`, [tokenId, p.userId]);
      await appendAuditEvent(sql, auditActorOf(p), {
        action: 'token.revoked',
        resourceType: 'token',
        resourceId: tokenId,
        organizationId: token.organization_id,
        details: { owner: token.user_id, delegationId: token.delegation_id },
      });
      return tokenView(u.rows[0]);
    }));
  }

  /**
   * Exchanges a reseller user's own token for a delegated admin token on the delegation's
   * customer: roles at most the delegation's, default lifetime DELEGATED_TOKEN_TTL, never past the
   * delegation's end (ACCESS.md §4).
   */
  async issueDelegated(p: Principal, delegationId: string, body: { roles?: Role[]; expiresIn?: string }): Promise<CreatedTokenView> {
    if (p.delegationId) throw new ProblemError('FORBIDDEN', 'Use your own reseller token to obtain a delegated token');
    return inTransaction(this.ds, async (sql) => {
      const r = await sql.query(`SELECT d.*, c.path AS customer_path FROM delegations d JOIN organizations c ON c.id = d.customer_org_id WHERE d.id = $1`, [delegationId]);
      const d = r.rows[0];
      if (!d || d.reseller_org_id !== p.userOrgId) {
        await this.access.recordDenied(p, 'delegations.token', 'delegation', [delegationId]);
        throw new ProblemError('NOT_FOUND', `Delegation ${delegationId} not found`);
      }
      if (effectiveDelegationStatus(d, clock.now()) !== 'active') throw new ProblemError('DELEGATION_NOT_ACTIVE', `The delegation is ${effectiveDelegationStatus(d, clock.now())}`);
      // A reseller CSR may act only with the non-admin roles a delegation grants.
      const allowed: Role[] = p.roles.includes('reseller_admin') ? d.roles : d.roles.filter((x: Role) => x !== 'org_admin');
      const roles = body.roles ?? allowed;
      const extra = roles.filter((x) => !allowed.includes(x) || !DELEGABLE_ROLES.includes(x));
      if (extra.length) throw new ProblemError('TOKEN_ROLES_EXCEED_OWNER', `The delegation does not grant you: ${extra.join(', ')}`);
      if (!roles.length) throw new ProblemError('TOKEN_ROLES_EXCEED_OWNER', 'The delegation grants you no role');
      const ttl = this.lifetime(body.expiresIn, this.config.delegatedTokenTtlMs, this.config.tokenMaxTtlMs);
      const end = new Date(d.ends_at).getTime();
      const expiresAt = new Date(Math.min(clock.nowMs() + ttl, end));
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
