import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { checkMayCreateOrganizations, checkOrganizationCreation } from '../access/identity-rules';
import type { Organization } from '../access/organization';
import type { Role } from '../access/permissions';
import type { Principal } from '../access/principal';
import { auditActorOf } from '../audit/audit-actor';
import { appendAuditEvent, type AuditActor } from '../audit/audit-writer';
import { clock } from '../common/clock';
import { ProblemError } from '../common/errors/problem';
import { parseIfMatch } from '../common/http/if-match';
import { newId } from '../common/ids';
import { decodeCursor, type Page, toPage } from '../common/pagination/cursor';
import { AppConfig } from '../config/app-config';
import { inTransaction, type Sql, sqlOf } from '../database/sql';
import { EVERYTHING } from '../access/tenant-scope';
import { delegationDuration } from './delegation-duration';
import { insertDelegationApprovedAtCreation } from './delegations.store';
import type { CreateOrganizationRequest, NewUserFields, OrganizationListQuery, UpdateOrganizationRequest } from './dto/identity.dto';
import { type CreatedTokenView, type OrganizationView, type UserView, organizationView, userView } from './identity.views';
import {
  findOrganization,
  findOrganizationRow,
  insertOrganization,
  listOrganizations,
  lockOrganizationRow,
  type OrganizationRow,
  setOrganizationSuspended,
  updateOrganization,
} from './organizations.store';
import { PrincipalCache } from './principal-cache';
import { issueToken } from './token-issuer';
import { insertUser } from './users.store';

export interface CreatedOrganization {
  organization: OrganizationView;
  admin?: UserView & { token: CreatedTokenView };
  delegationId?: string;
}

