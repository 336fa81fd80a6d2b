import { Readable } from 'node:stream';
import { auditRecordFromRow } from './audit-hash';
import { EXPORT_COLUMNS } from './audit.views';

/**
 * Export formats and the streaming reader. Rows come from the database in keyset batches, one
 * batch per `_read()`: Node calls `_read` again only when the consumer (the HTTP socket) has
 * drained what it was given, so at most one batch is in memory whatever the export's size.
 */

export type ExportFormat = 'ndjson' | 'csv';

/** One NDJSON line: every hashed field plus seq, prevHash and hash, as `auditRecordFromRow` shapes them. */
export function ndjsonLine(row: Record<string, unknown>): string {
  const rec = auditRecordFromRow(row) as unknown as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const col of EXPORT_COLUMNS) ordered[col] = rec[col];
  return JSON.stringify(ordered) + '\n';
}

/**
 * RFC 4180 quoting (fields with a comma, quote, CR or LF are quoted, quotes doubled), and
 * spreadsheet formula neutralization: a cell starting with `=`, `+`, `-`, `@`, tab or CR gets a
 * leading apostrophe, so a hostile User-Agent cannot run as a formula in the auditor's
 * spreadsheet. (CSV is for reading; NDJSON is the verifiable format.)
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_HEADER = EXPORT_COLUMNS.join(',') + '\r\n';

export function csvLine(row: Record<string, unknown>): string {
  const rec = auditRecordFromRow(row) as unknown as Record<string, unknown>;
  return EXPORT_COLUMNS.map((c) => csvField(rec[c])).join(',') + '\r\n';
}

export type FetchBatch = (after: number | undefined) => Promise<Record<string, unknown>[]>;

/** A byte stream of rendered rows, fetched `batchSize` at a time with back-pressure. */
export class AuditExportStream extends Readable {
  private after: number | undefined;
  private reading = false;
  private prefix: string;

  constructor(
    private readonly fetch: FetchBatch,
    private readonly render: (row: Record<string, unknown>) => string,
    private readonly batchSize: number,
    opts: { header?: string; firstBatch?: Record<string, unknown>[] } = {},
  ) {
    super({ highWaterMark: 64 * 1024 });
    this.prefix = opts.header ?? '';
    this.pending = opts.firstBatch;
  }

  private pending: Record<string, unknown>[] | undefined;

  override _read(): void {
    if (this.reading) return;
    this.reading = true;
    this.pump().catch((err) => this.destroy(err));
  }

  private async pump(): Promise<void> {
    for (;;) {
      if (this.destroyed) return;
      const rows = this.pending ?? (await this.fetch(this.after));
      this.pending = undefined;
      if (this.destroyed) return;
      let chunk = this.prefix;
      this.prefix = '';
      for (const row of rows) chunk += this.render(row);
      if (rows.length) this.after = Number(rows[rows.length - 1].seq);
      const last = rows.length < this.batchSize;
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
