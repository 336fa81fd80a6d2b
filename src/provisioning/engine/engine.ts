import { performance } from 'node:perf_hooks';
import { Client, type ClientConfig, type Pool } from 'pg';
import type { Logger } from 'pino';
import { rootLogger } from '../../common/logging/logger';
import { inClientTransaction } from '../../database/pg-client';
import { sqlOfPg } from '../../database/sql';
import { EngineRegistry } from './engine-registry';
import type { MachineFactory } from './machine-binding';
import { auditBatch, type RunActor, type RunAuditSink } from './run-audit';
import type { RunHookRegistry } from './run-hooks';
import { claimRuns, heartbeat, listenForRuns, releaseAllLeases } from './run-lease.store';
import { toRunRow } from './run-row';
import { type ClaimedRun, type ProcedureResolver, RunWorker, type WorkerContext } from './run-worker';
import { transition } from './step-journal';

export interface EngineOptions {
  /** The engine's own pool (journal, status changes, releases); providers may share it. */
  pool: Pool;
  /**
   * Claims, heartbeats and renewals; defaults to `pool`. Give it a pool that commits durably
   * (synchronous_commit on) when `pool` does not: a lease the engine believes in must exist on
   * whichever database server is primary after a failover, or two engines could run one step.
   */
  leasePool?: Pool;
  resolver: ProcedureResolver;
  createMachine: MachineFactory;
  /** Runs executed at once; the claim never takes more than the free slots, so load spreads over engines. */
  capacity: number;
  leaseTtlMs: number;
  /** Claim attempt when no NOTIFY arrived for this long. */
  pollIntervalMs: number;
  /** Default step timeout when the execute element gives none. */
  stepTimeoutMs?: number;
  /** Other modules' run hooks (the composition root registers them). */
  hooks: RunHookRegistry;
  /** Where run audit events go, in the transaction of the change (the composition root passes the audit writer). */
  audit: RunAuditSink;
  log?: Logger;
  /** Connection for LISTEN; defaults to the pool's. */
  listenConnection?: ClientConfig;
}

export const DEFAULT_STEP_TIMEOUT_MS = 60_000;
/** How long a starting engine waits for the database before giving up (a failover takes seconds). */
const REGISTER_PATIENCE_MS = 60_000;

type Phase = 'new' | 'running' | 'draining' | 'stopped';

/**
 * One provisioning engine (ARCHITECTURE.md §5): claims runnable runs while it has free capacity,
 * holds their leases with a heartbeat every ttl/3, wakes on NOTIFY (with a polling fallback) and
 * runs each claimed run in a RunWorker. Engines coordinate only through PostgreSQL.
 */
export class Engine {
  private readonly registry: EngineRegistry;
  private readonly log: Logger;
  private readonly hooks: RunHookRegistry;
  private readonly actor: RunActor;
  private readonly workers = new Map<string, { worker: RunWorker; done: Promise<void> }>();
  private readonly wakeTimers = new Set<NodeJS.Timeout>();
  private phase: Phase = 'new';
  private stepsDone = 0;
  private claimLoop: Promise<void> | null = null;
  private wantClaim = false;
  private heartbeatTimer?: NodeJS.Timeout;
  private pollTimer?: NodeJS.Timeout;
  private relistenTimer?: NodeJS.Timeout;
  private relistenDelay = 250;
  private listener?: Client;
  private beating = false;
  private stopping?: Promise<void>;
  private readonly workerCtx: WorkerContext;
  private readonly leasePool: Pool;

  constructor(private readonly opts: EngineOptions) {
    this.registry = new EngineRegistry(sqlOfPg(opts.pool), opts.capacity);
    this.log = (opts.log ?? rootLogger()).child({ component: 'engine', engineId: this.registry.id });
    this.hooks = opts.hooks;
    this.actor = { system: `engine:${this.registry.id}` };
    this.leasePool = opts.leasePool ?? opts.pool;
    this.workerCtx = {
      pool: opts.pool,
      leasePool: this.leasePool,
      engineId: this.registry.id,
      resolver: opts.resolver,
      createMachine: opts.createMachine,
      log: this.log,
      stepTimeoutMs: opts.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS,
      draining: () => this.phase !== 'running',
      countStep: () => {
        this.stepsDone++;
      },
      wakeIn: (ms) => this.wakeIn(ms),
      transition: (lease, t) => transition(opts.pool, lease, t, { hooks: this.hooks, audit: opts.audit, actor: this.actor }),
    };
  }

  get id(): string {
    return this.registry.id;
  }

  get state(): Phase {
    return this.phase;
  }

  stats(): { runsHeld: number; stepsDone: number } {
    return { runsHeld: this.workers.size, stepsDone: this.stepsDone };
  }

