import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { canonicalJson } from '../canonical-json';
import { ProblemError } from '../errors/problem';
import type { Sql } from '../../database/sql';
import { queryRows, sqlOf } from '../../database/sql';

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
  | { kind: 'claimed'; scope: string; key: string }
  | { kind: 'replay'; response: StoredResponse };

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n`).update(canonicalJson(body ?? null)).digest('hex');
}

/**
 * The IETF Idempotency-Key rules, backed by the primary key of `idempotency_keys`:
 * same key + same request → the stored response is replayed; same key + another request → 422
 * IDEMPOTENCY_KEY_REUSED; same key while the first is still in flight → 409 with Retry-After.
 *
 * `claim` commits its row at once (so a concurrent duplicate sees it in flight); the caller then
 * stores the response with `complete` **inside the transaction that creates the resource**, or
 * `abandon`s the claim when that transaction fails (nothing was created, the key may be reused).
 */
export class IdempotencyKeys {
  constructor(private readonly ds: DataSource) {}

  async claim(scope: string, key: string | undefined, hash: string): Promise<IdempotencyClaim> {
    if (key === undefined) return { kind: 'none' };
    if (!IDEMPOTENCY_KEY_PATTERN.test(key)) throw new ProblemError('INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1-255 visible ASCII characters');
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
    if (inserted.length) return { kind: 'claimed', scope, key };
    const rows: any[] = await queryRows(this.ds, `SELECT * FROM idempotency_keys WHERE scope = $1 AND key = $2`, [scope, key]);
    const row = rows[0];
    if (!row) return this.claim(scope, key, hash);
    if (row.request_hash !== hash) throw new ProblemError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request');
    if (row.state === 'in_flight') throw new ProblemError('IDEMPOTENCY_KEY_IN_FLIGHT', 'The first request with this key is still being processed', {}, { 'Retry-After': '1' });
    return { kind: 'replay', response: { status: row.response_status, body: row.response_body, headers: row.response_headers ?? {} } };
  }

  /** Stores the response in the caller's transaction: it exists exactly when the resource does. */
  async complete(sql: Sql, claim: IdempotencyClaim, response: StoredResponse): Promise<void> {
    if (claim.kind !== 'claimed') return;
    await sql.query(
      `UPDATE idempotency_keys SET state = 'done', response_status = $3, response_body = $4::jsonb, response_headers = $5::jsonb, updated_at = now()
        WHERE scope = $1 AND key = $2`,
      [claim.scope, claim.key, response.status, JSON.stringify(response.body), JSON.stringify(response.headers)],
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
