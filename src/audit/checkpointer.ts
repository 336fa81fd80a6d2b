import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { clock } from '../common/clock';
import { rootLogger } from '../common/logging/logger';
import { AppConfig } from '../config/app-config';
import { AuditCheckpointsService } from './checkpoints.service';

/** How often the checkpointer looks at the chain head (it writes only when a threshold is met). */
export function checkpointTickMs(intervalMs: number): number {
  return Math.max(250, Math.min(5000, Math.floor(intervalMs / 2)));
}

/**
 * The periodic checkpointer of the API process (`serve`, `all`): every few seconds, in a
 * transaction holding a PostgreSQL advisory lock (so several API processes never write at once),
 * it signs the chain head when AUDIT_CHECKPOINT_EVENTS events arrived since the last checkpoint,
 * or AUDIT_CHECKPOINT_INTERVAL passed with at least one new event. Starts when the application
 * has booted; stops (and waits for a pass in progress) when it shuts down, before the database
 * connection closes.
 */
@Injectable()
export class AuditCheckpointer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = rootLogger().child({ component: 'audit-checkpointer' });
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;
  private readonly startedMs = clock.nowMs();
  private failures = 0;

  constructor(
    private readonly checkpoints: AuditCheckpointsService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    const delay = checkpointTickMs(this.config.auditCheckpointIntervalMs) * Math.min(2 ** this.failures, 12);
    this.timer = setTimeout(() => {
      this.running = this.runOnce().finally(() => {
        this.running = undefined;
        this.schedule();
      });
    }, delay);
    this.timer.unref();
  }

  /** One pass; errors are logged (the database may be restarting) and retried with backoff. */
  async runOnce(): Promise<void> {
    try {
      const cp = await this.checkpoints.tick({
        everyEvents: this.config.auditCheckpointEvents,
        intervalMs: this.config.auditCheckpointIntervalMs,
        sinceMs: this.startedMs,
      });
      this.failures = 0;
      if (cp) this.log.info({ checkpoint: cp.id, lastSeq: cp.lastSeq, reason: cp.reason }, 'audit checkpoint signed');
    } catch (err) {
      this.failures = Math.min(this.failures + 1, 4);
      if (!this.stopped) this.log.warn({ err }, 'audit checkpoint pass failed; will retry');
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
