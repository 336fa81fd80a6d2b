import type { Pool } from 'pg';
import { rootLogger } from '../../../common/logging/logger';
import { labFailure } from './lab-failures';
import { type FaultProbeRow, probeFaults } from './lab-faults.store';
import { FaultConfigChanged, type LabStore } from './lab.store';

export { lockLabFaults, readLabFaults, replaceLabFaults, resetLabFaults } from './lab-faults.store';

/**
 * Fault injection, configured at run time and shared by every process through the database
 * (`lab.fault_settings`, `lab.fault_rules`), so a test or an operator can make the engines — in
 * other processes — misbehave on command.
 *
 * Cost per lab call: **no statement of its own** while nothing is injected. Each process caches
 * the configuration with its version (`lab.fault_settings.version`, bumped by every replacement);
 * a call the cached configuration leaves alone (no latency, no rule for its procedure and phase,
 * the random draws below the error rates) runs at once, and its first statement carries a guard
 * that aborts the statement when the version moved on (`LabStore.guarded`). An aborted call did
 * nothing and is admitted again through the probe below. So a `PUT /v1/lab/faults` still takes
 * effect on the very next call in every process: no call commits anything against a
 * configuration older than the one its first statement sees.
 *
 * Every other call first runs the probe: one statement that atomically consumes a matching rule
 * (a conditional `UPDATE … RETURNING` on a partial index holding only rules that can still fire)
 * and returns the settings and the version with it. A rule for n calls fires exactly n times
 * however many engines race for it (the row lock serializes the decrements; the `remaining > 0`
 * recheck after the wait stops the n+1-th).
 *
 * Injected errors strike *before* the lab write (the platform refused the call; nothing happened).
 * The `exit` effect strikes *after* the write committed and before the call returns: the worst
 * case for idempotency, as the next engine re-executes a step whose effect already exists.
 */

export const FAULT_EFFECTS = ['transient', 'permanent', 'exit'] as const;
export type FaultEffect = (typeof FAULT_EFFECTS)[number];
export const FAULT_PHASES = ['execute', 'rollback'] as const;
export type FaultPhase = (typeof FAULT_PHASES)[number];

export interface FaultRule {
  /** `Namespace.Procedure`, a key of LEAF_SIGNATURES. */
  procedure: string;
  effect: FaultEffect;
  /** How many calls the rule hits. */
  times: number;
  /** Which call the rule hits: the execution (default) or the rollback of the procedure. */
  phase?: FaultPhase;
  /** Only calls for this organization (so one test's faults don't hit another test's runs). */
  organizationId?: string | null;
}

export interface FaultSettings {
  latencyMs: number;
  /** Extra random latency, uniform in [0, jitterMs]. */
  jitterMs: number;
  /** Probability (0..1) that a call fails with a retryable LAB_TRANSIENT (executions and rollbacks). */
  transientErrorRate: number;
  /** Probability (0..1) that an execution fails with a non-retryable LAB_PERMANENT (never a rollback). */
  permanentErrorRate: number;
}

export interface LabFaultConfig extends FaultSettings {
  rules: FaultRule[];
}

export interface FaultRuleView extends Required<FaultRule> {
  id: string;
  remaining: number;
  createdAt: string;
}

export interface LabFaultConfigView extends FaultSettings {
  rules: FaultRuleView[];
  updatedAt: string;
}

/** The configuration as a process last saw it. */
interface CachedConfig {
  version: string;
  /** Numeric form of the version, to keep the newest of concurrent probes. */
  order: bigint;
  latencyMs: number;
  jitterMs: number;
  transientRate: number;
  permanentRate: number;
  /** `procedure phase` of every rule that could still fire when it was read. */
  ruleKeys: Set<string>;
}

/** One call's random draws, each made at most once whichever path admits the call. */
class Draws {
  private t?: number;
  private p?: number;
  constructor(private readonly random: () => number) {}
  get transient(): number {
    return (this.t ??= this.random());
  }
  get permanent(): number {
    return (this.p ??= this.random());
  }
}

export interface FaultInjectorOptions {
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** What "exit the engine process" does; tests replace it. */
  exitProcess?: () => void;
  /** Whether this process may be killed (default: PROVISIO_ROLE === 'engine'). */
  isEngine?: () => boolean;
}

/** A fault that strikes after the call's write committed. */
export interface PendingFault {
  ruleId: string;
  procedure: string;
}

export class FaultInjector {
  private readonly log = rootLogger().child({ component: 'lab-faults' });
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly exitProcess: () => void;
  private readonly isEngine: () => boolean;
  private cached: CachedConfig | undefined;

