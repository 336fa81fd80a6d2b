import { ProviderError } from '../provider';

/**
 * The stable codes of the lab provider's ProviderErrors (what a run's errorContext shows).
 * Only LAB_TRANSIENT and LAB_UNAVAILABLE are retryable: the others describe the platform's state,
 * which retrying the same call cannot change.
 */
export const LAB_FAILURE_CODES = {
  /** A parent object the call needs does not exist (mailbox without its directory user…). */
  LAB_PREREQUISITE_MISSING: false,
  /** The natural key (domain, address, zone, URL, UPN) belongs to another organization. */
  LAB_CONFLICT: false,
  /** A delete would orphan dependent objects (an OU with users, a policy in use…). */
  LAB_IN_USE: false,
  /** The object a read or a change addresses does not exist. */
  LAB_NOT_FOUND: false,
  /** Injected transient fault (fault injection) or a simulated crash outside an engine. */
  LAB_TRANSIENT: true,
  /** Injected permanent fault. */
  LAB_PERMANENT: false,
  /**
   * The call certainly did nothing and may succeed later (no connection to the lab's store, a
   * deadlock or serialization failure). A connection lost *mid-call* is not this: it surfaces as
   * LabOutcomeUnknownError (code LAB_OUTCOME_UNKNOWN), which the engine treats as unknown outcome.
   */
  LAB_UNAVAILABLE: true,
  /** A bug or an unexpected database error inside the lab. */
  LAB_INTERNAL: false,
} as const;

export type LabFailureCode = keyof typeof LAB_FAILURE_CODES;

export function labFailure(code: LabFailureCode, message: string, details: Record<string, unknown> = {}): ProviderError {
  return new ProviderError(code, message, LAB_FAILURE_CODES[code], details);
}
