import { scopeSql, type TenantScope } from '../access/tenant-scope';
import { subtreePattern, type Sql } from '../database/sql';
import { EXPORT_COLUMNS } from './audit.views';
import type { SealedAuditEventRow } from './audit-events.store';
import type { AuditFilterQuery } from './dto/audit.dto';

/**
 * The auditor's reads of `audit_events`: a selection (tenant scope + filters) turned into keyset
 * pages for the list, and into batches rendered by PostgreSQL for the export.
 */

/** A WHERE clause over `audit_events e` with its positional parameters. */
export interface AuditWhere {
  sql: string;
  params: unknown[];
}

/** The first and last seq of the events inside a time window. */
export interface SeqRange {
  lo: number;
  hi: number;
}

/** What an auditor asked for, within what it may see. */
export interface AuditSelection {
  /** The principal's visibility (`auditScope`). */
  scope: TenantScope;
  filters: AuditFilterQuery;
  /** The resolved path of `organization=` (already checked to be in scope). */
  subtreePath?: string;
  /** The window's seq range (`findSeqRange`); null when the window holds no event. */
  seqRange?: SeqRange | null;
}

/** `order.` / `order.*` / `order*` → a LIKE prefix pattern; anything else → exact match. */
export function actionMatcher(action: string): { op: '=' | 'LIKE'; value: string } {
  if (action.endsWith('*')) return { op: 'LIKE', value: subtreePattern(action.slice(0, -1)) };
  if (action.endsWith('.')) return { op: 'LIKE', value: subtreePattern(action) };
  return { op: '=', value: action };
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

/** The seq range of the filters' time window: undefined when not worth reading, null when empty. */
export async function findSeqRange(sql: Sql, filters: AuditFilterQuery, order: 'asc' | 'desc'): Promise<SeqRange | null | undefined> {
  const q = seqRangeQuery(filters, order);
  if (!q) return undefined;
  const r = (await sql.query<{ lo: string | null; hi: string | null }>(q.text, q.params)).rows[0];
  return r.lo === null ? null : { lo: Number(r.lo), hi: Number(r.hi) };
}

/** The columns of `audit_events e` that tenant scope applies to. */
const SCOPE_COLUMNS = { path: 'e.organization_path', orgId: 'e.organization_id' };

/** The filter part of an auditor query: scope first, then every filter given (AND). */
export function auditWhere(s: AuditSelection): AuditWhere {
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  const where: string[] = [scopeSql(s.scope, SCOPE_COLUMNS, param)];
  const add = (clause: (n: string) => string, v: unknown) => {
    if (v !== undefined) where.push(clause(param(v)));
  };
  const f = s.filters;
  if (s.subtreePath !== undefined) add((n) => `e.organization_path LIKE ${n}`, subtreePattern(s.subtreePath));
  if (s.seqRange === null) where.push('FALSE');
  add((n) => `e.seq >= ${n}`, s.seqRange?.lo);
  add((n) => `e.seq <= ${n}`, s.seqRange?.hi);
  add((n) => `e.occurred_at >= ${n}::timestamptz`, f.from || undefined);
  add((n) => `e.occurred_at < ${n}::timestamptz`, f.to || undefined);
  add((n) => `e.actor_user_id = ${n}`, f.actorUser || undefined);
  add((n) => `e.actor_org_id = ${n}`, f.actorOrganization || undefined);
  add((n) => `e.on_behalf_of_org_id = ${n}`, f.onBehalfOf || undefined);
  add((n) => `e.delegation_id = ${n}`, f.delegation || undefined);
  if (f.action) {
    const m = actionMatcher(f.action);
    add((n) => `e.action ${m.op} ${n}`, m.value);
  }
  add((n) => `e.resource_type = ${n}`, f.resourceType || undefined);
  add((n) => `e.resource_id = ${n}`, f.resourceId || undefined);
  add((n) => `e.outcome = ${n}`, f.outcome || undefined);
  add((n) => `e.request_id = ${n}`, f.requestId || undefined);
  return { sql: where.map((w) => `(${w})`).join(' AND '), params };
}

export interface PageOptions {
  order: 'asc' | 'desc';
  /** Keyset: seq strictly after this one in the order's direction. */
  after?: number;
  /** A snapshot bound (exports stop at the chain head they started from). */
  upTo?: number;
  limit: number;
  /** An output list computed over the page only (the export's rendered line). */
  select?: string;
}

/**
 * One keyset page of sealed events. A `select` list is computed in an outer query over the page
 * only, so whatever plan the inner query gets, the rendering never runs on more rows than the
 * page holds.
 */
export function pageQuery(base: AuditWhere, opts: PageOptions): { text: string; params: unknown[] } {
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

/** One page of the list. */
export async function listAuditEvents(sql: Sql, selection: AuditSelection, page: Omit<PageOptions, 'select' | 'upTo'>): Promise<SealedAuditEventRow[]> {
  const { text, params } = pageQuery(auditWhere(selection), page);
  return (await sql.query<SealedAuditEventRow>(text, params)).rows;
}

export type ExportFormat = 'ndjson' | 'csv';

/**
 * Each export line is rendered by PostgreSQL, so a row crosses into Node as one string instead of
 * an object of 19 fields plus a parsed JSON document: several times less garbage per row, which
 * keeps the API's memory flat while it streams millions of events.
 *
 * The expression for each column yields exactly what `auditRecordFromRow` gives (the export test
 * checks an export against the list, which uses it): `occurredAt` as `Date.toISOString()` prints
 * it (UTC, milliseconds), `seq` as a number, `details` as the JSON document.
 */
const COLUMN_SQL: Record<(typeof EXPORT_COLUMNS)[number], string> = {
  seq: 'e.seq',
  occurredAt: `to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  actorUserId: 'e.actor_user_id',
  actorOrgId: 'e.actor_org_id',
  onBehalfOfOrgId: 'e.on_behalf_of_org_id',
  tokenId: 'e.token_id',
  delegationId: 'e.delegation_id',
  action: 'e.action',
  resourceType: 'e.resource_type',
  resourceId: 'e.resource_id',
  organizationId: 'e.organization_id',
  organizationPath: 'e.organization_path',
  outcome: 'e.outcome',
  requestId: 'e.request_id',
  clientIp: 'e.client_ip',
  userAgent: 'e.user_agent',
  details: 'e.details',
  prevHash: 'e.prev_hash',
  hash: 'e.hash',
};

/** One NDJSON line per row: every hashed field plus seq, prevHash and hash, keys in EXPORT_COLUMNS order. */
const NDJSON_SELECT = `e.seq, json_build_object(${EXPORT_COLUMNS.map((c) => `'${c}', ${COLUMN_SQL[c]}`).join(', ')})::text AS line`;

/**
 * One CSV field in SQL: RFC 4180 quoting (a field with a comma, quote, CR or LF is quoted, quotes
 * doubled), and spreadsheet formula neutralization: a cell starting with `=`, `+`, `-`, `@`, tab
 * or CR gets a leading apostrophe, so a hostile User-Agent cannot run as a formula in the
 * auditor's spreadsheet. (CSV is for reading; NDJSON is the verifiable format.) NULL is empty.
 */
function csvFieldSql(expr: string): string {
  const x = `(${expr})::text`;
  const neutral = `(CASE WHEN ${x} ~ E'^[=+@\\t\\r-]' THEN '''' || ${x} ELSE ${x} END)`;
  return `coalesce(CASE WHEN ${neutral} ~ E'[",\\r\\n]' THEN '"' || replace(${neutral}, '"', '""') || '"' ELSE ${neutral} END, '')`;
}

const CSV_SELECT = `e.seq, ${EXPORT_COLUMNS.map((c) => csvFieldSql(COLUMN_SQL[c])).join(` || ',' || `)} AS line`;

/** The SELECT list, line terminator and header of a format. */
export function exportFormat(format: ExportFormat): { select: string; eol: string; header: string } {
  return format === 'csv' ? { select: CSV_SELECT, eol: '\r\n', header: EXPORT_COLUMNS.join(',') + '\r\n' } : { select: NDJSON_SELECT, eol: '\n', header: '' };
}

/** One batch as the database renders it: the lines joined (with their terminators), how many, and the last seq. */
export interface ExportBatch {
  count: number;
  lastSeq: number | null;
  data: string;
}

/**
 * Wraps a page query (`pageQuery` with a `select` giving `seq` and `line`) so PostgreSQL returns
 * the whole batch as one string: one allocation per batch in Node instead of one per row.
 */
export function batchQuery(page: string, order: 'asc' | 'desc', eol: string): string {
  const dir = order === 'asc' ? 'ASC' : 'DESC';
  const last = order === 'asc' ? 'max' : 'min';
  return `SELECT count(*)::int AS n, ${last}(p.seq)::text AS last, string_agg(p.line || ${eol === '\r\n' ? "E'\\r\\n'" : "E'\\n'"}, '' ORDER BY p.seq ${dir}) AS data FROM (${page}) p`;
}

/** One export batch after `after`, up to the snapshot seq `upTo`, rendered in `format`. */
export async function exportBatch(
  sql: Sql,
  where: AuditWhere,
  opts: { format: ExportFormat; order: 'asc' | 'desc'; after?: number; upTo: number; limit: number },
): Promise<ExportBatch> {
  const rendering = exportFormat(opts.format);
  const { text, params } = pageQuery(where, { order: opts.order, after: opts.after, upTo: opts.upTo, limit: opts.limit, select: rendering.select });
  const r = (await sql.query<{ n: number; last: string | null; data: string | null }>(batchQuery(text, opts.order, rendering.eol), params)).rows[0];
  return { count: r.n, lastSeq: r.last === null ? null : Number(r.last), data: r.data ?? '' };
}
