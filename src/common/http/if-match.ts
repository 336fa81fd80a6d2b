import { ProblemError } from '../errors/problem';

/**
 * The version an `If-Match` header names (our ETags are strong: `"<version>"`), undefined without
 * one or for `*` (any current representation). If-Match uses the strong comparison (RFC 9110
 * §13.1.1): a weak validator `W/"1"` never matches, so it is answered 412 like a stale one.
 */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (value === '*') return undefined;
  if (value.startsWith('W/'))
    throw new ProblemError('PRECONDITION_FAILED', 'If-Match compares strongly (RFC 9110): a weak ETag (W/"…") never matches; send the ETag as returned');
  const m = /^"(\d{1,15})"$/.exec(value);
  if (!m) throw new ProblemError('PRECONDITION_FAILED', 'If-Match must be an ETag returned by this API ("<version>")');
  return Number(m[1]);
}
