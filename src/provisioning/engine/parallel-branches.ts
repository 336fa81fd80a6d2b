import type { CallOp, CallOutcome, MachineState, ParallelMachine, Program, ReadyCall } from '../language/program';
import type { LeafProcedure } from '../providers/provider';
import { backoffMs, retryPolicyOf, TAKEOVER_SLACK } from './retry-policy';
import type { RunError } from './run-row';
import type { JournalEntry } from './step-journal';

/**
 * The engine side of a parallel forEach (`parallel="N"`, language/program.ts ParallelMachine):
 * the worker starts every call the machine offers (up to the forEach's limit), and handles their
 * results one at a time as they settle. Each result is one journaled, fenced step, numbered in
 * completion order, with the machine state after it — so compensation (newest seq first) undoes
 * in reverse completion order, and a takeover resumes from the last journaled state: every
 * branch whose call had not been journaled executes it again (the provider calls are idempotent
 * by natural key, as after any crash).
 *
 * Retries of a branch's call wait in this worker (the run's other branches keep going) instead
 * of releasing the run, and two calls with one natural key never run at once: the later
 * iteration's call waits for the earlier one.
 */

/** An attempt's outcome, as RunWorker.attemptCall measures it. */
export interface BranchAttempt {
  ok: boolean;
  output?: Record<string, unknown>;
  naturalKey: string | null;
  error?: { code: string; message: string; retryable: boolean; details?: Record<string, unknown> };
  outcomeUnknown: boolean;
  startedAt: Date;
  finishedAt: Date;
  durationMs: number;
}

/** What the parallel loop needs from its RunWorker. */
export interface BranchHost {
  readonly program: Program;
  /** Set once the lease is lost or given back: stop at once, write nothing. */
  readonly lost: boolean;
  /** Journal seq of the last recorded step. */
  readonly stepCount: number;
  /** The claim found the run taken over while running: the calls in flight then may have run. */
  readonly stepInDoubt: boolean;
  /** Takeovers since the last recorded step (a call that kills its engine every time ends). */
  readonly takeovers: number;
  leaf(op: CallOp): LeafProcedure | undefined;
  /** Between steps: may new calls start (the lease is renewed if the heartbeat fell behind)? */
  leaseHeld(): Promise<boolean>;
  draining(): boolean;
  /** Gives the run back (drain); the worker ends. */
  release(): Promise<void>;
  attempt(call: ReadyCall, leaf: LeafProcedure | undefined, stepSeq: number, attempt: number): Promise<BranchAttempt>;
  abandoned(): BranchAttempt;
  entry(call: ReadyCall, leaf: LeafProcedure | undefined, seq: number, attempt: number, a: BranchAttempt): JournalEntry;
  /** A fenced journal write of one attempt with the machine state after it (omitted: unchanged). */
  record(entry: JournalEntry, state?: MachineState): Promise<boolean>;
  finish(data: string, state: MachineState, last?: JournalEntry): Promise<void>;
  failUnhandled(error: RunError, entry: JournalEntry, state: MachineState): Promise<void>;
}

interface InFlight {
  call: ReadyCall;
  leaf: LeafProcedure | undefined;
  key: string | null;
  attempt: number;
  /** A failed attempt still counts as possibly effective (an earlier attempt's outcome was unknown). */
  inDoubt: boolean;
}

interface Settled {
  flight: InFlight;
  result: BranchAttempt;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function keyOf(leaf: LeafProcedure | undefined, call: ReadyCall): string | null {
  if (!leaf || !call.input) return null;
  try {
    return leaf.naturalKey(leaf.parseInput(call.input));
  } catch {
    return null; // invalid input: the attempt fails before any provider is called
  }
}

export class ParallelBranches {
  private readonly flights = new Map<number, { flight: InFlight; settled: Promise<Settled> }>();
  /** Calls that may have been in flight on the engine that held the run before (a takeover). */
  private readonly doubtful = new Set<number>();
  /** Provider-visible step numbers: unique and increasing within this worker. */
  private stepSeqHint = 0;
  private first = true;
  /** The first unhandled failure of a failing forEach (the run's error if nothing catches it). */
  private failure?: RunError;

  constructor(
    private readonly host: BranchHost,
    private readonly machine: ParallelMachine,
  ) {}

  async run(): Promise<void> {
    for (;;) {
      if (this.host.lost) return;
      const mayStart = !this.host.draining() && (this.flights.size > 0 || (await this.host.leaseHeld()));
      if (this.host.lost) return;
      const ready = this.machine.ready();
      if (ready.kind === 'done') {
        // Only reachable with nothing in flight (a branch with a started call is never finished).
        await this.host.finish(ready.data, this.machine.snapshot());
        return;
      }
      if (this.first) {
        if (this.host.stepInDoubt) for (const c of ready.calls) this.doubtful.add(c.pc);
        this.first = false;
      }
      if (mayStart) {
        const r = await this.startReady(ready.calls);
        if (r === 'stop') return;
        if (r === 'again') continue;
      }
      if (!this.flights.size) {
        await this.host.release();
        return;
      }
      const settled = await Promise.race([...this.flights.values()].map((f) => f.settled));
      this.flights.delete(settled.flight.call.pc);
      if (this.host.lost) return;
      if (!(await this.handle(settled))) return;
    }
  }

