import { subtreePattern } from '../database/sql';

/**
 * Which organizations a principal may reach with one permission, as a value. The rules that
 * produce it are in `scope-rules.ts`; this file only evaluates it, two ways that must agree: in
 * memory against one organization (`scopeAllows`) and as a SQL condition on an organization-id
 * and a materialized-path column (`scopeSql`). Nothing else in the code base decides tenant scope.
 */
export type TenantScope =
  | { readonly kind: 'everything' }
  | { readonly kind: 'nothing' }
  /** Every organization except the hoster itself (paths of two segments or more). */
  | { readonly kind: 'below_hoster' }
  /** An organization and everything under it, by materialized path (`/org_a/org_b/`). */
  | { readonly kind: 'subtree'; readonly path: string }
  | { readonly kind: 'organization'; readonly id: string }
  /** The union of several scopes (one per role that grants the permission). */
  | { readonly kind: 'any_of'; readonly scopes: readonly TenantScope[] };

export const EVERYTHING: TenantScope = { kind: 'everything' };
export const NOTHING: TenantScope = { kind: 'nothing' };
export const BELOW_HOSTER: TenantScope = { kind: 'below_hoster' };

export function subtree(path: string): TenantScope {
  return { kind: 'subtree', path };
}

export function organization(id: string): TenantScope {
  return { kind: 'organization', id };
}

/** The union, simplified: `everything` absorbs the rest, `nothing` disappears, duplicates go. */
export function anyOf(scopes: readonly TenantScope[]): TenantScope {
  const parts: TenantScope[] = [];
  const seen = new Set<string>();
  for (const s of scopes.flatMap((x) => (x.kind === 'any_of' ? x.scopes : [x]))) {
    if (s.kind === 'everything') return EVERYTHING;
    const key = JSON.stringify(s);
    if (s.kind === 'nothing' || seen.has(key)) continue;
    seen.add(key);
    parts.push(s);
  }
  if (!parts.length) return NOTHING;
  return parts.length === 1 ? parts[0] : { kind: 'any_of', scopes: parts };
}

/** What the in-memory evaluation needs of an organization. */
export interface ScopedOrganization {
  id: string;
  path: string;
}

/** A materialized path of at least two segments: `/hoster/x/`. The SQL side is `LIKE '/%/%/'`. */
function belowHoster(path: string): boolean {
  return path.split('/').filter(Boolean).length >= 2;
}

/** In memory: is `org` inside `scope`? */
export function scopeAllows(scope: TenantScope, org: ScopedOrganization): boolean {
  switch (scope.kind) {
    case 'everything':
      return true;
    case 'nothing':
      return false;
    case 'below_hoster':
      return belowHoster(org.path);
    case 'subtree':
      return org.path.startsWith(scope.path);
    case 'organization':
      return org.id === scope.id;
    case 'any_of':
      return scope.scopes.some((s) => scopeAllows(s, org));
  }
}

/** The columns a scope is evaluated on in SQL (qualified names, e.g. `o.path` and `o.id`). */
export interface ScopeColumns {
  path: string;
  orgId: string;
}

/** Registers a parameter value and returns its placeholder (`$3`): `Where.param` fits. */
export type ParamSink = (value: unknown) => string;

/**
 * As SQL: a condition on `cols` that keeps exactly the rows whose organization `scopeAllows`.
 * A row without organization (NULL path and id) is kept only by `everything`.
 */
export function scopeSql(scope: TenantScope, cols: ScopeColumns, param: ParamSink): string {
  switch (scope.kind) {
    case 'everything':
      return 'TRUE';
    case 'nothing':
      return 'FALSE';
    case 'below_hoster':
      return `${cols.path} LIKE '/%/%/'`;
    case 'subtree':
      return `${cols.path} LIKE ${param(subtreePattern(scope.path))}`;
    case 'organization':
      return `${cols.orgId} = ${param(scope.id)}`;
    case 'any_of':
      return `(${scope.scopes.map((s) => `(${scopeSql(s, cols, param)})`).join(' OR ')})`;
  }
}

/** A WHERE fragment with its own parameters, numbered from `offset + 1`. */
export interface ScopeFilter {
  sql: string;
  params: unknown[];
}

export function scopeFilter(scope: TenantScope, cols: ScopeColumns, offset = 0): ScopeFilter {
  const params: unknown[] = [];
  const sql = scopeSql(scope, cols, (v) => `$${offset + params.push(v)}`);
  return { sql, params };
}
