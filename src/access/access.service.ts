import { ProblemError } from '../common/errors/problem';
import type { Sql } from '../database/sql';
import type { Organization } from './organization';
import type { Permission } from './permissions';
import type { Principal } from './principal';
import { tenantScope } from './scope-rules';
import { type ScopeColumns, type ScopedOrganization, type ScopeFilter, scopeAllows, scopeFilter, type TenantScope } from './tenant-scope';

/** A denied attempt, as the audit trail records it (`auth.denied`). */
export interface Denial {
  permission: string;
  resourceType: string;
  resourceIds: string[];
  reason: string;
}

/**
 * What the access service needs from the modules above it, wired by the identity module (access
 * imports neither identity nor audit, which both depend on it).
 */
export interface AccessPorts {
  /** Organizations by id, read on the handle given (identity's store). */
  findOrganizations(sql: Sql, ids: readonly string[]): Promise<Organization[]>;
  /** Records a denied attempt in its own transaction (the request's rolls back); never throws. */
  recordDenial(p: Principal, denial: Denial): Promise<void>;
}

/** A row read by a scoped finder: `inScope` says whether the scope it was given reaches it. */
export interface InScope {
  inScope: boolean;
}

/**
 * The resource check of ACCESS.md §2, second layer after the route permission: is this
 * organization, or this tenant row, in the principal's scope for a permission? Out of scope and
 * missing both answer 404 (never 403), so other tenants' ids leak nothing; out-of-scope attempts
 * are audited. The scope rules themselves are in `scope-rules.ts`.
 */
export class AccessService {
  /** `pool`: the handle used when a caller passes none (reads outside a transaction). */
  constructor(
    private readonly pool: Sql,
    private readonly ports: AccessPorts,
  ) {}

  /** The principal's scope for `permission`, for scoped store finders. */
  scopeOf(p: Principal, permission: Permission): TenantScope {
    return tenantScope(p, permission);
  }

  /** Pure check on an organization already loaded. */
  allows(p: Principal, permission: Permission, org: ScopedOrganization): boolean {
    return scopeAllows(tenantScope(p, permission), org);
  }

  /** The scope as a WHERE fragment on `cols`, its parameters numbered from `offset + 1`. */
  scope(p: Principal, permission: Permission, cols: ScopeColumns, offset = 0): ScopeFilter {
    return scopeFilter(tenantScope(p, permission), cols, offset);
  }

  /**
   * Loads the organizations and checks every one is in scope for `permission`; 404 naming the
   * ones that are not (or do not exist), the denial audited. `sql`: the caller's transaction, if any.
   */
  async requireOrganizations(p: Principal, permission: Permission, ids: string[], sql: Sql = this.pool): Promise<Map<string, Organization>> {
    const unique = [...new Set(ids)];
    const found = new Map((unique.length ? await this.ports.findOrganizations(sql, unique) : []).map((o) => [o.id, o]));
    const scope = tenantScope(p, permission);
    const denied = unique.filter((id) => {
      const org = found.get(id);
      return !org || !scopeAllows(scope, org);
    });
    if (denied.length) {
      await this.recordDenied(p, permission, 'organization', denied);
      throw new ProblemError('NOT_FOUND', denied.length === 1 ? `Organization ${denied[0]} not found` : `Organizations not found: ${denied.join(', ')}`);
    }
    return found;
  }

  async requireOrganization(p: Principal, permission: Permission, id: string, sql?: Sql): Promise<Organization> {
    return (await this.requireOrganizations(p, permission, [id], sql)).get(id)!;
  }

  /**
   * The row a scoped finder returned (`find(scope)`), if the principal may use it with
   * `permission`. Missing → `notFound`; out of scope → the denial audited, then `notFound` too.
   */
  async requireRow<T extends InScope>(
    p: Principal,
    permission: Permission,
    resource: { type: string; id: string },
    find: (scope: TenantScope) => Promise<T | undefined>,
    notFound: () => ProblemError = () => new ProblemError('NOT_FOUND', `${resource.type} ${resource.id} not found`),
  ): Promise<T> {
    const row = await find(tenantScope(p, permission));
    if (!row) throw notFound();
    if (!row.inScope) {
      await this.recordDenied(p, permission, resource.type, [resource.id]);
      throw notFound();
    }
    return row;
  }

  /** Records a denied attempt in its own transaction (the request itself changes nothing). */
  async recordDenied(p: Principal, permission: string, resourceType: string, resourceIds: string[], reason = 'out_of_scope'): Promise<void> {
    await this.ports.recordDenial(p, { permission, resourceType, resourceIds: resourceIds.slice(0, 20), reason });
  }
}
