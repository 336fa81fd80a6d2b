import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { rootLogger } from '../common/logging/logger';
import { inTransaction, pgTransaction, type Sql } from '../database/sql';
import { chainHead, type Seal, sealEvents, unsealedEvents } from './audit-events.store';
import { auditHash, auditRecordOf } from './audit-hash';

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
    const sealed = await runInTransaction(sealBatch);
    total += sealed;
    if (sealed < BATCH) return total;
  }
}

/** One batch under the chain head's row lock; returns how many events it sealed. */
async function sealBatch(sql: Sql): Promise<number> {
  const head = await chainHead(sql, { lock: true });
  const rows = await unsealedEvents(sql, BATCH);
  if (!rows.length) return 0;
  let seq = head.seq;
  let prevHash = head.hash;
  const seals: Seal[] = rows.map((row) => {
    seq += 1;
    const hash = auditHash(prevHash, auditRecordOf(row, seq));
    const seal = { id: row.id, seq, prevHash, hash };
    prevHash = hash;
    return seal;
  });
  await sealEvents(sql, seals);
  return rows.length;
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
