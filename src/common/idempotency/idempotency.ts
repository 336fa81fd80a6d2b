import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json';
import { ProblemError } from '../errors/problem';
import type { Sql } from '../sql';
import { deleteInFlightKey, findKey, type IdempotencyKeyRow, insertInFlightKey, storeKeyResponse, tryLockKey } from './idempotency.store';

const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export interface StoredResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export type IdempotencyClaim = { kind: 'none' } | { kind: 'claimed'; scope: string; key: string; hash: string } | { kind: 'replay'; response: StoredResponse };

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n`)
    .update(canonicalJson(body ?? null))
    .digest('hex');
}

export function checkIdempotencyKey(key: string): void {
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) throw new ProblemError('INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1-255 visible ASCII characters');
}

function inFlight(): ProblemError {
  return new ProblemError('IDEMPOTENCY_KEY_IN_FLIGHT', 'The first request with this key is still being processed', {}, { 'Retry-After': '1' });
}

/** The stored answer for a key, or the 422 when the key came with another request. */
function replayOf(row: IdempotencyKeyRow, hash: string): IdempotencyClaim {
  if (row.request_hash !== hash) throw new ProblemError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request');
  return { kind: 'replay', response: { status: row.response_status ?? 200, body: row.response_body, headers: row.response_headers ?? {} } };
}

/**
 * The IETF Idempotency-Key rules, backed by the primary key of `idempotency_keys`:
 * same key + same request → the stored response is replayed; same key + another request → 422
 * IDEMPOTENCY_KEY_REUSED; same key while the first is still in flight → 409 with Retry-After.
 *
 * Two forms:
 * - `claimInTransaction` (orders): everything happens in the transaction that creates the
 *   resource. "In flight" is a transaction-scoped advisory lock on the key, so it ends with that
 *   transaction however it ends — a crashed API process included: a retry is never refused
 *   because of a request that died. The answer is stored by `complete` in the same transaction.
 * - `claim` (the generic interceptor, whose handlers run their own transactions): commits an
 *   `in_flight` row at once, so a concurrent duplicate sees it; the caller stores the answer with
 *   `complete` or `abandon`s the claim when it failed. A claim whose process died is taken over
 *   after STALE_IN_FLIGHT_SECONDS.
 */
export class IdempotencyKeys {
  /** `sql`: the pool, for the claims that commit on their own (`claim`, `abandon`). */
  constructor(private readonly sql: Sql) {}

  async claim(scope: string, key: string | undefined, hash: string): Promise<IdempotencyClaim> {
    if (key === undefined) return { kind: 'none' };
    checkIdempotencyKey(key);
    if (await insertInFlightKey(this.sql, scope, key, hash)) return { kind: 'claimed', scope, key, hash };
    const row = await findKey(this.sql, scope, key);
    // Expired between the two statements: claim it again.
    if (!row) return this.claim(scope, key, hash);
    if (row.state === 'in_flight' && row.request_hash === hash) throw inFlight();
    return replayOf(row, hash);
  }

  /**
   * The claim as the first statement of the transaction that creates the resource: the key's
   * advisory lock (held until that transaction ends) or 409; then the stored answer, if any.
   */
  async claimInTransaction(sql: Sql, scope: string, key: string | undefined, hash: string): Promise<IdempotencyClaim> {
    if (key === undefined) return { kind: 'none' };
    checkIdempotencyKey(key);
    if (!(await tryLockKey(sql, scope, key))) throw inFlight();
    const row = await findKey(sql, scope, key);
    if (!row || (row.state === 'in_flight' && !row.live)) return { kind: 'claimed', scope, key, hash };
    if (row.state === 'in_flight' && row.request_hash === hash) throw inFlight();
    return replayOf(row, hash);
  }

  /** Stores the response in the caller's transaction: it exists exactly when the resource does. */
  async complete(sql: Sql, claim: IdempotencyClaim, response: StoredResponse): Promise<void> {
    if (claim.kind !== 'claimed') return;
    await storeKeyResponse(sql, claim.scope, claim.key, claim.hash, response);
  }

  /** Stores the response of a `claim` once the handler's own transaction has committed. */
  async store(claim: IdempotencyClaim, response: StoredResponse): Promise<void> {
    await this.complete(this.sql, claim, response);
  }

  /** The request failed and created nothing: free the key. */
  async abandon(claim: IdempotencyClaim): Promise<void> {
    if (claim.kind !== 'claimed') return;
    await deleteInFlightKey(this.sql, claim.scope, claim.key);
  }
}
