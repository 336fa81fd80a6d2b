import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { rootLogger } from '../common/logging/logger';
import { ORDERS_CHANNEL } from './order-run-hooks';

type Waiter = () => void;

/**
 * Wakes `?wait=` long polls the moment an order changes: one LISTEN connection per API process
 * (lazily opened, reconnected on loss), plus a polling fallback in the caller so a lost
 * notification only delays an answer.
 */
@Injectable()
export class OrderWaiter implements OnApplicationShutdown {
  private readonly waiters = new Map<string, Set<Waiter>>();
  private client?: Client;
  private connecting?: Promise<void>;
  private closed = false;
  private readonly log = rootLogger().child({ component: 'order-waiter' });

  constructor(private readonly ds: DataSource) {}

  private async connect(): Promise<void> {
    if (this.client || this.closed) return;
    this.connecting ??= (async () => {
      const opts = (this.ds.driver as any).options;
      const client = new Client({ connectionString: opts.url, application_name: 'provisio-api-listen' });
      client.on('notification', (msg) => {
        const set = msg.payload ? this.waiters.get(msg.payload) : undefined;
        if (set) for (const w of [...set]) w();
      });
      client.on('error', (err) => {
        this.log.warn({ err }, 'order notification connection lost');
        this.client = undefined;
        client.end().catch(() => undefined);
      });
      await client.connect();
      await client.query(`LISTEN ${ORDERS_CHANNEL}`);
      this.client = client;
    })().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  /** Opens the LISTEN connection if needed (failures leave callers polling). */
  async ready(): Promise<void> {
    await this.connect().catch((err) => this.log.warn({ err }, 'cannot listen for order notifications; polling'));
  }

  /**
   * Arms a wait before the caller reads the order (so a notification between the read and the
   * wait is not lost); the promise resolves on notification or after timeoutMs.
   */
  arm(orderId: string, timeoutMs: number): { promise: Promise<void>; cancel(): void } {
    let done!: () => void;
    const promise = new Promise<void>((resolve) => {
      const set = this.waiters.get(orderId) ?? new Set<Waiter>();
      this.waiters.set(orderId, set);
      done = () => {
        clearTimeout(timer);
        set.delete(done);
        if (!set.size) this.waiters.delete(orderId);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      set.add(done);
    });
    return { promise, cancel: () => done() };
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    for (const set of this.waiters.values()) for (const w of [...set]) w();
    await this.client?.end().catch(() => undefined);
  }
}
