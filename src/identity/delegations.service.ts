import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import {
  checkDelegationCustomer,
  checkMayRequestDelegation,
  delegationVisibility,
  mayApproveDelegation,
  mayRevokeDelegation,
} from '../access/delegation-rules';
import { DELEGABLE_ROLES, type Permission } from '../access/permissions';
import type { Principal } from '../access/principal';
import { auditActorOf } from '../audit/audit-actor';
import { appendAuditEvent } from '../audit/audit-writer';
import { clock } from '../common/clock';
import { ProblemError } from '../common/errors/problem';
import { newId } from '../common/ids';
import { decodeCursor, type Page, toPage } from '../common/pagination/cursor';
import { AppConfig } from '../config/app-config';
import { inTransaction, type Sql, sqlOf } from '../database/sql';
import { delegationDuration } from './delegation-duration';
import { approveDelegation, type DelegationRow, findDelegation, insertPendingDelegation, listDelegations, revokeDelegation } from './delegations.store';
import type { CreateDelegationRequest, DelegationListQuery } from './dto/identity.dto';
import { type DelegationView, delegationView, effectiveDelegationStatus } from './identity.views';
import { PrincipalCache } from './principal-cache';
import { revokeTokensOfDelegation } from './tokens.store';

function parties(d: DelegationRow) {
  return { resellerOrgId: d.reseller_org_id, customerOrgId: d.customer_org_id, customerPath: d.customer_path };
}

/** GDAP-style delegations (ACCESS.md §4): requested by a reseller admin, approved by the customer. */
@Injectable()
export class DelegationsService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly cache: PrincipalCache,
  ) {}

  async list(p: Principal, q: DelegationListQuery): Promise<Page<DelegationView>> {
    const limit = q.limit ?? 50;
    const before = decodeCursor(q.cursor, ['id'])?.[0] as string | undefined;
    let rows = await listDelegations(sqlOf(this.ds), delegationVisibility(p), { customerId: q.customerId, before, limit: q.status ? 1000 : limit + 1 });
    // Status is partly time-derived; filter after computing it.
    if (q.status) rows = rows.filter((r) => effectiveDelegationStatus(r, clock.now()) === q.status).slice(0, limit + 1);
    return toPage(rows, limit, (r) => [r.id], delegationView);
  }

  async request(p: Principal, body: CreateDelegationRequest): Promise<DelegationView> {
    checkMayRequestDelegation(p);
    const ms = delegationDuration(body.duration);
    if (!body.roles.length || body.roles.some((r) => !DELEGABLE_ROLES.includes(r))) throw new ProblemError('DELEGATION_INVALID_ROLES');
    const customer = await this.access.requireOrganization(p, 'organizations.read', body.customerId);
    checkDelegationCustomer(p, customer);
    return inTransaction(this.ds, async (sql) => {
      const now = clock.now();
      const row = await insertPendingDelegation(sql, {
        id: newId('dlg'),
        resellerOrgId: p.userOrgId,
        customerOrgId: customer.id,
        roles: body.roles,
        durationMs: ms,
        note: body.note,
        requestedBy: p.userId,
        requestedAt: now,
        requestExpiresAt: new Date(now.getTime() + this.config.delegationRequestTtlMs),
      });
      await appendAuditEvent(sql, auditActorOf(p), {
        action: 'delegation.requested',
        resourceType: 'delegation',
        resourceId: row.id,
        organizationId: customer.id,
        organizationPath: customer.path,
        details: { roles: body.roles, durationMs: ms, resellerId: p.userOrgId },
      });
      return delegationView(row);
    });
  }

  /** The delegation, locked, if `may` lets the principal act on it; otherwise an audited 404. */
  private async lockFor(
    sql: Sql,
    p: Principal,
    id: string,
    permission: Permission | 'delegations.revoke',
    may: (d: DelegationRow) => boolean,
  ): Promise<DelegationRow> {
    const d = await findDelegation(sql, id, { lock: true });
    if (!d || !may(d)) {
      await this.access.recordDenied(p, permission, 'delegation', [id]);
      throw new ProblemError('NOT_FOUND', `Delegation ${id} not found`);
    }
    return d;
  }

  /** The customer's org_admin consents; the delegation runs for its duration from now. */
  async approve(p: Principal, id: string): Promise<DelegationView> {
    return inTransaction(this.ds, async (sql) => {
      const d = await this.lockFor(sql, p, id, 'delegations.approve', (x) => mayApproveDelegation(p, parties(x)));
      const status = effectiveDelegationStatus(d, clock.now());
      if (status !== 'pending') throw new ProblemError('DELEGATION_NOT_PENDING', `The delegation is ${status}`);
      const now = clock.now();
      const row = await approveDelegation(sql, id, p.userId, now, new Date(now.getTime() + Number(d.duration_ms)));
      await appendAuditEvent(sql, auditActorOf(p), {
        action: 'delegation.approved',
        resourceType: 'delegation',
        resourceId: id,
        organizationId: d.customer_org_id,
        organizationPath: d.customer_path,
        details: { roles: d.roles, endsAt: row.ends_at, resellerId: d.reseller_org_id },
      });
      return delegationView(row);
    });
  }

  /**
   * Ends a delegation at once, and with it every delegated token minted from it. The customer's
   * org_admin, the reseller admin that holds it, or a hoster admin may revoke.
   */
  async revoke(p: Principal, id: string, reason?: string): Promise<DelegationView> {
    return this.cache.afterChange(
      inTransaction(this.ds, async (sql) => {
        const d = await this.lockFor(sql, p, id, 'delegations.revoke', (x) => mayRevokeDelegation(p, parties(x)));
        const status = effectiveDelegationStatus(d, clock.now());
        if (status === 'revoked' || status === 'expired') throw new ProblemError('DELEGATION_NOT_ACTIVE', `The delegation is already ${status}`);
        const row = await revokeDelegation(sql, id, p.userId, reason ?? null);
        const { delegated: tokensRevoked, issued: issuedTokensRevoked } = await revokeTokensOfDelegation(sql, id, p.userId);
        await appendAuditEvent(sql, auditActorOf(p), {
          action: 'delegation.revoked',
          resourceType: 'delegation',
          resourceId: id,
          organizationId: d.customer_org_id,
          organizationPath: d.customer_path,
          details: { reason: reason ?? null, tokensRevoked, issuedTokensRevoked, previousStatus: status },
        });
        return delegationView(row);
      }),
    );
  }
}
