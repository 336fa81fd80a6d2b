import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { rootLogger } from '../common/logging/logger';

type Handler = (payload: string) => void;
type StateHandler = (connected: boolean) => void;

/**
 * One LISTEN connection per API process for every channel (order wake-ups, identity cache
 * invalidation), opened on first use and reopened after a loss. Subscribers learn when it is
 * down: a cache that relies on notifications must stop trusting itself while nothing can arrive.
 */
@Injectable()
export class PgListener implements OnApplicationShutdown {
  private client?: Client;
  private connecting?: Promise<void>;
  private closed = false;
  private retry?: NodeJS.Timeout;
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly stateHandlers = new Set<StateHandler>();
  private readonly log = rootLogger().child({ component: 'pg-listener' });

  constructor(private readonly ds: DataSource) {}

  get connected(): boolean {
    return !!this.client;
  }

  onState(handler: StateHandler): void {
    this.stateHandlers.add(handler);
  }

  /** Subscribes to a channel and makes sure the connection is (being) opened. */
  async listen(channel: string, handler: Handler): Promise<void> {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
    const set = this.handlers.get(channel) ?? new Set<Handler>();
    const isNew = !this.handlers.has(channel);
    set.add(handler);
    this.handlers.set(channel, set);
    await this.connect();
    if (isNew && this.client) await this.client.query(`LISTEN ${channel}`);
  }

  /** Opens the connection if needed; failures schedule a retry and leave `connected` false. */
  async connect(): Promise<void> {
    if (this.client || this.closed) return;
    this.connecting ??= (async () => {
      const url = (this.ds.driver as unknown as { options: { url: string } }).options.url;
      const client = new Client({ connectionString: url, application_name: 'provisio-api-listen' });
      client.on('notification', (msg) => {
        for (const h of this.handlers.get(msg.channel) ?? []) h(msg.payload ?? '');
      });
      client.on('error', (err) => {
        this.log.warn({ err }, 'notification connection lost');
        this.lost(client);
      });
      client.on('end', () => this.lost(client));
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${channel}`);
      this.client = client;
      for (const h of this.stateHandlers) h(true);
    })()
      .catch((err) => {
        this.log.warn({ err }, 'cannot open the notification connection; retrying');
        this.scheduleRetry();
      })
      .finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private lost(client: Client) {
    if (this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    for (const h of this.stateHandlers) h(false);
    this.scheduleRetry();
  }

  private scheduleRetry() {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect();
    }, 1000);
    this.retry.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    // A connection being opened right now would otherwise outlive the shutdown.
    await this.connecting;
    const c = this.client;
    this.client = undefined;
    await c?.end().catch(() => undefined);
  }
}
