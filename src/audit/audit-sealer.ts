import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { rootLogger } from '../common/logging/logger';
import { inTransaction, pgTransaction, type Sql } from '../database/sql';
import { auditHash, auditRecordFromRow } from './audit-hash';

/** Events placed on the chain per transaction. */
const BATCH = 2000;

/**
 * Places every committed, unsealed audit event on the hash chain, in batches, oldest first:
 * seq = head + 1…, hash = SHA-256(prev_hash ‖ canonical event). The chain head's row lock makes
 * the sealer a single writer across all processes; an event committed late (a smaller id than
 * events already sealed) simply gets the next seq. Returns how many events it sealed.
 */
export async function sealPendingEvents(runInTransaction: <T>(fn: (sql: Sql) => Promise<T>) => Promise<T>): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await runInTransaction(async (sql) => {
      const head = (await sql.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE')).rows[0];
      const rows = (await sql.query<any>('SELECT * FROM audit_events WHERE seq IS NULL ORDER BY id LIMIT $1', [BATCH])).rows;
      if (!rows.length) return 0;
      let seq = Number(head.seq);
      let prev = head.hash;
      const ids: string[] = [];
      const seqs: number[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      for (const row of rows) {
        seq += 1;
        const record = auditRecordFromRow({ ...row, seq });
        const hash = auditHash(prev, record);
        ids.push(row.id);
        seqs.push(seq);
        prevs.push(prev);
        hashes.push(hash);
        prev = hash;
      }
      await sql.query(
        `UPDATE audit_events e SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
           FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS v(id, seq, prev_hash, hash)
          WHERE e.id = v.id`,
        [ids, seqs, prevs, hashes],
      );
      await sql.query('UPDATE audit_chain_head SET seq = $1, hash = $2 WHERE id = 1', [seq, prev]);
      return rows.length;
    });
    total += sealed;
    if (sealed < BATCH) return total;
  }
}

export function sealWithDataSource(ds: DataSource): Promise<number> {
  return sealPendingEvents((fn) => inTransaction(ds, (sql) => fn(sql)));
}

export function sealWithPool(pool: Pool): Promise<number> {
  return sealPendingEvents((fn) => pgTransaction(pool, (sql) => fn(sql)));
}

/**
 * Seals in the background every `intervalMs` (and on demand), one seal at a time per process.
 * Runs in API processes; readers also seal before they read, so nothing waits on this loop.
 */
export class AuditSealLoop {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private readonly log = rootLogger().child({ component: 'audit-sealer' });

  constructor(
    private readonly seal: () => Promise<number>,
    private readonly intervalMs = 200,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.sealNow().catch((err) => this.log.warn({ err }, 'sealing audit events failed; will retry')), this.intervalMs);
    this.timer.unref();
  }

  /** Seals what is pending now (joining a seal already in progress, then sealing again). */
  async sealNow(): Promise<number> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.seal().finally(() => (this.running = undefined));
    return this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }
}
