import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendAuditEvent } from '../audit/audit-writer';
import { ProblemError } from '../common/errors/problem';
import { decodeCursor, type Page, type PageQuery, toPage } from '../common/pagination/cursor';
import { inTransaction, type Sql, sqlOf, queryRows } from '../database/sql';
import { AccessService } from './access.service';
import { PrincipalCache } from './principal-cache';
import type { CreateUserRequest, UpdateUserRequest } from './dto/identity.dto';
import { loadUser, USER_SELECT, type UserView, userView } from './identity.views';
import { insertUser, parseIfMatch } from './organizations.service';
import { bestRank, canGrantRole, type Permission, type Role, ROLE_ORG_KINDS } from './permissions';
import { auditActorOf, type Principal } from './principal';

@Injectable()
export class UsersService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly cache: PrincipalCache,
  ) {}

  async list(p: Principal, orgId: string, q: PageQuery): Promise<Page<UserView>> {
    await this.access.requireOrganization(p, 'users.read', orgId);
    const limit = q.limit ?? 50;
    const after = decodeCursor(q.cursor, ['id']);
    const rows: any[] = await queryRows(this.ds, 
      `${USER_SELECT} WHERE u.organization_id = $1 AND u.status <> 'deleted' AND ($2::text IS NULL OR u.id > $2) ORDER BY u.id LIMIT $3`,
      [orgId, after?.[0] ?? null, limit + 1],
    );
    return toPage(rows, limit, (r) => [r.id], userView);
  }

  /** Yourself, or a user in scope for `permission`; anything else is 404. */
  private async target(sql: Sql, p: Principal, userId: string, permission: Permission, forUpdate = false) {
    const user = await loadUser(sql, userId, forUpdate);
    if (user && user.id === p.userId && !p.delegationId) return user;
    if (!user || !p.permissions.has(permission)) {
      await this.access.recordDenied(p, permission, 'user', [userId]);
      throw new ProblemError('NOT_FOUND', `User ${userId} not found`);
    }
    await this.access.requireOrganization(p, permission, user.organization_id);
    return user;
  }

  private requireBelow(p: Principal, user: any, what: string) {
    if (!(bestRank(user.roles) > bestRank(p.roles))) {
      throw new ProblemError('ROLE_NOT_GRANTABLE', `You may ${what} only users whose roles are all below yours`);
    }
  }

  private checkGrantable(p: Principal, roles: Role[], orgKind: string) {
    for (const role of roles) {
      if (!canGrantRole(p.roles, role)) throw new ProblemError('ROLE_NOT_GRANTABLE', `You may not grant ${role}`);
      if (!ROLE_ORG_KINDS[role].includes(orgKind as any)) throw new ProblemError('ROLE_NOT_ALLOWED_HERE', `${role} cannot be held in a ${orgKind} organization`);
    }
  }

  async get(p: Principal, userId: string): Promise<UserView> {
    return userView(await this.target(sqlOf(this.ds), p, userId, 'users.read'));
  }

  /** The caller itself (GET /v1/me), whatever token it uses. */
  async self(p: Principal): Promise<UserView> {
    return userView(await loadUser(sqlOf(this.ds), p.userId));
  }

  async create(p: Principal, orgId: string, body: CreateUserRequest): Promise<UserView> {
    const org = await this.access.requireOrganization(p, 'users.write', orgId);
    const roles = body.roles ?? ['end_user'];
    this.checkGrantable(p, roles, org.kind);
    return inTransaction(this.ds, async (sql) => {
      const user = await insertUser(sql, { organizationId: orgId, username: body.username, displayName: body.displayName, email: body.email, roles, grantedBy: p.userId });
      await appendAuditEvent(sql, auditActorOf(p), {
        action: 'user.created',
        resourceType: 'user',
        resourceId: user.id,
        organizationId: orgId,
        organizationPath: org.path,
        details: { after: user },
      });
      return user;
    });
  }

  async update(p: Principal, userId: string, body: UpdateUserRequest, ifMatch?: string): Promise<UserView> {
    const expected = parseIfMatch(ifMatch);
    return this.cache.afterChange(inTransaction(this.ds, async (sql) => {
      const user = await this.target(sql, p, userId, 'users.write', true);
      const self = user.id === p.userId;
      if (self && !p.permissions.has('profile.write')) throw new ProblemError('FORBIDDEN', 'Your roles do not let you change your profile');
      if (self && body.disabled !== undefined) throw new ProblemError('FORBIDDEN', 'You cannot disable yourself');
      if (!self) this.requireBelow(p, user, 'change');
      if (expected !== undefined && user.version !== expected) throw new ProblemError('PRECONDITION_FAILED', `The user is at version ${user.version}`);
      const status = body.disabled === undefined ? user.status : body.disabled ? 'disabled' : 'active';
      await sql.query(
        `UPDATE users SET display_name = coalesce($2, display_name), email = coalesce($3, email), status = $4, version = version + 1, updated_at = now() WHERE id = $1`,
        [userId, body.displayName?.trim() ?? null, body.email ?? null, status],
      );
      const after = await loadUser(sql, userId);
      await appendAuditEvent(sql, auditActorOf(p), {
        action: body.disabled === undefined ? 'user.updated' : body.disabled ? 'user.disabled' : 'user.enabled',
        resourceType: 'user',
        resourceId: userId,
        organizationId: user.organization_id,
        organizationPath: user.org_path,
        details: { before: userView(user), after: userView(after) },
      });
      return userView(after);
    }));
  }

  /** Soft delete: the row stays for the audit trail; its tokens are revoked at once. */
  async remove(p: Principal, userId: string): Promise<void> {
    await this.cache.afterChange(inTransaction(this.ds, async (sql) => {
      const user = await this.target(sql, p, userId, 'users.delete', true);
      if (user.id === p.userId) throw new ProblemError('FORBIDDEN', 'You cannot delete yourself');
      this.requireBelow(p, user, 'delete');
      await sql.query(`UPDATE users SET status = 'deleted', deleted_at = now(), version = version + 1, updated_at = now() WHERE id = $1`, [userId]);
      await sql.query(`DELETE FROM role_assignments WHERE user_id = $1`, [userId]);
      const revoked = await sql.query(`UPDATE tokens SET revoked_at = now(), revoked_by_user_id = $2 WHERE user_id = $1 AND revoked_at IS NULL`, [userId, p.userId]);
      await appendAuditEvent(sql, auditActorOf(p), {
        action: 'user.deleted',
        resourceType: 'user',
        resourceId: userId,
        organizationId: user.organization_id,
        organizationPath: user.org_path,
        details: { before: userView(user), tokensRevoked: revoked.rowCount },
      });
    }));
  }

  async addRole(p: Principal, userId: string, role: Role): Promise<UserView> {
    return this.cache.afterChange(inTransaction(this.ds, async (sql) => {
      const user = await this.target(sql, p, userId, 'roles.assign', true);
      if (user.id === p.userId) throw new ProblemError('ROLE_NOT_GRANTABLE', 'You cannot change your own roles');
      this.requireBelow(p, user, 'change the roles of');
      this.checkGrantable(p, [role], user.org_kind);
      if (!user.roles.includes(role)) {
        await sql.query(`INSERT INTO role_assignments (user_id, role, granted_by_user_id) VALUES ($1, $2, $3)`, [userId, role, p.userId]);
        await appendAuditEvent(sql, auditActorOf(p), {
          action: 'role.granted',
          resourceType: 'user',
          resourceId: userId,
          organizationId: user.organization_id,
          organizationPath: user.org_path,
          details: { role, before: user.roles, after: [...user.roles, role] },
        });
      }
      return userView(await loadUser(sql, userId));
    }));
  }

  async removeRole(p: Principal, userId: string, role: Role): Promise<UserView> {
    return this.cache.afterChange(inTransaction(this.ds, async (sql) => {
      const user = await this.target(sql, p, userId, 'roles.assign', true);
      if (user.id === p.userId) throw new ProblemError('ROLE_NOT_GRANTABLE', 'You cannot change your own roles');
      this.requireBelow(p, user, 'change the roles of');
      this.checkGrantable(p, [role], user.org_kind);
      if (user.roles.includes(role)) {
        await sql.query(`DELETE FROM role_assignments WHERE user_id = $1 AND role = $2`, [userId, role]);
        await appendAuditEvent(sql, auditActorOf(p), {
          action: 'role.revoked',
          resourceType: 'user',
          resourceId: userId,
          organizationId: user.organization_id,
          organizationPath: user.org_path,
          details: { role, before: user.roles, after: user.roles.filter((r: Role) => r !== role) },
        });
      }
      return userView(await loadUser(sql, userId));
    }));
  }
}

