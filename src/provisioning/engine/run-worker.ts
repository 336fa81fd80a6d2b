/* eslint max-lines: ["error", { "max": 600, "skipBlankLines": true, "skipComments": true }] -- Documented exception (issue 13 closing note): the worker's forward
   and compensate loops hold the fenced-write, lease-loss and takeover rules that the failover and chaos
   suites prove; a split was written but conflicted with the parallel-branch path landed the same day,
   so it waits for its own A/B-tested change instead of a last-minute edit. */
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import type { Pool } from 'pg';
import type { CallOp, MachineNext, MachineState, ParallelMachine, Program, ProgramMachine } from '../language/program';
import { type LeafProcedure, type ProcedureContext, ProviderError } from '../providers/provider';
import { type JournalRow, pendingRollbacks } from './compensation-plan';
import { readJournal } from './journal.store';
import { type BranchHost, hasParallel, ParallelBranches } from './parallel-branches';
import type { MachineFactory } from './machine-binding';
import { backoffMs, retryPolicyOf, TAKEOVER_SLACK } from './retry-policy';
import { renderResponse } from './run-response';
import type { RunError, RunRow } from './run-row';
import { type AuditSpec, type JournalEntry, type Lease, recordStep, recordSteps, releaseLease, renewLease, type Transition } from './step-journal';

/** Finds the leaf procedure behind `namespace.procedure` (the NamespaceRegistry does). */
export interface ProcedureResolver {
  leaf(namespace: string, procedure: string): LeafProcedure | undefined;
}

/** What a worker needs from its engine. */
export interface WorkerContext {
  pool: Pool;
  /** Commits durably (leases must survive a failover that may lose the journal's last writes). */
  leasePool: Pool;
  engineId: string;
  resolver: ProcedureResolver;
  createMachine: MachineFactory;
  log: Logger;
  stepTimeoutMs: number;
  /** True once the engine drains: finish the step in flight, then give the run back. */
  draining(): boolean;
  /** A journaled attempt (for the engines row). */
  countStep(): void;
  /** Poke the claim loop after this many ms (a back-off ends). */
  wakeIn(ms: number): void;
  /** Applies a status change (audited ones go through the engine's TransitionLane). */
  transition(lease: Lease, t: Transition): Promise<RunRow | null>;
}

/** A run as the claim returns it. */
export interface ClaimedRun {
  id: string;
  status: 'running' | 'compensating';
  epoch: number;
  attempts: number;
  stepInDoubt: boolean;
  stepCount: number;
  program: Program;
  state: MachineState;
  error: RunError | null;
  onFailure: 'rollback' | 'park';
  organizationId: string | null;
}

export class StepTimeoutError extends Error {
  constructor(ms: number) {
    super(`the step did not finish within ${ms} ms`);
    this.name = 'StepTimeoutError';
  }
}

/**
 * Races the call against its timeout. On timeout the call's outcome is unknown; we still give it
 * up to the same time again to settle before moving on, so a slow call is less likely to land
 * after the retry or the rollback that follows it.
 */
