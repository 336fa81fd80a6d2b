import type { CallOp, CallOutcome, MachineState, ParallelMachine, Program, ReadyCall } from '../language/program';
import type { LeafProcedure } from '../providers/provider';
import { backoffMs, retryPolicyOf, TAKEOVER_SLACK } from './retry-policy';
import type { RunError } from './run-row';
import type { JournalEntry } from './step-journal';

/**
 * The engine side of a parallel forEach (`parallel="N"`, language/program.ts ParallelMachine):
 * the worker starts every call the machine offers (up to the forEach's limit), and handles their
 * results in the order they settle. Each result is one journaled step, numbered in completion
 * order; the results that settled while the previous write was under way are journaled together,
 * in one fenced statement with the machine state after the last of them (a write per step would
 * cap a run at one step per round trip: 17 steps/s for 1,000 users on a busy machine, whose state
 * is rewritten with every write). Compensation (newest seq first) undoes in reverse completion
 * order, and a takeover resumes from the last journaled state: every branch whose call had not
 * been journaled executes it again (the provider calls are idempotent by natural key, as after
 * any crash).
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
  /**
   * With calls in flight: is the lease still ours (renewed if the heartbeat fell behind: the
   * heartbeat skips a run whose row a journal write holds, and a busy run writes all the time)?
   */
  leaseFresh(): Promise<boolean>;
  /**
   * Holds the lease `ms` longer than usual from now, to cover an evaluation that blocks this
   * process (false: lost). The worker keeps counting on its usual lease only, so the first
   * renewal after the evaluation is fenced as always.
   */
  holdLease(ms: number): Promise<boolean>;
  readonly leaseTtlMs: number;
  /** The machine state the run resumes from (its size bounds the first evaluation's cost). */
  readonly resumeState: MachineState;
  draining(): boolean;
  /** Gives the run back (drain); the worker ends. */
  release(): Promise<void>;
  attempt(call: ReadyCall, leaf: LeafProcedure | undefined, stepSeq: number, attempt: number): Promise<BranchAttempt>;
  abandoned(): BranchAttempt;
  entry(call: ReadyCall, leaf: LeafProcedure | undefined, seq: number, attempt: number, a: BranchAttempt): JournalEntry;
  /** A fenced journal write of consecutive attempts with the machine state after the last (omitted: unchanged). */
  record(entries: JournalEntry[], state?: MachineState): Promise<boolean>;
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

/**
 * A generous bound of the first evaluation's cost per character of the frames it parses and copies
 * (see run()): about 4 µs on a busy core (1,000 users' data, 116 KB, parsed and copied into the
 * composite's frame in 0.5 s at load 16), five times that at load 40.
 */
const FIRST_EVALUATION_MS_PER_CHAR = 0.02;

/** Characters of XML the machine parses when it resumes from `state`. */
export function frameChars(state: MachineState): number {
  let n = 0;
  for (const f of state.frames) n += f.length;
  for (const b of state.region?.branches ?? []) for (const f of b.frames) n += f.length;
  return n;
}

