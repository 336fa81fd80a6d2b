import { Readable } from 'node:stream';
import { EXPORT_COLUMNS } from './audit.views';

/**
 * Export formats and the streaming reader. Rows come from the database in keyset batches, one
 * batch per `_read()`: Node calls `_read` again only when the consumer (the HTTP socket) has
 * drained what it was given, so at most one batch is in memory whatever the export's size.
 */

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
export const NDJSON_SELECT = `e.seq, json_build_object(${EXPORT_COLUMNS.map((c) => `'${c}', ${COLUMN_SQL[c]}`).join(', ')})::text AS line`;

/**
 * One CSV field in SQL: RFC 4180 quoting (a field with a comma, quote, CR or LF is quoted, quotes
 * doubled), and spreadsheet formula neutralization: a cell starting with `=`, `+`, `-`, `@`, tab
 * or CR gets a leading apostrophe, so a hostile User-Agent cannot run as a formula in the
 * auditor's spreadsheet. (CSV is for reading; NDJSON is the verifiable format.) NULL is empty.
 */
export function csvFieldSql(expr: string): string {
  const x = `(${expr})::text`;
  const neutral = `(CASE WHEN ${x} ~ E'^[=+@\\t\\r-]' THEN '''' || ${x} ELSE ${x} END)`;
  return `coalesce(CASE WHEN ${neutral} ~ E'[",\\r\\n]' THEN '"' || replace(${neutral}, '"', '""') || '"' ELSE ${neutral} END, '')`;
}

export const CSV_SELECT = `e.seq, ${EXPORT_COLUMNS.map((c) => csvFieldSql(COLUMN_SQL[c])).join(` || ',' || `)} AS line`;

export const CSV_HEADER = EXPORT_COLUMNS.join(',') + '\r\n';

/** The SELECT list, line terminator and header of a format. */
export function exportFormat(format: ExportFormat): { select: string; eol: string; header: string } {
  return format === 'csv' ? { select: CSV_SELECT, eol: '\r\n', header: CSV_HEADER } : { select: NDJSON_SELECT, eol: '\n', header: '' };
}

/** One batch as the database renders it: the lines joined (with their terminators), how many, and the last seq. */
export interface ExportBatch {
  count: number;
  lastSeq: number | null;
  data: string;
}

export type FetchBatch = (after: number | undefined) => Promise<ExportBatch>;

/**
 * Wraps a page query (`pageQuery` with a `select` giving `seq` and `line`) so PostgreSQL returns
 * the whole batch as one string: one allocation per batch in Node instead of one per row.
 */
export function batchQuery(page: string, order: 'asc' | 'desc', eol: string): string {
  const dir = order === 'asc' ? 'ASC' : 'DESC';
  const last = order === 'asc' ? 'max' : 'min';
  return `SELECT count(*)::int AS n, ${last}(p.seq)::text AS last, string_agg(p.line || ${eol === '\r\n' ? "E'\\r\\n'" : "E'\\n'"}, '' ORDER BY p.seq ${dir}) AS data FROM (${page}) p`;
}

/** A byte stream of batches rendered by the database, fetched one at a time with back-pressure. */
export class AuditExportStream extends Readable {
  private after: number | undefined;
  private reading = false;
  private prefix: string;
  private pending: ExportBatch | undefined;

  constructor(
    private readonly fetch: FetchBatch,
    private readonly batchSize: number,
    opts: { header?: string; firstBatch?: ExportBatch } = {},
  ) {
    super({ highWaterMark: 64 * 1024 });
    this.prefix = opts.header ?? '';
    this.pending = opts.firstBatch;
  }

  override _read(): void {
    if (this.reading) return;
    this.reading = true;
    this.pump().catch((err) => this.destroy(err));
  }

  private async pump(): Promise<void> {
    for (;;) {
      if (this.destroyed) return;
      const batch = this.pending ?? (await this.fetch(this.after));
      this.pending = undefined;
      if (this.destroyed) return;
      const chunk = this.prefix + (batch.data ?? '');
      this.prefix = '';
      if (batch.lastSeq !== null) this.after = batch.lastSeq;
      const last = batch.count < this.batchSize;
      const more = chunk.length ? this.push(chunk) : true;
      if (last) {
        this.push(null);
        return;
      }
      if (!more) {
        this.reading = false;
        return;
      }
    }
  }
}
