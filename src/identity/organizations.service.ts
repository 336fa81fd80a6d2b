import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendAuditEvent } from '../audit/audit-writer';
import { ProblemError } from '../common/errors/problem';
import { newId } from '../common/ids';
import { clock } from '../common/clock';
import { decodeCursor, type Page, toPage } from '../common/pagination/cursor';
import { AppConfig } from '../config/app-config';
import { parseDuration } from '../config/duration';
import { inTransaction, type Sql, queryRows } from '../database/sql';
import { Where } from '../database/where';
import { AccessService } from './access.service';
import { PrincipalCache } from './principal-cache';
import type { CreateOrganizationRequest, OrganizationListQuery, UpdateOrganizationRequest } from './dto/identity.dto';
import { type CreatedTokenView, type OrganizationView, type UserView, organizationView, userView } from './identity.views';
import { type Role } from './permissions';
import { auditActorOf, type Principal } from './principal';
import { issueToken } from './tokens.service';
import { DELEGATION_MAX_MS, DELEGATION_MIN_MS } from './delegations.service';

export interface CreatedOrganization {
  organization: OrganizationView;
  admin?: UserView & { token: CreatedTokenView };
  delegationId?: string;
}

function isUniqueViolation(e: unknown, index?: string): boolean {
  const err = e as { code?: string; driverError?: { code?: string; constraint?: string }; constraint?: string };
  const code = err.driverError?.code ?? err.code;
  const constraint = err.driverError?.constraint ?? err.constraint;
  return code === '23505' && (!index || constraint === index);
}

