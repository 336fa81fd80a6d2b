import { scopeSql, type TenantScope } from '../access/tenant-scope';
import { subtreePattern } from '../database/sql';
import type { AuditFilterQuery } from './dto/audit.dto';

/** A WHERE clause over `audit_events e` with its positional parameters. */
export interface AuditWhere {
  sql: string;
  params: unknown[];
}

/** `order.` / `order.*` / `order*` → a LIKE prefix pattern; anything else → exact match. */
export function actionMatcher(action: string): { op: '=' | 'LIKE'; value: string } {
  if (action.endsWith('*')) return { op: 'LIKE', value: subtreePattern(action.slice(0, -1)) };
  if (action.endsWith('.')) return { op: 'LIKE', value: subtreePattern(action) };
  return { op: '=', value: action };
}

/** The first and last seq of the events inside a time window (null: none). */
export interface SeqRange {
  lo: number;
  hi: number;
}

/**
 * The exact seq range of a time window, read from the (occurred_at, seq) index alone. Time and
 * seq grow together but not strictly (a timestamp is taken before the chain head is locked), so
 * the planner cannot know that "one day last month" is a narrow band of seq: it walks the primary
 * key back from the newest event and filters (1.2 s on a million events). Adding the window's
 * true min and max seq as redundant bounds turns that into a short range scan; the occurred_at
 * filters stay, so the result is exactly the same. The range costs a walk of the window in that
 * index, so it is skipped when the scan starts inside the window anyway: newest first with only
 * `from`, oldest first with only `to`.
 */
export function seqRangeQuery(filters: AuditFilterQuery, order: 'asc' | 'desc'): { text: string; params: unknown[] } | undefined {
  if (!filters.from && !filters.to) return undefined;
  if (order === 'desc' && !filters.to) return undefined;
  if (order === 'asc' && !filters.from) return undefined;
  const params: unknown[] = [];
  const where: string[] = [];
  if (filters.from) where.push(`occurred_at >= $${params.push(filters.from)}::timestamptz`);
  if (filters.to) where.push(`occurred_at < $${params.push(filters.to)}::timestamptz`);
  // `seq + 0`: keeps the planner from turning min/max into a walk of the primary key (the very
  // correlation problem this avoids); it reads the window from the occurred_at index instead.
  return { text: `SELECT min(seq + 0) AS lo, max(seq + 0) AS hi FROM audit_events WHERE ${where.join(' AND ')}`, params };
}

/** The columns of `audit_events e` that tenant scope applies to. */
const SCOPE_COLUMNS = { path: 'e.organization_path', orgId: 'e.organization_id' };

/**
 * Builds the filter part of an auditor query. `scope` is the principal's visibility (`auditScope`);
 * `subtreePath` is the resolved path of `organization=` (already checked to be in scope);
 * `seqRange` the window's seq range from `seqRangeQuery` (null when the window holds no event).
 */
export function buildAuditWhere(scope: TenantScope, filters: AuditFilterQuery, subtreePath?: string, seqRange?: SeqRange | null): AuditWhere {
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  const where: string[] = [scopeSql(scope, SCOPE_COLUMNS, param)];
  const add = (clause: (n: string) => string, v: unknown) => {
    where.push(clause(param(v)));
  };
  if (subtreePath !== undefined) add((n) => `e.organization_path LIKE ${n}`, subtreePattern(subtreePath));
  if (seqRange === null) where.push('FALSE');
  if (seqRange) {
    add((n) => `e.seq >= ${n}`, seqRange.lo);
    add((n) => `e.seq <= ${n}`, seqRange.hi);
  }
  if (filters.from) add((n) => `e.occurred_at >= ${n}::timestamptz`, filters.from);
  if (filters.to) add((n) => `e.occurred_at < ${n}::timestamptz`, filters.to);
  if (filters.actorUser) add((n) => `e.actor_user_id = ${n}`, filters.actorUser);
  if (filters.actorOrganization) add((n) => `e.actor_org_id = ${n}`, filters.actorOrganization);
  if (filters.onBehalfOf) add((n) => `e.on_behalf_of_org_id = ${n}`, filters.onBehalfOf);
  if (filters.delegation) add((n) => `e.delegation_id = ${n}`, filters.delegation);
  if (filters.action) {
    const m = actionMatcher(filters.action);
    add((n) => `e.action ${m.op} ${n}`, m.value);
  }
  if (filters.resourceType) add((n) => `e.resource_type = ${n}`, filters.resourceType);
  if (filters.resourceId) add((n) => `e.resource_id = ${n}`, filters.resourceId);
  if (filters.outcome) add((n) => `e.outcome = ${n}`, filters.outcome);
  if (filters.requestId) add((n) => `e.request_id = ${n}`, filters.requestId);
  return { sql: where.map((w) => `(${w})`).join(' AND '), params };
}

/**
 * One keyset page: `seq` strictly after the cursor in the requested direction, optionally bounded
 * by a snapshot seq (exports stop at the chain head they started from). A `select` list (the
 * export's rendered line) is computed in an outer query over the page only, so whatever plan
 * the inner query gets, the rendering never runs on more rows than the page holds.
 */
export function pageQuery(base: AuditWhere, opts: { order: 'asc' | 'desc'; after?: number; upTo?: number; limit: number; select?: string }): { text: string; params: unknown[] } {
  const params = [...base.params];
  // Only events on the chain (an event is sealed moments after its transaction commits).
  const where = [base.sql, 'e.seq IS NOT NULL'];
  if (opts.after !== undefined) {
    params.push(opts.after);
    where.push(opts.order === 'asc' ? `e.seq > $${params.length}` : `e.seq < $${params.length}`);
  }
  if (opts.upTo !== undefined) {
    params.push(opts.upTo);
    where.push(`e.seq <= $${params.length}`);
  }
  params.push(opts.limit);
  const dir = opts.order === 'asc' ? 'ASC' : 'DESC';
  const page = `SELECT e.* FROM audit_events e WHERE ${where.join(' AND ')} ORDER BY e.seq ${dir} LIMIT $${params.length}`;
  return { text: opts.select ? `SELECT ${opts.select} FROM (${page}) e ORDER BY e.seq ${dir}` : page, params };
}