const notFound = (id: string) => () => new ProblemError('NOT_FOUND', `Organization ${id} not found`);

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly cache: PrincipalCache,
  ) {}

  async list(p: Principal, q: OrganizationListQuery): Promise<Page<OrganizationView>> {
    const limit = q.limit ?? 50;
    const after = decodeCursor(q.cursor, ['id'])?.[0] as string | undefined;
    const rows = await listOrganizations(sqlOf(this.ds), this.access.scopeOf(p, 'organizations.read'), {
      kind: q.kind,
      parentId: q.parentId,
      status: q.status,
      after,
      limit: limit + 1,
    });
    return toPage(rows, limit, (r) => [r.id], organizationView);
  }

  async get(p: Principal, id: string): Promise<OrganizationView> {
    const sql = sqlOf(this.ds);
    return organizationView(
      await this.access.requireRow(p, 'organizations.read', { type: 'organization', id }, (scope) => findOrganizationRow(sql, scope, id), notFound(id)),
    );
  }

  /** The caller's own organization and the one its token acts in (GET /v1/me); never ids from a request. */
  async own(p: Principal): Promise<{ organization: OrganizationView; actingIn: OrganizationView }> {
    const sql = sqlOf(this.ds);
    const load = async (id: string) => organizationView((await findOrganizationRow(sql, EVERYTHING, id))!);
    const organization = await load(p.userOrgId);
    return { organization, actingIn: p.subjectOrgId === p.userOrgId ? organization : await load(p.subjectOrgId) };
  }

  async create(p: Principal, body: CreateOrganizationRequest): Promise<CreatedOrganization> {
    checkMayCreateOrganizations(p);
    const parent = await this.access.requireOrganization(p, 'organizations.read', body.parentId ?? p.userOrgId);
    checkOrganizationCreation(p, body.kind, parent, !!body.delegation);
    const delegationMs = body.delegation ? delegationDuration(body.delegation.duration) : undefined;
    if (body.delegation && !body.delegation.roles.length) throw new ProblemError('DELEGATION_INVALID_ROLES');

    return inTransaction(this.ds, async (sql) => {
      const id = newId('org');
      const path = `${parent.path}${id}/`;
      const row = await insertOrganization(sql, { id, kind: body.kind, name: body.name.trim(), parentId: parent.id, path });
      const result: CreatedOrganization = { organization: organizationView(row) };
      const actor = auditActorOf(p);
      await appendAuditEvent(sql, actor, {
        action: 'organization.created',
        resourceType: 'organization',
        resourceId: id,
        organizationId: id,
        organizationPath: path,
        details: { after: result.organization },
      });
      if (body.admin) {
        const role: Role = body.kind === 'reseller' ? 'reseller_admin' : 'org_admin';
        result.admin = await this.createFirstAdmin(sql, actor, p.userId, { id, path }, body.admin, role);
      }
      if (body.delegation) result.delegationId = await this.approveAtCreation(sql, p, actor, parent, { id, path }, body.delegation.roles, delegationMs!);
      return result;
    });
  }

  /** The new organization's first admin and its first token (to hand over), both audited. */
  private async createFirstAdmin(sql: Sql, actor: AuditActor, grantedBy: string, org: { id: string; path: string }, admin: NewUserFields, role: Role) {
    const user = userView(
      await insertUser(sql, {
        id: newId('usr'),
        organizationId: org.id,
        username: admin.username,
        displayName: admin.displayName.trim(),
        email: admin.email,
        roles: [role],
        grantedBy,
      }),
    );
    const expiresAt = new Date(clock.nowMs() + this.config.tokenDefaultTtlMs);
    const token = await issueToken(sql, { userId: user.id, organizationId: org.id, roles: [role], expiresAt, name: 'first token', createdBy: grantedBy });
    const where = { organizationId: org.id, organizationPath: org.path };
    await appendAuditEvent(sql, actor, { action: 'user.created', resourceType: 'user', resourceId: user.id, ...where, details: { after: user } });
    await appendAuditEvent(sql, actor, {
      action: 'token.created',
      resourceType: 'token',
      resourceId: token.id,
      ...where,
      details: { owner: user.id, roles: [role], expiresAt: token.expiresAt },
    });
    return { ...user, token };
  }

  /** The reseller approves a delegation on the customer it creates: the trail says the customer did not consent separately. */
  private async approveAtCreation(
    sql: Sql,
    p: Principal,
    actor: AuditActor,
    reseller: Organization,
    customer: { id: string; path: string },
    roles: Role[],
    durationMs: number,
  ) {
    const id = newId('dlg');
    await insertDelegationApprovedAtCreation(sql, {
      id,
      resellerOrgId: reseller.id,
      customerOrgId: customer.id,
      roles,
      durationMs,
      requestedBy: p.userId,
      requestedAt: clock.now(),
    });
    await appendAuditEvent(sql, actor, {
      action: 'delegation.approved_at_creation',
      resourceType: 'delegation',
      resourceId: id,
      organizationId: customer.id,
      organizationPath: customer.path,
      details: { roles, durationMs, resellerId: reseller.id },
    });
    return id;
  }

  async update(p: Principal, id: string, body: UpdateOrganizationRequest, ifMatch: string | undefined): Promise<OrganizationView> {
    await this.access.requireOrganization(p, 'organizations.write', id);
    const expected = parseIfMatch(ifMatch);
    return inTransaction(this.ds, async (sql) => {
      const before = (await lockOrganizationRow(sql, id))!;
      if (expected !== undefined && before.version !== expected)
        throw new ProblemError('PRECONDITION_FAILED', `The organization is at version ${before.version}`);
      const after = await updateOrganization(sql, id, body.name?.trim() ?? null);
      await appendAuditEvent(sql, auditActorOf(p), {
        action: 'organization.updated',
        resourceType: 'organization',
        resourceId: id,
        organizationId: id,
        organizationPath: after.path,
        details: { before: organizationView(before), after: organizationView(after) },
      });
      return organizationView(after);
    });
  }

  async setSuspended(p: Principal, id: string, suspended: boolean, reason?: string): Promise<OrganizationView> {
    const org = await this.access.requireOrganization(p, 'organizations.suspend', id);
    if (org.kind === 'hoster') throw new ProblemError('CONFLICT', 'The hoster organization cannot be suspended');
    if (org.id === p.userOrgId) throw new ProblemError('CONFLICT', 'You cannot suspend your own organization');
    return this.cache.afterChange(
      inTransaction(this.ds, async (sql) => {
        const before = (await lockOrganizationRow(sql, id))!;
        if ((before.status === 'suspended') === suspended) return organizationView(before);
        if (!suspended) await this.requireMayResume(sql, p, before);
        const after = await setOrganizationSuspended(sql, id, { suspended, reason: reason ?? null, byOrgId: p.userOrgId });
        await appendAuditEvent(sql, auditActorOf(p), {
          action: suspended ? 'organization.suspended' : 'organization.resumed',
          resourceType: 'organization',
          resourceId: id,
          organizationId: id,
          organizationPath: after.path,
          details: { reason: reason ?? null, ...(suspended ? {} : { suspendedBy: before.suspended_by_org_id }) },
        });
        return organizationView(after);
      }),
    );
  }

  /** A suspension is lifted by the organization that imposed it or one above it (a reseller cannot undo the hoster's). */
  private async requireMayResume(sql: Sql, p: Principal, org: OrganizationRow): Promise<void> {
    if (!org.suspended_by_org_id) return;
    const by = await findOrganization(sql, org.suspended_by_org_id);
    if (by && !by.path.startsWith(p.userOrgPath)) {
      throw new ProblemError('FORBIDDEN', `The ${by.kind} suspended this organization; only it can resume it`);
    }
  }
}