  /** Starts the ready calls not in flight and not held back by their natural key. */
  private async startReady(calls: ReadyCall[]): Promise<'started' | 'again' | 'stop'> {
    const waiting = new Set<string>();
    for (const { flight } of this.flights.values()) if (flight.key !== null) waiting.add(flight.key);
    for (const call of calls) {
      if (this.flights.has(call.pc)) continue;
      const leaf = this.host.leaf(call.op);
      if (call.mappingError !== undefined) {
        // The input cannot be built: a non-retryable failure of the call, journaled like any.
        const now = new Date();
        const result = {
          ok: false,
          naturalKey: null,
          outcomeUnknown: false,
          error: { code: 'MAPPING_FAILED', message: call.mappingError, retryable: false },
          startedAt: now,
          finishedAt: now,
          durationMs: 0,
        };
        return (await this.handle({ flight: { call, leaf, key: null, attempt: 1, inDoubt: false }, result })) ? 'again' : 'stop';
      }
      const key = keyOf(leaf, call);
      if (key !== null && waiting.has(key)) continue;
      if (key !== null) waiting.add(key); // a later iteration's call on the same object waits for this one
      this.machine.start(call.pc);
      // A call that may have run on the engine before counts the takeovers as attempts, as a step does.
      const doubtful = this.doubtful.delete(call.pc);
      this.launch({ call, leaf, key, attempt: doubtful ? 1 + this.host.takeovers : 1, inDoubt: doubtful }, 0);
    }
    return 'started';
  }

  private launch(flight: InFlight, delayMs: number) {
    const policy = retryPolicyOf(flight.call.op, flight.leaf);
    this.stepSeqHint = Math.max(this.stepSeqHint + 1, this.host.stepCount + 1);
    const stepSeq = this.stepSeqHint;
    const abandon = flight.attempt > policy.maxAttempts + TAKEOVER_SLACK;
    const go = async (): Promise<Settled> => {
      if (delayMs > 0) await sleep(delayMs);
      const result = abandon ? this.host.abandoned() : await this.host.attempt(flight.call, flight.leaf, stepSeq, flight.attempt);
      return { flight, result };
    };
    this.flights.set(flight.call.pc, { flight, settled: go() });
  }

  /** One settled attempt: retry it, or hand it to the machine and journal it. False: the worker ends. */
  private async handle({ flight, result }: Settled): Promise<boolean> {
    const seq = this.host.stepCount + 1;
    const { call, leaf } = flight;
    const entry = this.host.entry(call, leaf, seq, flight.attempt, result);
    if (result.ok) {
      let outcome: CallOutcome;
      try {
        outcome = this.machine.completeCall(call.pc, result.output ?? {});
      } catch (e) {
        // The call took effect but its output cannot be mapped back: undo it with the rest.
        const message = e instanceof Error ? e.message : String(e);
        Object.assign(entry, { status: 'failed', outcomeUnknown: true, retryable: false, error: { code: 'OUTPUT_MAPPING_FAILED', message } });
        return this.failed(flight, entry, {
          code: 'OUTPUT_MAPPING_FAILED',
          message,
          retryable: false,
          phase: 'execute',
          namespace: call.op.namespace,
          procedure: call.op.procedure,
          path: call.op.path,
          stepSeq: seq,
        });
      }
      return this.settledAs(outcome, entry);
    }
    const error = result.error!;
    entry.outcomeUnknown = flight.inDoubt || result.outcomeUnknown;
    const policy = retryPolicyOf(call.op, leaf);
    if (error.retryable && flight.attempt < policy.maxAttempts) {
      // Journal the failed attempt (the state is unchanged) and try again after the back-off.
      if (!(await this.host.record(entry))) return false;
      this.launch({ ...flight, attempt: flight.attempt + 1, inDoubt: entry.outcomeUnknown }, backoffMs(flight.attempt, policy));
      return true;
    }
    const runError: RunError = {
      code: error.code,
      message: error.message,
      retryable: error.retryable,
      phase: 'execute',
      namespace: call.op.namespace,
      procedure: call.op.procedure,
      path: call.op.path,
      stepSeq: seq,
      ...(error.details ? { details: error.details } : {}),
    };
    return this.failed(flight, entry, runError);
  }

  private failed(flight: InFlight, entry: JournalEntry, runError: RunError): Promise<boolean> {
    let outcome: CallOutcome;
    try {
      outcome = this.machine.failCall(flight.call.pc);
    } catch {
      outcome = 'unhandled';
    }
    // 'continue': the forEach is failing and waits for its other calls; the first failure stands.
    if (outcome !== 'caught') this.failure ??= runError;
    return this.settledAs(outcome, entry);
  }

  private async settledAs(outcome: CallOutcome, entry: JournalEntry): Promise<boolean> {
    const state = this.machine.snapshot();
    if (outcome === 'unhandled') {
      await this.host.failUnhandled(this.failure!, entry, state);
      return false;
    }
    if (outcome === 'caught') this.failure = undefined;
    const peek = this.flights.size ? undefined : this.machine.ready();
    if (peek?.kind === 'done') {
      // The last step commits together with the completion (one transaction fewer per run).
      await this.host.finish(peek.data, this.machine.snapshot(), entry);
      return false;
    }
    return this.host.record(entry, state);
  }
}

/** Does the program hold a parallel forEach (then the worker drives it through ParallelBranches)? */
export function hasParallel(program: Program): boolean {
  return program.ops.some((op) => op.op === 'fork' && op.limit > 1);
}
