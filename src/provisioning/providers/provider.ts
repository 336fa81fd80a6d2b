/**
 * The contract between the engine and the systems it provisions (README.md in this folder). A
 * provider implements every leaf procedure of the namespaces it serves (LANGUAGE.md §3), and
 * only those. Providers know nothing of runs, leases or journals; the engine knows nothing of
 * mailboxes. Drivers do not write this shape by hand: `defineProvider` (define-provider.ts)
 * builds it from the shared leaf definitions (leaves/) and the driver's execute/rollback.
 */

export type ProcedureKind = 'read' | 'write';

export interface RetryPolicy {
  /** Total attempts including the first (1 = no retry). */
  maxAttempts: number;
  /** First back-off; doubles each attempt (with jitter) up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 10_000 };

export interface ProcedureContext {
  /** The run making the call; null for a direct read outside any run (ProviderSet.read). */
  runId: string | null;
  /** Sequence number of the step in the run's journal. */
  stepSeq: number;
  /** 1 for the first try of this step, 2… for retries and re-executions after a takeover. */
  attempt: number;
  /** The engine making the call (`api` for a direct read in the API process). */
  engineId: string;
  /** Customer organization the run belongs to, when known. */
  organizationId?: string | null;
}

/**
 * An expected failure of a procedure. `retryable` decides between back-off and failing the run.
 * `code` is stable (e.g. `LAB_TRANSIENT`, `MAILBOX_ADDRESS_TAKEN`, `INVALID_INPUT`).
 */
export class ProviderError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ProviderError';
  }

  static invalidInput(message: string, details: Record<string, unknown> = {}) {
    return new ProviderError('INVALID_INPUT', message, false, details);
  }
}

export interface ExecuteResult<O = Record<string, unknown>, R = unknown> {
  /** Becomes child elements of the step's executeData, where `after` mappings find it. */
  output: O;
  /** Whatever rollback needs beyond the input (e.g. the previous quota). Journaled with the step. */
  rollback?: R;
}

/**
 * One leaf procedure. Idempotent by `naturalKey`: executing twice with the same input has the
 * effect of once (creating mailbox ann@contoso twice yields one mailbox and the same output).
 * `rollback` is idempotent too ("already gone" is success) and must work with `rollbackData`
 * undefined, from the input alone, because a step whose outcome is unknown (engine died
 * mid-call) is compensated without having journaled any rollback data.
 */
export interface LeafProcedure<I = unknown, O = Record<string, unknown>, R = unknown> {
  namespace: string;
  name: string;
  kind: ProcedureKind;
  description: string;
  /** Validates and converts the generic input (from executeData XML) into typed input; throws ProviderError.invalidInput. */
  parseInput(raw: Record<string, unknown>): I;
  /** The key that makes the call idempotent, e.g. `mailbox:ann@contoso.example`. */
  naturalKey(input: I): string;
  retry: RetryPolicy;
  /** Documented input fields for GET /v1/namespaces (name → description). */
  inputDoc?: Record<string, string>;
  execute(input: I, ctx: ProcedureContext): Promise<ExecuteResult<O, R>>;
  /** Required for `write` procedures. */
  rollback?(input: I, rollbackData: R | undefined, ctx: ProcedureContext): Promise<void>;
}

/** What `probe()` found: is the platform behind the provider reachable right now? */
export interface ProbeResult {
  ok: boolean;
  /** Short and secret-free (shown by GET /health/ready), e.g. `ldap://dir.example:389 unreachable`. */
  detail?: string;
}

/**
 * Operations that must never be journaled (no run, no step, no XML request, no audit detail
 * holds their input), keyed `Namespace.Operation`, e.g. setting an end user's password straight
 * in the directory. Drivers add their operation's signature here (declaration merging is not
 * needed: edit this interface) and implement it in `Provider.operations`; the API reaches the one
 * of the provider serving that namespace through `ProviderSet.operation(name)`.
 */
export interface ProviderOperations {
  /**
   * Sets an end user's password straight in the directory (write-only: the provider keeps at
   * most a hash). NOT_FOUND-coded ProviderError when the user does not exist.
   */
  'Directory.SetUserPassword'(input: { organizationId: string; alias: string; password: string }): Promise<void>;
}

export interface Provider {
  /** e.g. `lab`, `ldap`, `plans`. */
  name: string;
  /** Every procedure of every namespace it serves (the namespaces are those of its procedures). */
  procedures: LeafProcedure[];
  /** Out-of-band operations of the namespaces it serves. */
  operations?: Partial<ProviderOperations>;
  /**
   * What the platform holds for one customer, for operators (GET /v1/platform/objects): plain
   * JSON, never a secret. Optional; the lab answers with its state.
   */
  inventory?(organizationId: string): Promise<Record<string, unknown>>;
  /** Is the platform reachable? Called by GET /health/ready; must answer within a few seconds and never throw. */
  probe?(): Promise<ProbeResult>;
  /** Releases connections at process end. */
  close?(): Promise<void>;
}