/** One settled result, as the machine took it: its journal entry and what follows. */
interface Applied {
  entry: JournalEntry;
  /** A retryable failure: the call runs again after `delayMs` (the state is unchanged). */
  retry?: { flight: InFlight; delayMs: number };
  /** The run ends with this entry: completed with `data`, or an unhandled failure. */
  end?: { kind: 'finish'; data: string } | { kind: 'unhandled' };
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
  private readonly flights = new Map<number, InFlight>();
  /** Results settled and not yet handled, in the order they settled. */
  private inbox: Settled[] = [];
  private wake?: () => void;
  /** The journal write of the last batch, while it is under way. */
  private writing?: Promise<boolean>;
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
    // The first evaluation parses the run's data and opens its frames (the composite's copy of
    // the data, the branches'): for 1,000 users about 0.5 s of a busy core, more on a loaded
    // machine, in one synchronous stretch the heartbeat cannot interrupt. Past the lease another
    // engine would take the run over and pay the same cost, and so on. Hold the lease for it.
    const firstEvaluationMs = frameChars(this.host.resumeState) * FIRST_EVALUATION_MS_PER_CHAR;
    if (firstEvaluationMs > this.host.leaseTtlMs / 3 && !(await this.host.holdLease(firstEvaluationMs))) return;
    for (;;) {
      if (this.host.lost) return;
      const ready = this.machine.ready();
      if (ready.kind === 'done') {
        // Only reachable with nothing in flight (a branch with a started call is never finished).
        if (!(await this.written())) return;
        await this.host.finish(ready.data, this.machine.snapshot());
        return;
      }
      // With nothing in flight there is nothing to overlap the write with: it ends first.
      if (!this.flights.size && !(await this.written())) return;
      // Checked after the evaluation, right before calls start (a lease lost meanwhile stops here).
      if (this.flights.size > 0 && !(await this.host.leaseFresh())) return;
      const mayStart = !this.host.draining() && (this.flights.size > 0 || (await this.host.leaseHeld()));
      if (this.host.lost) return;
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
        if (await this.written()) await this.host.release();
        return;
      }
      // Every result that settled meanwhile is journaled in one write (one batch per round trip).
      if (!this.inbox.length) await new Promise<void>((resolve) => (this.wake = resolve));
      const batch = this.inbox;
      this.inbox = [];
      for (const s of batch) this.flights.delete(s.flight.call.pc);
      if (this.host.lost) return;
      if (!(await this.handle(batch))) return;
    }
  }

  /** Starts the ready calls not in flight and not held back by their natural key. */
  private async startReady(calls: ReadyCall[]): Promise<'started' | 'again' | 'stop'> {
    const waiting = new Set<string>();
    for (const flight of this.flights.values()) if (flight.key !== null) waiting.add(flight.key);
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
        return (await this.handle([{ flight: { call, leaf, key: null, attempt: 1, inDoubt: false }, result }])) ? 'again' : 'stop';
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
    this.flights.set(flight.call.pc, flight);
    void (async () => {
      if (delayMs > 0) await sleep(delayMs);
      const result = abandon ? this.host.abandoned() : await this.host.attempt(flight.call, flight.leaf, stepSeq, flight.attempt);
      this.inbox.push({ flight, result });
      this.wake?.();
      this.wake = undefined;
    })();
  }

  /**
   * Settled attempts, in the order they settled: each goes to the machine (or is retried) and is
   * journaled, numbered in that order, all in one fenced write with the state after the last. A
   * result that ends the run is written by the run's status change (the ones before it first).
   * False: the worker ends.
   */
  private async handle(batch: Settled[]): Promise<boolean> {
    if (!(await this.written())) return false;
    const after = this.host.stepCount;
    const entries: JournalEntry[] = [];
    const retries: NonNullable<Applied['retry']>[] = [];
    for (const [i, settled] of batch.entries()) {
      // The state the entries so far leave (cheap: unchanged frames keep their serialized form).
      const before = entries.length ? this.machine.snapshot() : undefined;
      const applied = this.apply(settled, after + i + 1, i === batch.length - 1);
      if (applied.end) {
        if (entries.length && !(await this.host.record(entries, before))) return false;
        const state = this.machine.snapshot();
        if (applied.end.kind === 'finish') await this.host.finish(applied.end.data, state, applied.entry);
        else await this.host.failUnhandled(this.failure!, applied.entry, state);
        return false;
      }
      entries.push(applied.entry);
      if (applied.retry) retries.push(applied.retry);
    }
    // Only failed attempts to retry: the state is unchanged, not written again.
    const state = retries.length < entries.length ? this.machine.snapshot() : undefined;
    // The write goes on while the calls these results made ready start (run()); the next write,
    // status change or release waits for it. If it is fenced off, the worker ends as it would
    // with any call in flight; the calls it started had not been journaled and run again on the
    // next holder, as after a crash. A retry keeps its call's place from now (no second start).
    const writing = this.host.record(entries, state);
    writing.catch(() => undefined); // awaited by written()
    this.writing = writing;
    for (const r of retries) this.launch(r.flight, r.delayMs);
    return true;
  }

  /** Waits for the journal write under way, if any; false when it was fenced off. */
  private async written(): Promise<boolean> {
    const writing = this.writing;
    this.writing = undefined;
    return writing ? writing : true;
  }

  /** One settled attempt handed to the machine (or kept for a retry); `last`: nothing else is pending. */
  private apply({ flight, result }: Settled, seq: number, last: boolean): Applied {
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
        return this.failed(flight, entry, last, {
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
      return this.settledAs(outcome, entry, last);
    }
    const error = result.error!;
    entry.outcomeUnknown = flight.inDoubt || result.outcomeUnknown;
    const policy = retryPolicyOf(call.op, leaf);
    if (error.retryable && flight.attempt < policy.maxAttempts) {
      // Journal the failed attempt (the state is unchanged) and try again after the back-off.
      return {
        entry,
        retry: { flight: { ...flight, attempt: flight.attempt + 1, inDoubt: entry.outcomeUnknown }, delayMs: backoffMs(flight.attempt, policy) },
      };
    }
    return this.failed(flight, entry, last, {
      code: error.code,
      message: error.message,
      retryable: error.retryable,
      phase: 'execute',
      namespace: call.op.namespace,
      procedure: call.op.procedure,
      path: call.op.path,
      stepSeq: seq,
      ...(error.details ? { details: error.details } : {}),
    });
  }

  private failed(flight: InFlight, entry: JournalEntry, last: boolean, runError: RunError): Applied {
    let outcome: CallOutcome;
    try {
      outcome = this.machine.failCall(flight.call.pc);
    } catch {
      outcome = 'unhandled';
    }
    // 'continue': the forEach is failing and waits for its other calls; the first failure stands.
    if (outcome !== 'caught') this.failure ??= runError;
    return this.settledAs(outcome, entry, last);
  }

  private settledAs(outcome: CallOutcome, entry: JournalEntry, last: boolean): Applied {
    if (outcome === 'unhandled') return { entry, end: { kind: 'unhandled' } };
    if (outcome === 'caught') this.failure = undefined;
    // The last step commits together with the completion (one transaction fewer per run).
    const peek = last && !this.flights.size ? this.machine.ready() : undefined;
    if (peek?.kind === 'done') return { entry, end: { kind: 'finish', data: peek.data } };
    return { entry };
  }
}

/** Does the program hold a parallel forEach (then the worker drives it through ParallelBranches)? */
export function hasParallel(program: Program): boolean {
  return program.ops.some((op) => op.op === 'fork' && op.limit > 1);
}
