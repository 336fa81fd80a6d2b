import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { actsAsSelf, checkGrantable, outranks } from '../access/identity-rules';
import type { Permission, Role } from '../access/permissions';
import type { Principal } from '../access/principal';
import { EVERYTHING } from '../access/tenant-scope';
import { auditActorOf } from '../audit/audit-actor';
import { appendAuditEvent } from '../audit/audit-writer';
import { ProblemError } from '../common/errors/problem';
import { parseIfMatch } from '../common/http/if-match';
import { newId } from '../common/ids';
import { decodeCursor, type Page, type PageQuery, toPage } from '../common/pagination/cursor';
import { inTransaction, type Sql, sqlOf } from '../database/sql';
import type { CreateUserRequest, UpdateUserRequest } from './dto/identity.dto';
import { type UserView, userView } from './identity.views';
import { PrincipalCache } from './principal-cache';
import { revokeTokensOfUser } from './tokens.store';
import { findUser, grantRole, insertUser, listUsers, markUserDeleted, revokeRole, updateUser, type UserRow } from './users.store';

@Injectable()
export class UsersService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly cache: PrincipalCache,
  ) {}

  async list(p: Principal, orgId: string, q: PageQuery): Promise<Page<UserView>> {
    const sql = sqlOf(this.ds);
    await this.access.requireOrganization(p, 'users.read', orgId, sql);
    const limit = q.limit ?? 50;
    const rows = await listUsers(sql, orgId, { after: decodeCursor(q.cursor, ['id'])?.[0] as string | undefined, limit: limit + 1 });
    return toPage(rows, limit, (r) => [r.id], userView);
  }

  /** Yourself (with your own token), or a user in scope for `permission`; anything else is 404. */
  private async target(sql: Sql, p: Principal, userId: string, permission: Permission, lock = false): Promise<UserRow> {
    const user = await findUser(sql, this.access.scopeOf(p, permission), userId, { lock });
    if (user && actsAsSelf(p, user.id)) return user;
    return this.access.requireRow(
      p,
      permission,
      { type: 'user', id: userId },
      async () => user,
      () => new ProblemError('NOT_FOUND', `User ${userId} not found`),
    );
  }

  private requireBelow(p: Principal, user: UserRow, what: string): void {
    if (!outranks(p, user.roles)) throw new ProblemError('ROLE_NOT_GRANTABLE', `You may ${what} only users whose roles are all below yours`);
  }

  async get(p: Principal, userId: string): Promise<UserView> {
    return userView(await this.target(sqlOf(this.ds), p, userId, 'users.read'));
  }

  /** The caller itself (GET /v1/me), whatever token it uses. */
  async self(p: Principal): Promise<UserView> {
    return userView((await findUser(sqlOf(this.ds), EVERYTHING, p.userId))!);
  }

  async create(p: Principal, orgId: string, body: CreateUserRequest): Promise<UserView> {
    const org = await this.access.requireOrganization(p, 'users.write', orgId);
    const roles = body.roles ?? ['end_user'];
    checkGrantable(p, roles, org.kind);
    return inTransaction(this.ds, async (sql) => {
      const row = await insertUser(sql, {
        id: newId('usr'),
        organizationId: orgId,
        username: body.username,
        displayName: body.displayName.trim(),
        email: body.email,
        roles,
        grantedBy: p.userId,
      });
      const user = userView(row);
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
    return this.cache.afterChange(
      inTransaction(this.ds, async (sql) => {
        const user = await this.target(sql, p, userId, 'users.write', true);
        const self = user.id === p.userId;
        if (self && !p.permissions.has('profile.write')) throw new ProblemError('FORBIDDEN', 'Your roles do not let you change your profile');
        if (self && body.disabled !== undefined) throw new ProblemError('FORBIDDEN', 'You cannot disable yourself');
        if (!self) this.requireBelow(p, user, 'change');
        if (expected !== undefined && user.version !== expected) throw new ProblemError('PRECONDITION_FAILED', `The user is at version ${user.version}`);
        const status = body.disabled === undefined ? user.status : body.disabled ? 'disabled' : 'active';
        const after = await updateUser(sql, userId, { displayName: body.displayName?.trim(), email: body.email, status });
        await appendAuditEvent(sql, auditActorOf(p), {
          action: body.disabled === undefined ? 'user.updated' : body.disabled ? 'user.disabled' : 'user.enabled',
          resourceType: 'user',
          resourceId: userId,
          organizationId: user.organization_id,
          organizationPath: user.org_path,
          details: { before: userView(user), after: userView(after) },
        });
        return userView(after);
      }),
    );
  }

  /** Soft delete: the row stays for the audit trail; its tokens are revoked at once. */
  async remove(p: Principal, userId: string): Promise<void> {
    await this.cache.afterChange(
      inTransaction(this.ds, async (sql) => {
        const user = await this.target(sql, p, userId, 'users.delete', true);
        if (user.id === p.userId) throw new ProblemError('FORBIDDEN', 'You cannot delete yourself');
        this.requireBelow(p, user, 'delete');
        await markUserDeleted(sql, userId);
        const tokensRevoked = await revokeTokensOfUser(sql, userId, p.userId);
        await appendAuditEvent(sql, auditActorOf(p), {
          action: 'user.deleted',
          resourceType: 'user',
          resourceId: userId,
          organizationId: user.organization_id,
          organizationPath: user.org_path,
          details: { before: userView(user), tokensRevoked },
        });
      }),
    );
  }

  async addRole(p: Principal, userId: string, role: Role): Promise<UserView> {
    return this.changeRole(p, userId, role, 'role.granted');
  }

  async removeRole(p: Principal, userId: string, role: Role): Promise<UserView> {
    return this.changeRole(p, userId, role, 'role.revoked');
  }

  /** Grants or revokes one role of a user below the caller; no change, no event. */
  private changeRole(p: Principal, userId: string, role: Role, action: 'role.granted' | 'role.revoked'): Promise<UserView> {
    return this.cache.afterChange(
      inTransaction(this.ds, async (sql) => {
        const user = await this.target(sql, p, userId, 'roles.assign', true);
        if (user.id === p.userId) throw new ProblemError('ROLE_NOT_GRANTABLE', 'You cannot change your own roles');
        this.requireBelow(p, user, 'change the roles of');
        checkGrantable(p, [role], user.org_kind);
        const granting = action === 'role.granted';
        if (user.roles.includes(role) !== granting) {
          if (granting) await grantRole(sql, userId, role, p.userId);
          else await revokeRole(sql, userId, role);
          const after = granting ? [...user.roles, role] : user.roles.filter((r) => r !== role);
          await appendAuditEvent(sql, auditActorOf(p), {
            action,
            resourceType: 'user',
            resourceId: userId,
            organizationId: user.organization_id,
            organizationPath: user.org_path,
            details: { role, before: user.roles, after },
          });
        }
        return userView((await findUser(sql, EVERYTHING, userId))!);
      }),
    );
  }
}
