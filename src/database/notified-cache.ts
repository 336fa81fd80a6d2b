import type { Logger } from 'pino';
import { PgListener } from './pg-listener';

export interface NotifiedCacheOptions {
  /** The NOTIFY channel on which every change that can make an entry wrong is announced. */
  channel: string;
  /** Longest an entry is trusted even without a notification. */
  ttlMs: number;
  maxEntries: number;
  log: Logger;
}

/**
 * A per-process cache kept right by PostgreSQL notifications: triggers on the tables an entry is
 * computed from notify `channel` when a change commits, however it was made (API, CLI, another
 * process, SQL), and every process then drops everything. While the LISTEN connection is down
 * nothing is cached, since a change could go unheard. An entry computed while a clear happened is
 * not stored (`generation`), so a read racing a change cannot bring back what the change ended.
 */
export class NotifiedCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  private readonly loading = new Map<string, { gen: number; promise: Promise<unknown> }>();
  private trusted = false;
  private gen = 0;

  constructor(
    private readonly listener: PgListener,
    private readonly opts: NotifiedCacheOptions,
  ) {}

  /** Subscribes to the channel; until that works, nothing is cached. */
  start(): void {
    this.listener.onState((connected) => {
      this.trusted = connected;
      this.clear();
    });
    this.listener
      .listen(this.opts.channel, () => this.clear())
      .then(() => (this.trusted = this.listener.connected))
      .catch((err) => this.opts.log.warn({ err }, `${this.opts.channel} notifications unavailable; nothing is cached`));
  }

  /** Take before computing a value, hand to `set`. */
  generation(): number {
    return this.gen;
  }

  get(key: string, now = Date.now()): V | undefined {
    if (!this.trusted) return undefined;
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.until <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  /** Stores `value` until `endsAt` at the latest (and `ttlMs`), unless a clear happened since `generation`. */
  set(key: string, value: V, generation: number, endsAt = Number.POSITIVE_INFINITY, now = Date.now()): void {
    if (!this.trusted || generation !== this.gen) return;
    if (this.entries.size >= this.opts.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, until: Math.min(now + this.opts.ttlMs, endsAt) });
  }

  /**
   * One computation per key at a time: callers that miss while it runs share its promise instead
   * of sending the same query again (after an idle spell every entry has expired, and a burst of
   * requests would otherwise ask the database the same thing once per request). Only a computation
   * started since the last clear is shared, so nobody gets an answer from before a change it could
   * have seen. Nothing is stored here: the caller still decides what to `set`.
   */
  shared<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const running = this.loading.get(key);
    if (running && running.gen === this.gen) return running.promise as Promise<T>;
    const promise = compute().finally(() => {
      if (this.loading.get(key)?.promise === promise) this.loading.delete(key);
    });
    this.loading.set(key, { gen: this.gen, promise });
    return promise;
  }

  clear(): void {
    this.gen++;
    this.entries.clear();
  }

  /** For a change made by this process: forget everything once it is done (others hear the NOTIFY). */
  async afterChange<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } finally {
      this.clear();
    }
  }
}