  constructor(
    private readonly pool: Pool,
    opts: FaultInjectorOptions = {},
  ) {
    this.random = opts.random ?? Math.random;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.exitProcess = opts.exitProcess ?? (() => process.kill(process.pid, 'SIGKILL'));
    this.isEngine = opts.isEngine ?? (() => process.env.PROVISIO_ROLE === 'engine');
  }

  /**
   * Runs one lab call under fault injection: `call` gets the store to use (guarded on the fast
   * path). Injected errors are thrown before the call; an `exit` fault strikes after it returned.
   */
  async run<T>(
    procedure: string,
    phase: FaultPhase,
    organizationId: string | null | undefined,
    store: LabStore,
    call: (store: LabStore) => Promise<T>,
  ): Promise<T> {
    const draws = new Draws(this.random);
    const c = this.cached;
    if (c && this.leavesAlone(c, procedure, phase, draws)) {
      try {
        return await call(store.guarded(c.version));
      } catch (e) {
        if (!(e instanceof FaultConfigChanged)) throw e;
        // Nothing of the call happened: admit it again against the current configuration.
      }
    }
    const pending = await this.probe(procedure, phase, organizationId, draws);
    const result = await call(store);
    if (pending) this.afterWrite(pending);
    return result;
  }

  /** Would this configuration let the call through untouched (with these draws)? */
  private leavesAlone(c: CachedConfig, procedure: string, phase: FaultPhase, draws: Draws): boolean {
    if (c.latencyMs > 0 || c.jitterMs > 0 || c.ruleKeys.has(`${procedure} ${phase}`)) return false;
    if (c.transientRate > 0 && draws.transient < c.transientRate) return false;
    if (phase === 'execute' && c.permanentRate > 0 && draws.permanent < c.permanentRate) return false;
    return true;
  }

  /**
   * The probe (one statement): applies latency, throws injected errors, and returns a pending
   * `exit` fault the caller must trigger with `afterWrite` once the write has committed.
   */
  private async probe(procedure: string, phase: FaultPhase, organizationId: string | null | undefined, draws: Draws): Promise<PendingFault | null> {
    let row: FaultProbeRow | undefined;
    try {
      row = await probeFaults(this.pool, procedure, phase, organizationId ?? null);
    } catch (e) {
      // Nothing was written yet (the probe only touches fault rules): the call can simply be retried.
      throw labFailure('LAB_UNAVAILABLE', 'the lab platform store is unavailable; try again', { cause: String((e as Error)?.message ?? e).slice(0, 200) });
    }
    if (!row) return null;
    const transientRate = Number(row.transient_rate);
    const permanentRate = Number(row.permanent_rate);
    this.remember({
      version: row.version,
      order: BigInt(row.version),
      latencyMs: row.latency_ms,
      jitterMs: row.jitter_ms,
      transientRate,
      permanentRate,
      ruleKeys: new Set<string>(row.rule_keys ?? []),
    });
    const delay = row.latency_ms + (row.jitter_ms > 0 ? Math.floor(this.random() * (row.jitter_ms + 1)) : 0);
    if (delay > 0) await this.sleep(delay);
    if (row.rule_id !== null && row.rule_id !== undefined) {
      const ruleId = String(row.rule_id);
      this.log.info({ procedure, phase, ruleId, effect: row.effect }, 'lab fault rule fired');
      if (row.effect === 'transient') throw labFailure('LAB_TRANSIENT', `injected transient fault in ${procedure}`, { injected: true, ruleId });
      if (row.effect === 'permanent') throw labFailure('LAB_PERMANENT', `injected permanent fault in ${procedure}`, { injected: true, ruleId });
      return { ruleId, procedure };
    }
    if (transientRate > 0 && draws.transient < transientRate) {
      throw labFailure('LAB_TRANSIENT', `injected transient fault in ${procedure}`, { injected: true });
    }
    if (phase === 'execute' && permanentRate > 0 && draws.permanent < permanentRate) {
      throw labFailure('LAB_PERMANENT', `injected permanent fault in ${procedure}`, { injected: true });
    }
    return null;
  }

  /** Keeps the newest configuration seen (probes of concurrent calls may answer out of order). */
  private remember(c: CachedConfig) {
    if (!this.cached || c.order >= this.cached.order) this.cached = c;
  }

  /**
   * The lab write has committed: an engine process kills itself now, before the result reaches
   * its journal. Any other process (the API, a test) gets a transient error instead, which leaves
   * the caller just as uncertain about the outcome.
   */
  afterWrite(pending: PendingFault): never {
    if (this.isEngine()) {
      this.log.warn({ procedure: pending.procedure, ruleId: pending.ruleId }, 'lab fault: killing the engine process after the write committed');
      this.exitProcess();
    }
    throw labFailure('LAB_TRANSIENT', `simulated crash during ${pending.procedure} (after the write committed)`, { injected: true, ruleId: pending.ruleId });
  }
}
