import type { Pool } from 'pg';
import type { AuditActor } from '../../audit/audit-writer';
import type { RunHookRegistry } from './run-hooks';
import type { RunRow } from './run-row';
import { type Lease, type Transition, transition, transitionBatch } from './step-journal';

interface Pending {
  lease: Lease;
  transition: Transition;
  resolve: (run: RunRow | null) => void;
  reject: (err: unknown) => void;
}

/**
 * The engine's audited status changes (completed, failed, parked, needs_attention), one
 * transaction at a time, each carrying every change that queued up while the previous one
 * committed (group commit). Audited transactions serialize on the audit chain head anyway: an
 * engine with 16 runs finishing together then takes the head once instead of queueing 16
 * transactions on it, which is where throughput went.
 *
 * A batch that fails (a hook throwing, a lost connection) is retried one change at a time, so
 * one bad change never fails the others.
 *
 * Batching needs "audit last" to hold for the whole transaction, and hooks break it: the orders
 * hook appends its own event (taking the chain head) and the next change in the batch would then
 * lock its order and quota rows while holding the head; another engine holding one of those rows
 * and waiting for the head makes a deadlock. So with hooks registered the lane commits one change
 * per transaction, still one at a time per engine (which keeps the head's queue short); without
 * hooks it batches.
 */
export class TransitionLane {
  private readonly queue: Pending[] = [];
  private draining = false;

  constructor(
    private readonly pool: Pool,
    private readonly hooks: RunHookRegistry,
    private readonly actor: AuditActor,
    private readonly maxBatch = 32,
  ) {}

  submit(lease: Lease, t: Transition): Promise<RunRow | null> {
    return new Promise((resolve, reject) => {
      this.queue.push({ lease, transition: t, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, this.hooks.size ? 1 : this.maxBatch);
        try {
          const runs = await transitionBatch(this.pool, batch.map((p) => ({ lease: p.lease, transition: p.transition })), this.hooks, this.actor);
          batch.forEach((p, i) => p.resolve(runs[i]));
        } catch (e) {
          if (batch.length === 1) {
            batch[0].reject(e);
            continue;
          }
          for (const p of batch) {
            try {
              p.resolve(await transition(this.pool, p.lease, p.transition, this.hooks, this.actor));
            } catch (err) {
              p.reject(err);
            }
          }
        }
      }
    } finally {
      this.draining = false;
    }
  }
}
