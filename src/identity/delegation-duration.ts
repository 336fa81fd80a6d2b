import { ProblemError } from '../common/errors/problem';
import { parseDuration } from '../config/duration';

const DELEGATION_MIN_MS = 3_600_000;
const DELEGATION_MAX_MS = 2 * 365 * 86_400_000;

/** A delegation lasts from 1 hour to 2 years (ACCESS.md §4); anything else is DELEGATION_INVALID_DURATION. */
export function delegationDuration(duration: string): number {
  const ms = parseDuration(duration);
  if (ms === undefined || ms < DELEGATION_MIN_MS || ms > DELEGATION_MAX_MS) throw new ProblemError('DELEGATION_INVALID_DURATION');
  return ms;
}
