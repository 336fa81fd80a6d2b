import { ProblemError } from '../errors/problem';

/** The version an `If-Match` header names (our ETags are `"<version>"`), or undefined without one. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!m) throw new ProblemError('PRECONDITION_FAILED', 'If-Match must be an ETag returned by this API');
  return Number(m[1]);
}
