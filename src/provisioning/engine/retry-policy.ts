import type { CallOp } from '../language/program';
import type { LeafProcedure, RetryPolicy } from '../providers/provider';

/** Used when no provider implements a procedure (the failure is not retryable anyway). */
const NO_RETRY: RetryPolicy = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 };

/** The retry policy of a call: the procedure's, with the `retries` attribute of the execute element overriding the count. */
export function retryPolicyOf(op: Pick<CallOp, 'retries'>, leaf: Pick<LeafProcedure, 'retry'> | undefined): RetryPolicy {
  const base = leaf?.retry ?? NO_RETRY;
  if (op.retries === undefined || op.retries === null) return base;
  return { ...base, maxAttempts: Math.max(1, Math.floor(op.retries) + 1) };
}

/**
 * Delay before attempt `failedAttempt + 1`: baseDelay doubled per failed attempt, capped at
 * maxDelay, with ±25% jitter so runs that failed together do not retry in lockstep.
 */
export function backoffMs(failedAttempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exp = policy.baseDelayMs * 2 ** Math.max(0, failedAttempt - 1);
  const capped = Math.min(policy.maxDelayMs, exp);
  return Math.max(0, Math.round(Math.min(policy.maxDelayMs, capped * (0.75 + 0.5 * random()))));
}

/**
 * Attempts beyond the policy that a step may still be *started* after takeovers. A takeover
 * counts as an attempt (the in-flight step may have run), so a step that kills its engine every
 * time ends failed instead of looping forever; two spare attempts keep one unlucky crash from
 * failing a step that allows no retry.
 */
export const TAKEOVER_SLACK = 2;
