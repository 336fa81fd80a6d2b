import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProblemError } from '../common/errors/problem';
import { rootLogger } from '../common/logging/logger';
import { appendAuditEvent } from '../audit/audit-writer';
import { inTransaction, subtreePattern, queryRows } from '../database/sql';
import { CUSTOMER_DATA_PERMISSIONS, MUTATING_PERMISSIONS, type OrganizationKind, type Permission, ROLE_PERMISSIONS, type Role } from './permissions';
import { type Principal, auditActorOf } from './principal';

export interface OrgRef {
  id: string;
  path: string;
  kind: OrganizationKind;
}

/** A WHERE fragment restricting rows to what a principal may see, with its parameters. */
export interface ScopeFilter {
  sql: string;
  params: unknown[];
}

function inSubtree(org: OrgRef, rootPath: string): boolean {
  return org.path.startsWith(rootPath);
}

/**
 * May a principal holding `role` use `permission` on `org`? The one place where tenant scope is
 * decided (ACCESS.md §2): hoster staff everywhere (CSRs not on the hoster itself when changing
 * things), reseller staff in their subtree but never *inside* a customer without a delegated
 * token, organization roles in their organization, auditors in their subtree.
 */
function roleAllows(p: Principal, role: Role, permission: Permission, org: OrgRef): boolean {
  if (!ROLE_PERMISSIONS[role].includes(permission)) return false;
  switch (role) {
    case 'hoster_admin':
      return true;
    case 'hoster_csr':
      return MUTATING_PERMISSIONS.has(permission) ? org.kind !== 'hoster' : true;
    case 'reseller_admin':
    case 'reseller_csr':
      if (p.delegationId) return false;
      if (!inSubtree(org, p.userOrgPath)) return false;
      return !CUSTOMER_DATA_PERMISSIONS.has(permission) || org.id === p.userOrgId;
    case 'org_admin':
    case 'org_csr':
    case 'end_user':
      return org.id === p.subjectOrgId;
    case 'auditor':
      return inSubtree(org, p.subjectOrgPath);
  }
}

@Injectable()
export class AccessService {
  private readonly log = rootLogger().child({ component: 'access' });

  constructor(private readonly ds: DataSource) {}

  /** Pure check on an organization already loaded. */
  allows(p: Principal, permission: Permission, org: OrgRef): boolean {
    return p.roles.some((r) => roleAllows(p, r, permission, org));
  }

  /**
   * Loads the organizations and checks every one is in scope for `permission`. Missing and
   * out-of-scope ids both answer 404 (never 403), so other tenants' ids leak nothing; the
   * denial is audited.
   */
  async requireOrganizations(p: Principal, permission: Permission, ids: string[]): Promise<Map<string, OrgRef & { status: string; parentId: string | null; name: string }>> {
    const unique = [...new Set(ids)];
    const rows: any[] = unique.length
      ? await queryRows(this.ds, `SELECT id, path, kind, status, parent_id, name FROM organizations WHERE id = ANY($1::text[])`, [unique])
      : [];
    const found = new Map(rows.map((r) => [r.id as string, { id: r.id, path: r.path, kind: r.kind, status: r.status, parentId: r.parent_id, name: r.name }]));
    const denied = unique.filter((id) => {
      const org = found.get(id);
      return !org || !this.allows(p, permission, org);
    });
    if (denied.length) {
      await this.recordDenied(p, permission, 'organization', denied);
      throw new ProblemError('NOT_FOUND', denied.length === 1 ? `Organization ${denied[0]} not found` : `Organizations not found: ${denied.join(', ')}`);
    }
    return found;
  }

  async requireOrganization(p: Principal, permission: Permission, id: string) {
    return (await this.requireOrganizations(p, permission, [id])).get(id)!;
  }

  /**
   * A WHERE fragment on a materialized-path column and an organization-id column that keeps
   * exactly the rows `permission` lets the principal see. `offset` numbers the parameters.
   */
  scope(p: Principal, permission: Permission, cols: { path: string; orgId: string }, offset = 0): ScopeFilter {
    const parts: string[] = [];
    const params: unknown[] = [];
    const param = (v: unknown) => {
      params.push(v);
      return `$${offset + params.length}`;
    };
    for (const role of p.roles) {
      if (!ROLE_PERMISSIONS[role].includes(permission)) continue;
      switch (role) {
        case 'hoster_admin':
          return { sql: 'TRUE', params: [] };
        case 'hoster_csr':
          if (!MUTATING_PERMISSIONS.has(permission)) return { sql: 'TRUE', params: [] };
          // Everything below the hoster: paths with at least two segments.
          parts.push(`${cols.path} LIKE '/%/%/'`);
          break;
        case 'reseller_admin':
        case 'reseller_csr':
          if (p.delegationId) break;
          if (CUSTOMER_DATA_PERMISSIONS.has(permission)) parts.push(`${cols.orgId} = ${param(p.userOrgId)}`);
          else parts.push(`${cols.path} LIKE ${param(subtreePattern(p.userOrgPath))}`);
          break;
        case 'org_admin':
        case 'org_csr':
        case 'end_user':
          parts.push(`${cols.orgId} = ${param(p.subjectOrgId)}`);
          break;
        case 'auditor':
          parts.push(`${cols.path} LIKE ${param(subtreePattern(p.subjectOrgPath))}`);
          break;
      }
    }
    return parts.length ? { sql: `(${parts.map((s) => `(${s})`).join(' OR ')})`, params } : { sql: 'FALSE', params: [] };
  }

  /** Records a denied attempt in its own transaction (the request itself changes nothing). */
  async recordDenied(p: Principal, permission: string, resourceType: string, resourceIds: string[], reason = 'out_of_scope'): Promise<void> {
    await inTransaction(this.ds, (sql) =>
      appendAuditEvent(sql, auditActorOf(p), {
        action: 'auth.denied',
        outcome: 'denied',
        resourceType,
        resourceId: resourceIds[0] ?? null,
        organizationId: p.subjectOrgId,
        organizationPath: p.subjectOrgPath,
        details: { permission, reason, resourceIds: resourceIds.slice(0, 20) },
      }),
    ).catch((err) => this.log.warn({ err }, 'could not record a denied attempt'));
  }
}
