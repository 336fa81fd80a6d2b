import type { Sql } from '../../database/sql';
import type { RunActor } from './run-audit';
import type { RunRow } from './run-row';
import { isTerminal, type RunStatus } from './run-status';

export interface RunChange {
  previousStatus: RunStatus;
  /** Who caused the change: `{ system: 'engine:eng_…' }` or an operator. */
  actor: RunActor;
}

/**
 * Called **inside the transaction** that changes the run's status, before its audit event: a
 * hook's writes commit or roll back with the status change (the orders module moves its order
 * and settles quota this way). A hook that throws rolls the change back; keep hooks short and
 * never let them lock another run.
 */
export type RunHook = (sql: Sql, run: RunRow, change: RunChange) => Promise<void> | void;

/**
 * The same hook for several runs changing status in one transaction (the engine's claim moves
 * every run it claims from queued to running at once): one statement for all of them instead of
 * one per run. Must do exactly what calling the single form for each run would.
 */
export type RunBatchHook = (sql: Sql, changes: { run: RunRow; change: RunChange }[]) => Promise<void> | void;

interface Registered {
  one: RunHook;
  many?: RunBatchHook;
}

/**
 * The hooks of one process. The composition root creates it and registers every module's hooks on
 * it (e.g. `registerOrderHooks(hooks)`), then hands the same instance to the engine and to the
 * operator API, whose actions change run statuses too.
 */
export class RunHookRegistry {
  private readonly terminal = new Set<Registered>();
  private readonly status = new Set<Registered>();

  /** Status became completed, failed, needs_attention, cancelled or resolved. Returns an unregister function. */
  onTerminal(hook: RunHook, many?: RunBatchHook): () => void {
    const r: Registered = { one: hook, many };
    this.terminal.add(r);
    return () => this.terminal.delete(r);
  }

  /** Any other status change (queued, running, compensating, parked). Returns an unregister function. */
  onStatus(hook: RunHook, many?: RunBatchHook): () => void {
    const r: Registered = { one: hook, many };
    this.status.add(r);
    return () => this.status.delete(r);
  }

  /** Runs the hooks for `run.status` in registration order. */
  async fire(sql: Sql, run: RunRow, change: RunChange): Promise<void> {
    const hooks = isTerminal(run.status) ? this.terminal : this.status;
    for (const hook of hooks) await hook.one(sql, run, change);
  }

  /**
   * Runs the hooks for several runs that changed status in one transaction: each hook once with
   * its batch form when it has one, else once per run (in the order given).
   */
  async fireMany(sql: Sql, changes: { run: RunRow; change: RunChange }[]): Promise<void> {
    if (!changes.length) return;
    for (const terminal of [false, true]) {
      const group = changes.filter((c) => isTerminal(c.run.status) === terminal);
      if (!group.length) continue;
      for (const hook of terminal ? this.terminal : this.status) {
        if (hook.many && group.length > 1) await hook.many(sql, group);
        else for (const c of group) await hook.one(sql, c.run, c.change);
      }
    }
  }

  get size(): number {
    return this.terminal.size + this.status.size;
  }
}
