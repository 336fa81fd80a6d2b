import { Injectable } from '@nestjs/common';
import { rootLogger } from '../common/logging/logger';
import { PgListener } from '../database/pg-listener';
import { ORDERS_CHANNEL } from './order-run-hooks';

type Waiter = () => void;

/**
 * Wakes `?wait=` long polls the moment an order changes (NOTIFY from the run hooks, on the
 * process's shared LISTEN connection), plus a polling fallback in the caller so a lost
 * notification only delays an answer.
 */
@Injectable()
export class OrderWaiter {
  private readonly waiters = new Map<string, Set<Waiter>>();
  private subscribed?: Promise<void>;
  private readonly log = rootLogger().child({ component: 'order-waiter' });

  constructor(private readonly listener: PgListener) {}

  /** Subscribes (once) to order notifications; failures leave callers polling. */
  async ready(): Promise<void> {
    this.subscribed ??= this.listener
      .listen(ORDERS_CHANNEL, (orderId) => {
        const set = this.waiters.get(orderId);
        if (set) for (const w of [...set]) w();
      })
      .catch((err) => {
        this.subscribed = undefined;
        this.log.warn({ err }, 'cannot listen for order notifications; polling');
      });
    await this.subscribed;
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
}
