import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendAuditEvent } from '../audit/audit-writer';
import { ProblemError } from '../common/errors/problem';
import { newId } from '../common/ids';
import { clock } from '../common/clock';
import { decodeCursor, type Page, toPage } from '../common/pagination/cursor';
import { AppConfig } from '../config/app-config';
import { parseDuration } from '../config/duration';
import { inTransaction, queryRows } from '../database/sql';
import { Where } from '../database/where';
import { AccessService } from './access.service';
import { PrincipalCache } from './principal-cache';
import type { CreateDelegationRequest, DelegationListQuery } from './dto/identity.dto';
import { type DelegationView, delegationView, effectiveDelegationStatus } from './identity.views';
import { DELEGABLE_ROLES } from './permissions';
import { auditActorOf, type Principal } from './principal';

export const DELEGATION_MIN_MS = 3_600_000;
export const DELEGATION_MAX_MS = 2 * 365 * 86_400_000;

const SELECT = `SELECT d.*, c.path AS customer_path, c.parent_id AS customer_parent FROM delegations d JOIN organizations c ON c.id = d.customer_org_id`;

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
    const where = new Where({ sql: 'TRUE', params: [] });
    // Visible: hoster staff all; resellers their own; customers (org_admin) the ones on them.
    if (p.roles.includes('hoster_admin') || p.roles.includes('hoster_csr')) where.raw('TRUE');
    else if (!p.delegationId && (p.roles.includes('reseller_admin') || p.roles.includes('reseller_csr'))) where.add((n) => `d.reseller_org_id = ${n}`, p.userOrgId);
    else if (p.roles.includes('org_admin')) where.add((n) => `d.customer_org_id = ${n}`, p.subjectOrgId);
    else where.raw('FALSE');
    where.add((n) => `d.customer_org_id = ${n}`, q.customerId).add((n) => `d.id < ${n}`, decodeCursor(q.cursor, ['id'])?.[0]);
    let rows: any[] = await queryRows(this.ds, `${SELECT} WHERE ${where.sql} ORDER BY d.id DESC LIMIT ${where.param(q.status ? 1000 : limit + 1)}`, where.params);
    // Status is partly time-derived; filter after computing it.
    if (q.status) rows = rows.filter((r) => effectiveDelegationStatus(r, clock.now()) === q.status).slice(0, limit + 1);
    return toPage(rows, limit, (r) => [r.id], delegationView);
  }

  async request(p: Principal, body: CreateDelegationRequest): Promise<DelegationView> {
    if (p.delegationId || !p.roles.includes('reseller_admin')) throw new ProblemError('FORBIDDEN', 'Only a reseller admin, with its own token, requests delegations');
    const ms = parseDuration(body.duration);
    if (ms === undefined || ms < DELEGATION_MIN_MS || ms > DELEGATION_MAX_MS) throw new ProblemError('DELEGATION_INVALID_DURATION');
    if (!body.roles.length || body.roles.some((r) => !DELEGABLE_ROLES.includes(r))) throw new ProblemError('DELEGATION_INVALID_ROLES');
    const customer = await this.access.requireOrganization(p, 'organizations.read', body.customerId);
    if (customer.kind !== 'customer' || customer.parentId !== p.userOrgId) throw new ProblemError('DELEGATION_NOT_CUSTOMER');
    return inTransaction(this.ds, async (sql) => {
      const id = newId('dlg');
      const now = clock.now();
      await sql.query(
        `INSERT INTO delegations (id, reseller_org_id, customer_org_id, roles, duration_ms, status, note, requested_by_user_id, requested_at, request_expires_at)
         VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7, $8, $9)`,
        [id, p.userOrgId, customer.id, body.roles, ms, body.note ?? null, p.userId, now, new Date(now.getTime() + this.config.delegationRequestTtlMs)],
      );
      const row = (await sql.query(`${SELECT} WHERE d.id = $1`, [id])).rows[0];
      await appendAuditEvent(sql, auditActorOf(p), {
        action: 'delegation.requested',
        resourceType: 'delegation',
        resourceId: id,
        organizationId: customer.id,
        organizationPath: customer.path,
        details: { roles: body.roles, durationMs: ms, resellerId: p.userOrgId },
      });
      return delegationView(row);
    });
  }

  /** The customer's org_admin consents; the delegation runs for its duration from now. */
  async approve(p: Principal, id: string): Promise<DelegationView> {
    return inTransaction(this.ds, async (sql) => {
      const d = (await sql.query(`${SELECT} WHERE d.id = $1 FOR UPDATE OF d`, [id])).rows[0];
      const isCustomerAdmin = d && !p.delegationId && p.roles.includes('org_admin') && p.userOrgId === d.customer_org_id;
      if (!d || !(isCustomerAdmin || p.roles.includes('hoster_admin'))) {
        await this.access.recordDenied(p, 'delegations.approve', 'delegation', [id]);
        throw new ProblemError('NOT_FOUND', `Delegation ${id} not found`);
      }
      const status = effectiveDelegationStatus(d, clock.now());
      if (status !== 'pending') throw new ProblemError('DELEGATION_NOT_PENDING', `The delegation is ${status}`);
      const now = clock.now();
      await sql.query(`UPDATE delegations SET status = 'active', approved_by_user_id = $2, approved_at = $3, starts_at = $3, ends_at = $4 WHERE id = $1`, [
        id,
        p.userId,
        now,
        new Date(now.getTime() + Number(d.duration_ms)),
      ]);
      const row = (await sql.query(`${SELECT} WHERE d.id = $1`, [id])).rows[0];
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
    return this.cache.afterChange(inTransaction(this.ds, async (sql) => {
      const d = (await sql.query(`${SELECT} WHERE d.id = $1 FOR UPDATE OF d`, [id])).rows[0];
      const customerAdmin = d && !p.delegationId && p.roles.includes('org_admin') && p.userOrgId === d.customer_org_id;
      const resellerAdmin = d && !p.delegationId && p.roles.includes('reseller_admin') && p.userOrgId === d.reseller_org_id;
      const hoster = p.roles.includes('hoster_admin') && d && d.customer_path.startsWith(p.userOrgPath);
      if (!d || !(customerAdmin || resellerAdmin || hoster)) {
        await this.access.recordDenied(p, 'delegations.revoke', 'delegation', [id]);
        throw new ProblemError('NOT_FOUND', `Delegation ${id} not found`);
      }
      const status = effectiveDelegationStatus(d, clock.now());
      if (status === 'revoked' || status === 'expired') throw new ProblemError('DELEGATION_NOT_ACTIVE', `The delegation is already ${status}`);
      await sql.query(`UPDATE delegations SET status = 'revoked', revoked_by_user_id = $2, revoked_at = now(), revoke_reason = $3 WHERE id = $1`, [id, p.userId, reason ?? null]);
      const tokens = await sql.query(`UPDATE tokens SET revoked_at = now(), revoked_by_user_id = $2 WHERE delegation_id = $1 AND revoked_at IS NULL`, [id, p.userId]);
      const row = (await sql.query(`${SELECT} WHERE d.id = $1`, [id])).rows[0];
      await appendAuditEvent(sql, auditActorOf(p), {
        action: 'delegation.revoked',
        resourceType: 'delegation',
        resourceId: id,
        organizationId: d.customer_org_id,
        organizationPath: d.customer_path,
        details: { reason: reason ?? null, tokensRevoked: tokens.rowCount, previousStatus: status },
      });
      return delegationView(row);
    }));
  }
}