export { isUniqueViolation };

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
    const where = new Where(this.access.scope(p, 'organizations.read', { path: 'o.path', orgId: 'o.id' }))
      .add((n) => `o.kind = ${n}`, q.kind)
      .add((n) => `o.parent_id = ${n}`, q.parentId)
      .add((n) => `o.status = ${n}`, q.status)
      .add((n) => `o.id > ${n}`, decodeCursor(q.cursor, ['id'])?.[0]);
    const rows: any[] = await queryRows(this.ds, `SELECT o.* FROM organizations o WHERE ${where.sql} ORDER BY o.id LIMIT ${where.param(limit + 1)}`, where.params);
    return toPage(rows, limit, (r) => [r.id], organizationView);
  }

  async get(p: Principal, id: string): Promise<OrganizationView> {
    await this.access.requireOrganization(p, 'organizations.read', id);
    const rows: any[] = await queryRows(this.ds, `SELECT * FROM organizations WHERE id = $1`, [id]);
    return organizationView(rows[0]);
  }

  /** For the caller's own organizations (GET /v1/me); not for ids from a request. */
  async getUnscoped(id: string): Promise<OrganizationView> {
    const rows: any[] = await queryRows(this.ds, `SELECT * FROM organizations WHERE id = $1`, [id]);
    if (!rows[0]) throw new ProblemError('NOT_FOUND');
    return organizationView(rows[0]);
  }

  async create(p: Principal, body: CreateOrganizationRequest): Promise<CreatedOrganization> {
    if (p.delegationId) throw new ProblemError('FORBIDDEN', 'A delegated admin token cannot create organizations');
    const parentId = body.parentId ?? p.userOrgId;
    const parent = await this.access.requireOrganization(p, 'organizations.read', parentId);
    const isHosterStaff = p.roles.includes('hoster_admin') || p.roles.includes('hoster_csr');
    const isResellerAdmin = p.roles.includes('reseller_admin');
    // Who may create what, where (ACCESS.md §2): hoster staff create resellers under the hoster and
    // customers under the hoster or a reseller; a reseller admin creates customers under itself.
    if (body.kind === 'reseller') {
      if (!isHosterStaff) throw new ProblemError('ORGANIZATION_KIND_NOT_ALLOWED', 'Only hoster staff create resellers');
      if (parent.kind !== 'hoster') throw new ProblemError('INVALID_PARENT_ORGANIZATION', 'A reseller belongs to the hoster');
    } else {
      if (parent.kind === 'customer') throw new ProblemError('INVALID_PARENT_ORGANIZATION', 'A customer belongs to the hoster or a reseller');
      const resellerOwn = isResellerAdmin && parent.id === p.userOrgId;
      if (!isHosterStaff && !resellerOwn) throw new ProblemError('ORGANIZATION_KIND_NOT_ALLOWED', 'You may create customers only under your own reseller organization');
    }
    if (body.delegation && !(body.kind === 'customer' && parent.kind === 'reseller' && isResellerAdmin && parent.id === p.userOrgId)) {
      throw new ProblemError('VALIDATION_FAILED', 'A delegation at creation is for a reseller admin creating its own customer', { errors: [{ path: 'delegation', message: 'not allowed here' }] });
    }
    let delegationMs: number | undefined;
    if (body.delegation) {
      delegationMs = parseDuration(body.delegation.duration);
      if (delegationMs === undefined || delegationMs < DELEGATION_MIN_MS || delegationMs > DELEGATION_MAX_MS) throw new ProblemError('DELEGATION_INVALID_DURATION');
      if (!body.delegation.roles.length) throw new ProblemError('DELEGATION_INVALID_ROLES');
    }

    return inTransaction(this.ds, async (sql) => {
      const id = newId('org');
      const path = `${parent.path}${id}/`;
      let row: any;
      try {
        row = (await sql.query(`INSERT INTO organizations (id, kind, name, parent_id, path) VALUES ($1, $2, $3, $4, $5) RETURNING *`, [id, body.kind, body.name.trim(), parent.id, path])).rows[0];
      } catch (e) {
        if (isUniqueViolation(e, 'organizations_sibling_name_uq')) throw new ProblemError('ORGANIZATION_NAME_TAKEN', `"${body.name}" already exists under this parent`);
        throw e;
      }
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
        const user = await insertUser(sql, { organizationId: id, username: body.admin.username, displayName: body.admin.displayName, email: body.admin.email, roles: [role], grantedBy: p.userId });
        const token = await issueToken(sql, { userId: user.id, organizationId: id, roles: [role], expiresAt: new Date(clock.nowMs() + this.config.tokenDefaultTtlMs), name: 'first token', createdBy: p.userId });
        result.admin = { ...user, token };
        await appendAuditEvent(sql, actor, { action: 'user.created', resourceType: 'user', resourceId: user.id, organizationId: id, organizationPath: path, details: { after: user } });
        await appendAuditEvent(sql, actor, { action: 'token.created', resourceType: 'token', resourceId: token.id, organizationId: id, organizationPath: path, details: { owner: user.id, roles: [role], expiresAt: token.expiresAt } });
      }
      if (body.delegation) {
        const delegationId = newId('dlg');
        const now = clock.now();
        await sql.query(
          `INSERT INTO delegations (id, reseller_org_id, customer_org_id, roles, duration_ms, status, requested_by_user_id, requested_at, request_expires_at,
                                    approved_by_user_id, approved_at, approved_at_creation, starts_at, ends_at)
           VALUES ($1, $2, $3, $4, $5, 'active', $6, $7, $7, $6, $7, true, $7, $8)`,
          [delegationId, parent.id, id, body.delegation.roles, delegationMs, p.userId, now, new Date(now.getTime() + delegationMs!)],
        );
        result.delegationId = delegationId;
        // The customer did not consent separately: say so in the trail.
        await appendAuditEvent(sql, actor, {
          action: 'delegation.approved_at_creation',
          resourceType: 'delegation',
          resourceId: delegationId,
          organizationId: id,
          organizationPath: path,
          details: { roles: body.delegation.roles, durationMs: delegationMs, resellerId: parent.id },
        });
      }
      return result;
    });
  }

  async update(p: Principal, id: string, body: UpdateOrganizationRequest, ifMatch: string | undefined): Promise<OrganizationView> {
    const org = await this.access.requireOrganization(p, 'organizations.write', id);
    if (p.delegationId && org.id !== p.subjectOrgId) throw new ProblemError('NOT_FOUND');
    const expected = parseIfMatch(ifMatch);
    return inTransaction(this.ds, async (sql) => {
      const before = (await sql.query(`SELECT * FROM organizations WHERE id = $1 FOR UPDATE`, [id])).rows[0];
      if (expected !== undefined && before.version !== expected) throw new ProblemError('PRECONDITION_FAILED', `The organization is at version ${before.version}`);
      let after: any;
      try {
        after = (
          await sql.query(`UPDATE organizations SET name = coalesce($2, name), version = version + 1, updated_at = now() WHERE id = $1 RETURNING *`, [id, body.name?.trim() ?? null])
        ).rows[0];
      } catch (e) {
        if (isUniqueViolation(e, 'organizations_sibling_name_uq')) throw new ProblemError('ORGANIZATION_NAME_TAKEN');
        throw e;
      }
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
    return this.cache.afterChange(inTransaction(this.ds, async (sql) => {
      const before = (await sql.query(`SELECT * FROM organizations WHERE id = $1 FOR UPDATE`, [id])).rows[0];
      if ((before.status === 'suspended') === suspended) return organizationView(before);
      const after = (
        await sql.query(
          `UPDATE organizations SET status = $2, suspended_at = CASE WHEN $2 = 'suspended' THEN now() END,
                  suspended_reason = CASE WHEN $2 = 'suspended' THEN $3 END, version = version + 1, updated_at = now()
            WHERE id = $1 RETURNING *`,
          [id, suspended ? 'suspended' : 'active', reason ?? null],
        )
      ).rows[0];
      await appendAuditEvent(sql, auditActorOf(p), {
        action: suspended ? 'organization.suspended' : 'organization.resumed',
        resourceType: 'organization',
        resourceId: id,
        organizationId: id,
        organizationPath: after.path,
        details: { reason: reason ?? null },
      });
      return organizationView(after);
    }));
  }
}

export function parseIfMatch(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!m) throw new ProblemError('PRECONDITION_FAILED', 'If-Match must be an ETag returned by this API');
  return Number(m[1]);
}

export interface InsertUserInput {
  organizationId: string;
  username: string;
  displayName: string;
  email?: string | null;
  roles: Role[];
  grantedBy?: string | null;
}

/** Inserts a user and its roles; USERNAME_TAKEN on a duplicate. */
export async function insertUser(sql: Sql, input: InsertUserInput): Promise<UserView> {
  const id = newId('usr');
  let row: any;
  try {
    row = (
      await sql.query(`INSERT INTO users (id, organization_id, username, display_name, email) VALUES ($1, $2, $3, $4, $5) RETURNING *`, [
        id,
        input.organizationId,
        input.username,
        input.displayName.trim(),
        input.email ?? null,
      ])
    ).rows[0];
  } catch (e) {
    if (isUniqueViolation(e, 'users_username_uq')) throw new ProblemError('USERNAME_TAKEN', `The username "${input.username}" is already taken`);
    throw e;
  }
  for (const role of input.roles) {
    await sql.query(`INSERT INTO role_assignments (user_id, role, granted_by_user_id) VALUES ($1, $2, $3)`, [id, role, input.grantedBy ?? null]);
  }
  return userView({ ...row, roles: input.roles });
}
