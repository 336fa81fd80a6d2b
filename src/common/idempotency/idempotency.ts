import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { canonicalJson } from '../canonical-json';
import { ProblemError } from '../errors/problem';
import type { Sql } from '../../database/sql';
import { queryRows, sqlOf } from '../../database/sql';

/** The advisory lock of a key being acted on (`$1` = scope + newline + key), 64 bits of hash. */
export const IDEMPOTENCY_LOCK_SQL = `hashtextextended($1, 7242)`;

export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** Keys are kept at least this long (API.md: at least 24 h). */
const RETENTION = '48 hours';
/** An in-flight claim older than this is considered abandoned (its process died) and may be taken over. */
const STALE_IN_FLIGHT_SECONDS = 60;

export interface StoredResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export type IdempotencyClaim =
  | { kind: 'none' }
  | { kind: 'claimed'; scope: string; key: string; hash: string }
  | { kind: 'replay'; response: StoredResponse };

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n`).update(canonicalJson(body ?? null)).digest('hex');
}

export function checkIdempotencyKey(key: string): void {
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) throw new ProblemError('INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1-255 visible ASCII characters');
}

function inFlight(): ProblemError {
  return new ProblemError('IDEMPOTENCY_KEY_IN_FLIGHT', 'The first request with this key is still being processed', {}, { 'Retry-After': '1' });
}

/** The stored answer for a key, or the 422 when the key came with another request. */
function replayOf(row: any, hash: string): IdempotencyClaim {
  if (row.request_hash !== hash) throw new ProblemError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request');
  return { kind: 'replay', response: { status: row.response_status, body: row.response_body, headers: row.response_headers ?? {} } };
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
  constructor(private readonly ds: DataSource) {}

  async claim(scope: string, key: string | undefined, hash: string): Promise<IdempotencyClaim> {
    if (key === undefined) return { kind: 'none' };
    checkIdempotencyKey(key);
    const inserted: any[] = await queryRows(this.ds, 
      `INSERT INTO idempotency_keys (scope, key, request_hash, state, expires_at)
       VALUES ($1, $2, $3, 'in_flight', now() + interval '${RETENTION}')
       ON CONFLICT (scope, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, state = 'in_flight', updated_at = now(), expires_at = EXCLUDED.expires_at,
             response_status = NULL, response_body = NULL, response_headers = NULL
         WHERE idempotency_keys.expires_at < now()
            OR (idempotency_keys.state = 'in_flight' AND idempotency_keys.updated_at < now() - make_interval(secs => ${STALE_IN_FLIGHT_SECONDS}))
       RETURNING key`,
      [scope, key, hash],
    );
    if (inserted.length) return { kind: 'claimed', scope, key, hash };
    const rows: any[] = await queryRows(this.ds, `SELECT * FROM idempotency_keys WHERE scope = $1 AND key = $2`, [scope, key]);
    const row = rows[0];
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
    const locked = await sql.query<{ locked: boolean }>(`SELECT pg_try_advisory_xact_lock(${IDEMPOTENCY_LOCK_SQL}) AS locked`, [`${scope}\n${key}`]);
    if (!locked.rows[0].locked) throw inFlight();
    const row = (
      await sql.query(
        `SELECT request_hash, state, response_status, response_body, response_headers,
                state = 'in_flight' AND updated_at > now() - make_interval(secs => ${STALE_IN_FLIGHT_SECONDS}) AS live
           FROM idempotency_keys WHERE scope = $1 AND key = $2 AND expires_at > now()`,
        [scope, key],
      )
    ).rows[0];
    if (!row || (row.state === 'in_flight' && !row.live)) return { kind: 'claimed', scope, key, hash };
    if (row.state === 'in_flight' && row.request_hash === hash) throw inFlight();
    return replayOf(row, hash);
  }

  /** Stores the response in the caller's transaction: it exists exactly when the resource does. */
  async complete(sql: Sql, claim: IdempotencyClaim, response: StoredResponse): Promise<void> {
    if (claim.kind !== 'claimed') return;
    await sql.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, state, response_status, response_body, response_headers, expires_at)
       VALUES ($1, $2, $3, 'done', $4, $5::jsonb, $6::jsonb, now() + interval '${RETENTION}')
       ON CONFLICT (scope, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, state = 'done', response_status = EXCLUDED.response_status,
             response_body = EXCLUDED.response_body, response_headers = EXCLUDED.response_headers,
             updated_at = now(), expires_at = EXCLUDED.expires_at`,
      [claim.scope, claim.key, claim.hash, response.status, JSON.stringify(response.body), JSON.stringify(response.headers)],
    );
  }

  /** The request failed and created nothing: free the key. */
  async abandon(claim: IdempotencyClaim): Promise<void> {
    if (claim.kind !== 'claimed') return;
    await queryRows(this.ds, `DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND state = 'in_flight'`, [claim.scope, claim.key]);
  }

  /** Housekeeping: forget expired keys. */
  async purgeExpired(): Promise<number> {
    return (await sqlOf(this.ds).query(`DELETE FROM idempotency_keys WHERE expires_at < now() - interval '1 hour'`)).rowCount;
  }
}
