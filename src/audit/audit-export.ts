import { Readable } from 'node:stream';
import type { ExportBatch } from './audit-query.store';

/**
 * The export's streaming reader. Rows come from the database in keyset batches, one
 * batch per `_read()`: Node calls `_read` again only when the consumer (the HTTP socket) has
 * drained what it was given, so at most one batch is in memory whatever the export's size.
 */

export type FetchBatch = (after: number | undefined) => Promise<ExportBatch>;

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
