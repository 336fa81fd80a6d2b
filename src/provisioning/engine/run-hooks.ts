import type { AuditActor } from '../../audit/audit-writer';
import type { Sql } from '../../database/sql';
import type { RunRow } from './run-row';
import { isTerminal, type RunStatus } from './run-status';

export interface RunChange {
  previousStatus: RunStatus;
  /** Who caused the change: `{ system: 'engine:eng_…' }` or an operator. */
  actor: AuditActor;
}

/**
 * Called **inside the transaction** that changes the run's status, before its audit event: a
 * hook's writes commit or roll back with the status change (the orders module moves its order
 * and settles quota this way). A hook that throws rolls the change back; keep hooks short and
 * never let them lock another run.
 */
export type RunHook = (sql: Sql, run: RunRow, change: RunChange) => Promise<void> | void;

export class RunHookRegistry {
  private readonly terminal = new Set<RunHook>();
  private readonly status = new Set<RunHook>();

  /** Status became completed, failed, needs_attention, cancelled or resolved. Returns an unregister function. */
  onTerminal(hook: RunHook): () => void {
    this.terminal.add(hook);
    return () => this.terminal.delete(hook);
  }

  /** Any other status change (queued, running, compensating, parked). Returns an unregister function. */
  onStatus(hook: RunHook): () => void {
    this.status.add(hook);
    return () => this.status.delete(hook);
  }

  /** Runs the hooks for `run.status` in registration order. */
  async fire(sql: Sql, run: RunRow, change: RunChange): Promise<void> {
    const hooks = isTerminal(run.status) ? this.terminal : this.status;
    for (const hook of hooks) await hook(sql, run, change);
  }

  get size(): number {
    return this.terminal.size + this.status.size;
  }
}

/** The process-wide hook registry (engines and the API both fire it). */
export const runHooks = new RunHookRegistry();