async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new StepTimeoutError(ms)), ms);
      }),
    ]);
  } catch (e) {
    if (e instanceof StepTimeoutError) {
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([
        p.then(
          () => undefined,
          () => undefined,
        ),
        new Promise((r) => (grace = setTimeout(r, ms))),
      ]);
      clearTimeout(grace);
    }
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** The outcome of one attempt of a provider call. */
interface Attempt {
  ok: boolean;
  output?: Record<string, unknown>;
  rollbackData?: unknown;
  naturalKey: string | null;
  error?: { code: string; message: string; retryable: boolean; details?: Record<string, unknown> };
  outcomeUnknown: boolean;
  startedAt: Date;
  finishedAt: Date;
  durationMs: number;
}

function classify(e: unknown): { error: NonNullable<Attempt['error']>; outcomeUnknown: boolean } {
  if (e instanceof ProviderError) {
    return {
      error: { code: e.code, message: e.message, retryable: e.retryable, details: Object.keys(e.details).length ? e.details : undefined },
      outcomeUnknown: false,
    };
  }
  if (e instanceof StepTimeoutError) return { error: { code: 'STEP_TIMEOUT', message: e.message, retryable: true }, outcomeUnknown: true };
  // Anything else (a lost connection inside the provider, a bug): we cannot know what happened.
  const message = e instanceof Error ? e.message : String(e);
  return { error: { code: 'PROVIDER_FAILURE', message: message.slice(0, 2000), retryable: true }, outcomeUnknown: true };
}

/**
 * Executes one claimed run while this engine holds its lease: drives the ProgramMachine, calls
 * providers, journals each attempt together with the run's new state, backs off, fails over to
 * the catch body, parks or compensates. Any write that finds the lease gone ends the worker at
 * once without another write.
 */
export class RunWorker {
  readonly lease: Lease;
  /** Set when the heartbeat or a fenced write found the lease gone. */
  lost = false;
  /** performance.now() until which the lease is known valid (renewed by the heartbeat). */
  leaseValidUntil: number;
  private status: 'running' | 'compensating';
  private attempts: number;
  private stepInDoubt: boolean;
  private stepCount: number;
  private state: MachineState;
  private runError: RunError | null;
  private readonly log: Logger;

  constructor(
    private readonly ctx: WorkerContext,
    private readonly run: ClaimedRun,
    private readonly leaseTtlMs: number,
    claimedAt: number,
  ) {
    this.lease = { runId: run.id, owner: ctx.engineId, epoch: run.epoch };
    this.leaseValidUntil = claimedAt + leaseTtlMs;
    this.status = run.status;
    this.attempts = run.attempts;
    this.stepInDoubt = run.stepInDoubt;
    this.stepCount = run.stepCount;
    this.state = run.state;
    this.runError = run.error;
    this.log = ctx.log.child({ runId: run.id, epoch: run.epoch });
  }

  get id(): string {
    return this.run.id;
  }

  /** Never throws: an unexpected error gives the run back (or lets its lease expire). */
  async execute(): Promise<void> {
    try {
      if (this.status === 'compensating') await this.compensate();
      else await this.forward();
    } catch (err) {
      if (this.lost) return;
      this.log.warn({ err }, 'run interrupted by an unexpected error; giving it back');
      this.lost = true;
      // The commit of the last write may or may not have happened: the next holder treats the
      // current step as in doubt. If the database is unreachable the lease simply expires.
      await releaseLease(this.ctx.pool, this.lease, true).catch(() => undefined);
    }
  }

  /** May this worker start another step? Drains and lost leases stop it between steps. */
  private async mayContinue(): Promise<boolean> {
    if (!(await this.leaseFresh())) return false;
    if (this.ctx.draining()) {
      await releaseLease(this.ctx.pool, this.lease, false);
      this.lost = true;
      return false;
    }
    return true;
  }

  /** Is the lease still ours? Renewed here when the heartbeat fell behind (false: lost). */
  private async leaseFresh(): Promise<boolean> {
    if (this.lost) return false;
    if (performance.now() > this.leaseValidUntil - this.leaseTtlMs / 3) {
      // The heartbeat fell behind (a busy event loop, a slow database): before starting a step,
      // make sure the run is still ours. If nobody took it, renewing it is safe (fencing is by
      // owner and epoch); if someone did, stop here.
      const t0 = performance.now();
      if (!(await renewLease(this.ctx.leasePool, this.lease, this.leaseTtlMs))) {
        this.log.warn('lease lost before the next step (not renewed in time); abandoning the run');
        this.lost = true;
        return false;
      }
      this.leaseValidUntil = t0 + this.leaseTtlMs;
    }
    return true;
  }

  // eslint-disable-next-line max-lines-per-function -- see the exception at the top of this file
  private async forward(): Promise<void> {
    const machine = this.ctx.createMachine(this.run.program, this.state);
    if (hasParallel(this.run.program) && 'ready' in machine) return new ParallelBranches(this.branchHost(), machine as ParallelMachine).run();
    // The call the previous iteration already asked the machine for (its end-of-run check).
    let peeked: MachineNext | undefined;
    for (;;) {
      if (!(await this.mayContinue())) return;
      let next: MachineNext;
      try {
        next = peeked ?? machine.next();
        peeked = undefined;
      } catch (e) {
        // The call's input could not be built (program.ts: the pc stays on the call): a
        // non-retryable failure of that call, journaled, then handled like any other.
        if (!(await this.failMappedCall(machine, e))) return;
        continue;
      }
      if (next.kind === 'done') {
        await this.finishCompleted(next.data, machine.snapshot());
        return;
      }
      const { op } = next;
      const leaf = this.ctx.resolver.leaf(op.namespace, op.procedure);
      const policy = retryPolicyOf(op, leaf);
      const attempt = this.attempts + 1;
      const seq = this.stepCount + 1;
      const result = attempt > policy.maxAttempts + TAKEOVER_SLACK ? this.abandonedAttempt() : await this.attemptCall(next, leaf, seq, attempt);
      if (this.lost) return;
      const entry = this.entry('execute', next.pc, op, leaf, seq, attempt, next.input, result);

      if (result.ok) {
        let state: MachineState;
        try {
          machine.complete(result.output ?? {});
          state = machine.snapshot();
        } catch (e) {
          // The call took effect but its output cannot be mapped back: undo it with the rest.
          const message = e instanceof Error ? e.message : String(e);
          entry.status = 'failed';
          entry.outcomeUnknown = true;
          entry.retryable = false;
          entry.error = { code: 'OUTPUT_MAPPING_FAILED', message };
          await this.failUnhandled(
            {
              code: 'OUTPUT_MAPPING_FAILED',
              message,
              retryable: false,
              phase: 'execute',
              namespace: op.namespace,
              procedure: op.procedure,
              path: op.path,
              stepSeq: seq,
            },
            entry,
          );
          return;
        }
        // The last step commits together with the completion (one transaction fewer per run).
        let peek: MachineNext | undefined;
        try {
          peek = machine.next();
        } catch {
          peek = undefined; // the loop meets the error again and handles it
        }
        if (peek?.kind === 'done') {
          await this.finishCompleted(peek.data, machine.snapshot(), entry);
          return;
        }
        if (!(await this.record(entry, { state, attempts: 0, stepInDoubt: false, stepCount: seq }))) return;
        this.state = state;
        this.attempts = 0;
        this.stepInDoubt = false;
        peeked = peek; // next() again would build the same call's input a second time
        continue;
      }

      const error = result.error!;
      const inDoubt = this.stepInDoubt || result.outcomeUnknown;
      entry.outcomeUnknown = inDoubt;
      if (error.retryable && attempt < policy.maxAttempts) {
        const delay = backoffMs(attempt, policy);
        if (await this.record(entry, { attempts: attempt, stepInDoubt: inDoubt, stepCount: seq, backoffMs: delay })) {
          this.log.debug({ code: error.code, attempt, delay }, 'step failed; retrying after back-off');
          this.ctx.wakeIn(delay);
        }
        this.lost = true; // released: the run is no longer ours
        return;
      }
      const runError: RunError = {
        code: error.code,
        message: error.message,
        retryable: error.retryable,
        phase: 'execute',
        namespace: op.namespace,
        procedure: op.procedure,
        path: op.path,
        stepSeq: seq,
        ...(error.details ? { details: error.details } : {}),
      };
      if (!(await this.failCall(machine, entry, runError))) return;
    }
  }

  /**
   * A call failed for good: the machine unwinds to a catch body (journal the attempt with the new
   * state and go on: returns true) or the failure is unhandled (park or compensate: returns false).
   */
  private async failCall(machine: ProgramMachine, entry: JournalEntry, runError: RunError): Promise<boolean> {
    let outcome: 'caught' | 'unhandled';
    try {
      outcome = machine.fail();
    } catch {
      outcome = 'unhandled';
    }
    if (outcome === 'caught') {
      const state = machine.snapshot();
      if (!(await this.record(entry, { state, attempts: 0, stepInDoubt: false, stepCount: entry.seq }))) return false;
      this.state = state;
      this.attempts = 0;
      this.stepInDoubt = false;
      return true;
    }
    await this.failUnhandled(runError, entry);
    return false;
  }

  private async failMappedCall(machine: ProgramMachine, e: unknown): Promise<boolean> {
    const message = (e instanceof Error ? e.message : String(e)).slice(0, 2000);
    let pc = -1;
    try {
      pc = machine.snapshot().pc;
    } catch {
      /* a broken machine: handled below as a program error */
    }
    const op = this.run.program.ops[pc];
    if (!op || op.op !== 'call') {
      await this.failUnhandled({ code: 'PROGRAM_ERROR', message, retryable: false, phase: 'execute' });
      return false;
    }
    const seq = this.stepCount + 1;
    const now = new Date();
    const attempt: Attempt = {
      ok: false,
      naturalKey: null,
      error: { code: 'MAPPING_FAILED', message, retryable: false },
      outcomeUnknown: false,
      startedAt: now,
      finishedAt: now,
      durationMs: 0,
    };
    const entry = this.entry('execute', pc, op, this.ctx.resolver.leaf(op.namespace, op.procedure), seq, this.attempts + 1, null, attempt);
    // Input building is deterministic: no earlier attempt of this call can have reached a provider.
    const runError: RunError = {
      code: 'MAPPING_FAILED',
      message,
      retryable: false,
      phase: 'execute',
      namespace: op.namespace,
      procedure: op.procedure,
      path: op.path,
      stepSeq: seq,
    };
    return this.failCall(machine, entry, runError);
  }

  /** Runs one attempt of a provider call and measures it. */
  private async attemptCall(next: Extract<MachineNext, { kind: 'call' }>, leaf: LeafProcedure | undefined, seq: number, attempt: number): Promise<Attempt> {
    const startedAt = new Date();
    const t0 = performance.now();
    let naturalKey: string | null = null;
    try {
      if (!leaf) throw new ProviderError('PROCEDURE_UNAVAILABLE', `no provider on this engine implements ${next.op.namespace}.${next.op.procedure}`, false);
      const input = leaf.parseInput(next.input);
      naturalKey = leaf.naturalKey(input);
      const pctx: ProcedureContext = { runId: this.run.id, stepSeq: seq, attempt, engineId: this.ctx.engineId, organizationId: this.run.organizationId };
      const result = await withTimeout(
        Promise.resolve().then(() => leaf.execute(input, pctx)),
        next.op.timeoutMs ?? this.ctx.stepTimeoutMs,
      );
      return {
        ok: true,
        output: (result?.output ?? {}) as Record<string, unknown>,
        rollbackData: result?.rollback,
        naturalKey,
        outcomeUnknown: false,
        startedAt,
        finishedAt: new Date(),
        durationMs: performance.now() - t0,
      };
    } catch (e) {
      const c = classify(e);
      // A failure before the provider was called (no provider, invalid input) had no effect.
      return {
        ok: false,
        error: c.error,
        naturalKey,
        outcomeUnknown: naturalKey === null ? false : c.outcomeUnknown,
        startedAt,
        finishedAt: new Date(),
        durationMs: performance.now() - t0,
      };
    }
  }

  /** A step whose engines kept dying while it ran: stop re-executing it. */
  private abandonedAttempt(): Attempt {
    const now = new Date();
    return {
      ok: false,
      naturalKey: null,
      error: { code: 'STEP_ABANDONED', message: 'the step was in flight on engines that died too many times; not executing it again', retryable: false },
      outcomeUnknown: true,
      startedAt: now,
      finishedAt: now,
      durationMs: 0,
    };
  }

  private entry(
    phase: 'execute' | 'rollback',
    pc: number,
    op: Pick<CallOp, 'path' | 'namespace' | 'procedure' | 'kind'>,
    leaf: LeafProcedure | undefined,
    seq: number,
    attempt: number,
    input: unknown,
    a: Attempt,
    compensatesSeq: number | null = null,
  ): JournalEntry {
    return {
      seq,
      phase,
      pc,
      path: op.path,
      namespace: op.namespace,
      procedure: op.procedure,
      kind: leaf?.kind ?? op.kind,
      naturalKey: a.naturalKey,
      status: a.ok ? 'completed' : 'failed',
      outcomeUnknown: a.outcomeUnknown,
      retryable: a.ok ? null : a.error!.retryable,
      compensatesSeq,
      attempt,
      input,
      output: a.ok ? a.output : null,
      rollbackData: a.ok && phase === 'execute' ? (a.rollbackData ?? null) : null,
      error: a.ok ? null : a.error,
      startedAt: a.startedAt,
      finishedAt: a.finishedAt,
      durationMs: a.durationMs,
    };
  }

  /** A fenced journal write; a lost lease ends the worker. */
  private async record(entry: JournalEntry, advance: Parameters<typeof recordStep>[3]): Promise<boolean> {
    const ok = await recordStep(this.ctx.pool, this.lease, entry, advance);
    if (!ok) return this.fenced();
    this.stepCount = entry.seq;
    this.ctx.countStep();
    return true;
  }

  /**
   * A fenced write matched nothing: another engine holds the run now, or a database failover lost
   * this worker's last journal writes (the run is behind what the worker remembers). Either way
   * the run is no longer ours to advance. In the second case the lease is still ours: give it back
   * with the current step in doubt, so the next holder resumes at once from what the database
   * holds and re-executes the step after it (idempotently). In the first the release is fenced off.
   */
  private async fenced(): Promise<false> {
    this.log.warn('write fenced off: another engine holds this run now, or the database lost our last journal writes; abandoning it');
    this.lost = true;
    await releaseLease(this.ctx.pool, this.lease, true).catch(() => undefined);
    return false;
  }

  private async change(
    t: Omit<Transition, 'previousStatus' | 'stepInDoubt' | 'stepCount' | 'attempts'> & Partial<Pick<Transition, 'stepInDoubt' | 'attempts'>>,
  ): Promise<boolean> {
    const run = await this.ctx.transition(this.lease, {
      ...t,
      previousStatus: this.status,
      attempts: t.attempts ?? 0,
      stepInDoubt: t.stepInDoubt ?? false,
      stepCount: t.journal ? t.journal.seq : this.stepCount,
    });
    if (!run) return this.fenced();
    if (t.journal) {
      this.stepCount = t.journal.seq;
      this.ctx.countStep();
    }
    this.status = t.status === 'compensating' ? 'compensating' : this.status;
    if (t.release) this.lost = true; // no longer ours
    return true;
  }

  private async finishCompleted(data: string, state: MachineState, lastStep?: JournalEntry): Promise<void> {
    await this.change({
      status: 'completed',
      state,
      error: null,
      responseXml: renderResponse('completed', data),
      release: true,
      finished: true,
      journal: lastStep,
      audit: [{ action: 'run.completed', details: { steps: lastStep ? lastStep.seq : this.stepCount } }],
    });
  }

  /** The worker as its parallel branches see it (parallel-branches.ts). */
  private branchHost(): BranchHost {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the host's getters read the worker's live fields
    const w = this;
    return {
      program: this.run.program,
      get lost() {
        return w.lost;
      },
      get stepCount() {
        return w.stepCount;
      },
      stepInDoubt: this.stepInDoubt,
      takeovers: this.attempts,
      leaf: (op) => this.ctx.resolver.leaf(op.namespace, op.procedure),
      leaseHeld: () => this.mayContinue(),
      leaseFresh: () => this.leaseFresh(),
      leaseTtlMs: this.leaseTtlMs,
      resumeState: this.state,
      // The usual lease is what the worker counts on: the next check after the evaluation renews it.
      holdLease: async (ms) => (await renewLease(this.ctx.leasePool, this.lease, this.leaseTtlMs + ms)) || this.fenced(),
      draining: () => this.ctx.draining(),
      release: async () => {
        await releaseLease(this.ctx.pool, this.lease, false);
        this.lost = true;
      },
      attempt: (call, leaf, stepSeq, attempt) =>
        this.attemptCall({ kind: 'call', pc: call.pc, op: call.op, input: call.input!, executeData: call.executeData! }, leaf, stepSeq, attempt),
      abandoned: () => this.abandonedAttempt(),
      entry: (call, leaf, seq, attempt, a) => this.entry('execute', call.pc, call.op, leaf, seq, attempt, call.input ?? null, a),
      record: async (entries, state) => {
        if (!(await recordSteps(this.ctx.pool, this.lease, this.stepCount, entries, state))) return this.fenced();
        entries.forEach(() => this.ctx.countStep());
        this.stepCount = entries[entries.length - 1].seq;
        if (state) this.state = state;
        return true;
      },
      finish: (data, state, last) => this.finishCompleted(data, state, last),
      failUnhandled: (error, entry, state) => this.failUnhandled(error, entry, state),
    };
  }

  /** An unhandled failure: park for an operator, or compensate. */
  private async failUnhandled(runError: RunError, entry?: JournalEntry, state?: MachineState): Promise<void> {
    const stepInDoubt = entry ? entry.outcomeUnknown : this.stepInDoubt;
    if (this.run.onFailure === 'park') {
      // The state stays before the failed call (or calls, with parallel branches), so an
      // operator's retry re-executes it.
      await this.change({
        status: 'parked',
        ...(state && { state }),
        error: runError,
        responseXml: renderResponse('parked', this.state.frames[0], runError),
        parkedReason: `${runError.code}: ${runError.message}`.slice(0, 1000),
        stepInDoubt,
        release: true,
        finished: false,
        journal: entry,
        audit: [{ action: 'run.parked', outcome: 'failure', details: { error: runError } }],
      });
      return;
    }
    this.runError = runError;
    if (!(await this.change({ status: 'compensating', error: runError, stepInDoubt, release: false, finished: false, journal: entry, audit: [] }))) return;
    this.attempts = 0;
    await this.compensate();
  }

  /** Runs the pending rollbacks newest first, then ends the run failed (or needs_attention). */
  // eslint-disable-next-line max-lines-per-function -- see the exception at the top of this file
  private async compensate(): Promise<void> {
    const journal = await readJournal(this.ctx.pool, this.run.id);
    const pending = pendingRollbacks(journal);
    const rolledBackBefore = journal.filter((r) => r.phase === 'rollback' && r.status === 'completed').length;
    for (const step of pending) {
      // Retries of one rollback go through back-off and re-claim, like steps.
      if (!(await this.mayContinue())) return;
      const leaf = this.ctx.resolver.leaf(step.namespace, step.procedure);
      const policy = retryPolicyOf({}, leaf);
      const attempt = this.attempts + 1;
      const seq = this.stepCount + 1;
      const a = attempt > policy.maxAttempts + TAKEOVER_SLACK ? this.abandonedAttempt() : await this.attemptRollback(step, leaf, seq, attempt);
      if (this.lost) return;
      const entry = this.entry('rollback', step.pc, step, leaf, seq, attempt, step.input, a, step.seq);
      entry.naturalKey = step.naturalKey;
      if (a.ok) {
        if (!(await this.record(entry, { attempts: 0, stepInDoubt: false, stepCount: seq }))) return;
        this.attempts = 0;
        continue;
      }
      const error = a.error!;
      if (error.retryable && attempt < policy.maxAttempts) {
        const delay = backoffMs(attempt, policy);
        if (await this.record(entry, { attempts: attempt, stepInDoubt: false, stepCount: seq, backoffMs: delay })) this.ctx.wakeIn(delay);
        this.lost = true;
        return;
      }
      const stuck: RunError = {
        code: error.code,
        message: error.message,
        retryable: error.retryable,
        phase: 'rollback',
        namespace: step.namespace,
        procedure: step.procedure,
        path: step.path,
        stepSeq: seq,
        details: { ...(error.details ?? {}), compensatesSeq: step.seq, ...(this.runError ? { failure: this.runError } : {}) },
      };
      this.log.warn({ code: error.code, step: step.path }, 'compensation failed; the run needs attention');
      await this.change({
        status: 'needs_attention',
        error: stuck,
        responseXml: renderResponse('needs_attention', this.state.frames[0], stuck),
        release: true,
        finished: true,
        journal: entry,
        audit: [{ action: 'run.needs_attention', outcome: 'failure', details: { error: stuck, pendingRollbacks: pending.length - pending.indexOf(step) } }],
      });
      return;
    }
    if (this.lost) return;
    const rolledBack = rolledBackBefore + pending.length;
    const audit: AuditSpec[] = [];
    if (rolledBack > 0) audit.push({ action: 'run.compensated', details: { rolledBack: pending.length } });
    audit.push({ action: 'run.failed', outcome: 'failure', details: { error: this.runError } });
    await this.change({
      status: 'failed',
      responseXml: renderResponse('failed', this.state.frames[0], this.runError),
      release: true,
      finished: true,
      audit,
    });
  }

  private async attemptRollback(step: JournalRow, leaf: LeafProcedure | undefined, seq: number, attempt: number): Promise<Attempt> {
    const startedAt = new Date();
    const t0 = performance.now();
    try {
      if (!leaf) throw new ProviderError('PROCEDURE_UNAVAILABLE', `no provider on this engine implements ${step.namespace}.${step.procedure}`, false);
      if (!leaf.rollback) throw new ProviderError('ROLLBACK_UNAVAILABLE', `${step.namespace}.${step.procedure} has no rollback`, false);
      const input = leaf.parseInput(step.input ?? {});
      const pctx: ProcedureContext = { runId: this.run.id, stepSeq: seq, attempt, engineId: this.ctx.engineId, organizationId: this.run.organizationId };
      await withTimeout(
        Promise.resolve().then(() => leaf.rollback!(input, step.rollbackData ?? undefined, pctx)),
        this.ctx.stepTimeoutMs,
      );
      return {
        ok: true,
        output: {},
        naturalKey: step.naturalKey,
        outcomeUnknown: false,
        startedAt,
        finishedAt: new Date(),
        durationMs: performance.now() - t0,
      };
    } catch (e) {
      const c = classify(e);
      return {
        ok: false,
        error: c.error,
        naturalKey: step.naturalKey,
        outcomeUnknown: c.outcomeUnknown,
        startedAt,
        finishedAt: new Date(),
        durationMs: performance.now() - t0,
      };
    }
  }
}
