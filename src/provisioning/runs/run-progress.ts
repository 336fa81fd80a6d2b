import type { Sql } from '../../database/sql';
import { createMachine, initialState } from '../language/machine';
import type { CompiledRequest, MachineState, Program } from '../language/program';
import type { RunError } from '../engine/run-row';
import type { RunStatus } from '../engine/run-status';
import { findDocuments, findProgress, findSteps, lockRun } from './runs.store';
import { type CurrentStepView, type StepView, stepView } from './runs.views';

/**
 * What other modules may know of runs, as functions over the caller's SQL handle (orders show
 * their run's progress, timeline and documents): they never read provisioning_runs or
 * provisioning_steps themselves. Callers check access to the run (through their own row) first.
 */

/**
 * The call a run executes next: the program machine is pure, so running its structural ops from
 * the stored state answers exactly (the stored pc may sit on a `when` or an `enter`).
 */
export function nextCall(program: Program, state: MachineState): CurrentStepView | undefined {
  try {
    const next = createMachine(program, state).next();
    if (next.kind === 'call') return { pc: next.pc, path: next.op.path, namespace: next.op.namespace, procedure: next.op.procedure };
  } catch {
    /* a mapping problem: the engine reports it when it gets there */
  }
  return undefined;
}

export interface RolledBackStep {
  path: string;
  namespace: string;
  procedure: string;
  /** completed, or failed (a compensation that got stuck). */
  status: 'completed' | 'failed';
}

export interface RunProgress {
  runId: string;
  status: RunStatus;
  error: RunError | null;
  /** Execute steps completed so far. */
  stepsDone: number;
  /** Calls in the compiled program (a forEach counts each item). */
  stepsTotal: number;
  /** The call it executes next (queued, running and parked runs). */
  currentStep: CurrentStepView | null;
  /** Every rollback attempt, in journal order. */
  rolledBack: RolledBackStep[];
}

/**
 * The progress of a run created from `compiled` in the caller's transaction, as `runProgress`
 * would read it back before that transaction ends (queued, nothing done), without reading back
 * the program it just wrote.
 */
export function queuedRunProgress(runId: string, compiled: CompiledRequest): RunProgress {
  return {
    runId,
    status: 'queued',
    error: null,
    stepsDone: 0,
    stepsTotal: compiled.program.callCount ?? 0,
    currentStep: nextCall(compiled.program, initialState(compiled)) ?? null,
    rolledBack: [],
  };
}

/** The progress of each run, by id (missing ids are absent from the map); one statement. */
export async function runProgress(sql: Sql, runIds: readonly string[]): Promise<Map<string, RunProgress>> {
  const out = new Map<string, RunProgress>();
  if (!runIds.length) return out;
  for (const r of await findProgress(sql, runIds)) {
    out.set(r.id, {
      runId: r.id,
      status: r.status,
      error: r.error ?? null,
      stepsDone: r.steps_done,
      stepsTotal: r.steps_total ?? 0,
      currentStep: r.program && r.state ? (nextCall(r.program, r.state) ?? null) : null,
      rolledBack: r.rolled_back,
    });
  }
  return out;
}

/** The timeline of a run: every attempt of every step and rollback, in order. */
export async function runTimeline(sql: Sql, runId: string): Promise<StepView[]> {
  return (await findSteps(sql, runId)).map(stepView);
}

/** The request document a run executes and its response once it stopped; undefined for an unknown run. */
export async function runDocuments(sql: Sql, runId: string): Promise<{ status: RunStatus; requestXml: string; responseXml: string | null } | undefined> {
  const r = await findDocuments(sql, runId);
  return r && { status: r.status, requestXml: r.request_xml, responseXml: r.response_xml };
}

/** Locks a run in the caller's transaction and says whether it started (e.g. before cancelling it with cancelQueuedRun). */
export async function lockRunState(sql: Sql, runId: string): Promise<{ status: RunStatus; started: boolean } | undefined> {
  const r = await lockRun(sql, runId);
  return r && { status: r.status, started: r.started_at !== null };
}