  async start(): Promise<void> {
    if (this.phase !== 'new') throw new Error(`engine already ${this.phase}`);
    await this.registerWhenReachable();
    this.phase = 'running';
    this.heartbeatTimer = setInterval(() => void this.beat(), Math.max(50, Math.floor(this.opts.leaseTtlMs / 3)));
    this.pollTimer = setInterval(() => this.poke(), this.opts.pollIntervalMs);
    await this.listen();
    this.poke();
    this.log.info({ capacity: this.opts.capacity, leaseTtlMs: this.opts.leaseTtlMs }, 'engine started');
  }

  /**
   * Registers the engine, waiting out a database that is unreachable for a while (a failover, a
   * restart: an engine restarted by its supervisor in that moment starts once the new primary
   * answers, rather than exiting). Gives up after REGISTER_PATIENCE_MS with the last error.
   */
  private async registerWhenReachable(): Promise<void> {
    const giveUpAt = performance.now() + REGISTER_PATIENCE_MS;
    for (let delay = 250; ; delay = Math.min(delay * 2, 4_000)) {
      try {
        await this.registry.register();
        return;
      } catch (err) {
        // The INSERT of an earlier attempt committed but its answer was lost: registered.
        if (delay > 250 && (err as { code?: string }).code === '23505') return;
        if (performance.now() + delay > giveUpAt) throw err;
        this.log.warn({ err, retryInMs: delay }, 'could not register the engine; retrying');
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  /**
   * Graceful stop: claim nothing more, let each worker finish the step in flight and give its
   * run back (lease_owner cleared, so another engine claims it at once), mark the engine stopped.
   */
  stop(): Promise<void> {
    this.stopping ??= this.drain();
    return this.stopping;
  }

  private async drain(): Promise<void> {
    if (this.phase === 'new') {
      this.phase = 'stopped';
      return;
    }
    this.phase = 'draining';
    clearInterval(this.pollTimer);
    clearTimeout(this.relistenTimer);
    for (const t of this.wakeTimers) clearTimeout(t);
    this.wakeTimers.clear();
    this.log.info({ runsHeld: this.workers.size }, 'engine draining');
    await this.registry.setState('draining').catch((err) => this.log.warn({ err }, 'could not mark the engine draining'));
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
    await this.claimLoop?.catch(() => undefined);
    await Promise.allSettled([...this.workers.values()].map((w) => w.done));
    try {
      const released = await releaseAllLeases(this.opts.pool, this.registry.id);
      if (released) this.log.info({ released }, 'leases released');
    } catch (err) {
      this.log.warn({ err }, 'could not release leases; they expire within one ttl');
    }
    clearInterval(this.heartbeatTimer);
    while (this.beating) await new Promise((r) => setTimeout(r, 5));
    await this.beat();
    await this.registry.setState('stopped').catch((err) => this.log.warn({ err }, 'could not mark the engine stopped'));
    this.phase = 'stopped';
    this.log.info({ stepsDone: this.stepsDone }, 'engine stopped');
  }

  /** Claim now if there is free capacity (coalesces concurrent pokes into one claim loop). */
  poke(): void {
    if (this.phase !== 'running') return;
    this.wantClaim = true;
    if (this.claimLoop) return;
    this.claimLoop = this.claimWhileWanted().finally(() => {
      this.claimLoop = null;
    });
  }

  private async claimWhileWanted(): Promise<void> {
    while (this.wantClaim && this.phase === 'running') {
      this.wantClaim = false;
      const free = this.opts.capacity - this.workers.size;
      if (free <= 0) return;
      let runs: ClaimedRun[];
      const t0 = performance.now();
      try {
        runs = await this.claim(free);
      } catch (err) {
        // Database unreachable or restarting: the poll timer tries again.
        this.log.warn({ err }, 'claim failed');
        return;
      }
      for (const run of runs) this.startWorker(run, t0);
    }
  }

  private startWorker(run: ClaimedRun, claimedAt: number) {
    const worker = new RunWorker(this.workerCtx, run, this.opts.leaseTtlMs, claimedAt);
    const done = worker.execute().finally(() => {
      if (this.workers.get(run.id)?.worker === worker) this.workers.delete(run.id);
      this.poke();
    });
    this.workers.set(run.id, { worker, done });
  }

  /** One claim transaction: the lease update plus run.started / run.taken_over audit events. */
  private async claim(limit: number): Promise<ClaimedRun[]> {
    const rows = await inClientTransaction(this.leasePool, async (client) => {
      const claimedRows = await claimRuns(client, this.registry.id, this.opts.leaseTtlMs, limit);
      if (!claimedRows.length) return claimedRows;
      // The events of every run claimed here in one INSERT.
      return auditBatch(this.opts.audit, sqlOfPg(client), async (sql) => {
        const claimed = claimedRows.map((row) => ({ raw: row, run: toRunRow(row) }));
        // Other modules' hooks for every run that starts, batched (one statement for all of them).
        await this.hooks.fireMany(
          sql,
          claimed
            .filter(({ raw }) => raw.prev_status === 'queued')
            .map(({ run }) => ({ run, change: { previousStatus: 'queued' as const, actor: this.actor } })),
        );
        for (const { raw, run } of claimed) {
          const base = {
            resourceType: 'provisioning_run' as const,
            resourceId: run.id,
            organizationId: run.organizationId,
            organizationPath: run.organizationPath,
          };
          const order = run.orderId ? { orderId: run.orderId } : {};
          if (raw.prev_status === 'queued')
            await this.opts.audit(sql, this.actor, { ...base, action: 'run.started', details: { ...order, epoch: run.leaseEpoch } });
          if (raw.prev_owner) {
            await this.opts.audit(sql, this.actor, {
              ...base,
              action: 'run.taken_over',
              details: { ...order, previousEngine: raw.prev_owner, epoch: run.leaseEpoch, status: run.status, stepSeq: run.stepCount },
            });
          }
        }
        return claimedRows;
      });
    });
    if (rows.length) this.log.debug({ claimed: rows.length }, 'claimed runs');
    return rows.map((row) => {
      if (row.prev_owner) this.log.info({ runId: row.id, previousEngine: row.prev_owner, epoch: row.lease_epoch }, 'took over a run whose lease expired');
      return {
        id: row.id,
        status: row.status,
        epoch: row.lease_epoch,
        attempts: row.attempts,
        stepInDoubt: row.step_in_doubt,
        stepCount: row.step_count,
        program: row.program,
        state: row.state,
        error: row.error ?? null,
        onFailure: row.on_failure,
        organizationId: row.organization_id ?? null,
      };
    });
  }

  /** Renews every lease held and the engines row; a lease that did not renew is lost. */
  private async beat(): Promise<void> {
    if (this.beating) return;
    this.beating = true;
    const t0 = performance.now();
    const held = [...this.workers.values()].map((w) => w.worker).filter((w) => !w.lost);
    try {
      const r = await heartbeat(
        this.leasePool,
        this.registry.id,
        this.opts.leaseTtlMs,
        held.map((w) => ({ id: w.id, epoch: w.lease.epoch })),
        this.stepsDone,
      );
      const renewed = new Set(r.renewed);
      const lost = new Set(r.lost);
      for (const w of held) {
        if (renewed.has(w.id)) {
          w.leaseValidUntil = Math.max(w.leaseValidUntil, t0 + this.opts.leaseTtlMs);
        } else if (lost.has(w.id) && !w.lost && this.workers.get(w.id)?.worker === w) {
          // Another engine holds it now (or an operator acted): our next write would be fenced.
          w.lost = true;
          this.log.warn({ runId: w.id, epoch: w.lease.epoch }, 'lease lost (another engine or an operator took the run); abandoning it');
        }
      }
    } catch (err) {
      this.log.warn({ err }, 'heartbeat failed');
    } finally {
      this.beating = false;
    }
  }

  private wakeIn(ms: number) {
    if (this.phase !== 'running') return;
    const t = setTimeout(
      () => {
        this.wakeTimers.delete(t);
        this.poke();
      },
      Math.max(0, ms) + 2,
    );
    this.wakeTimers.add(t);
  }

  /** LISTEN on its own connection; reconnects with back-off (database restarts). */
  private async listen(): Promise<void> {
    if (this.phase !== 'running') return;
    const config: ClientConfig = this.opts.listenConnection ?? (this.opts.pool as unknown as { options: ClientConfig }).options;
    const client = new Client({ ...config, application_name: 'provisio-engine-listen' } as ClientConfig);
    const retry = () => {
      if (this.listener === client) this.listener = undefined;
      this.scheduleRelisten();
    };
    client.on('notification', () => this.poke());
    client.on('error', (err) => {
      this.log.warn({ err }, 'LISTEN connection failed');
      retry();
    });
    client.on('end', retry);
    try {
      await client.connect();
      await listenForRuns(client);
      if (this.phase !== 'running') {
        await client.end().catch(() => undefined);
        return;
      }
      this.listener = client;
      this.relistenDelay = 250;
      // Anything created while we were not listening.
      this.poke();
    } catch (err) {
      this.log.warn({ err }, 'could not LISTEN; polling until it works');
      await client.end().catch(() => undefined);
      this.scheduleRelisten();
    }
  }

  private scheduleRelisten() {
    if (this.phase !== 'running' || this.relistenTimer || this.listener) return;
    const delay = this.relistenDelay;
    this.relistenDelay = Math.min(5_000, this.relistenDelay * 2);
    this.relistenTimer = setTimeout(() => {
      this.relistenTimer = undefined;
      void this.listen();
    }, delay);
  }
}
