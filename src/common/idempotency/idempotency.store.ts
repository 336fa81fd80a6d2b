import type { Sql } from '../sql';

/** The only SQL on `idempotency_keys`. */

/** The advisory lock of a key being acted on (`$1` = scope + newline + key), 64 bits of hash. */
export const IDEMPOTENCY_LOCK_SQL = `hashtextextended($1, 7242)`;

/** Keys are kept at least this long (API.md: at least 24 h). */
const RETENTION = '48 hours';
/** An in-flight claim older than this is considered abandoned (its process died) and may be taken over. */
const STALE_IN_FLIGHT_SECONDS = 60;

export interface IdempotencyKeyRow {
  request_hash: string;
  state: 'in_flight' | 'done';
  response_status: number | null;
  response_body: unknown;
  response_headers: Record<string, string> | null;
  /** An in-flight claim younger than STALE_IN_FLIGHT_SECONDS (its request may still be running). */
  live: boolean;
}

/**
 * Claims a key with a committed `in_flight` row: inserted, or taken over when the old one expired
 * or its claim went stale. False when someone else holds it (or it is done).
 */
export async function insertInFlightKey(sql: Sql, scope: string, key: string, hash: string): Promise<boolean> {
  const r = await sql.query(
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
  return r.rowCount > 0;
}

/** The key's row while it has not expired. */
export async function findKey(sql: Sql, scope: string, key: string): Promise<IdempotencyKeyRow | undefined> {
  const r = await sql.query<IdempotencyKeyRow>(
    `SELECT request_hash, state, response_status, response_body, response_headers,
            state = 'in_flight' AND updated_at > now() - make_interval(secs => ${STALE_IN_FLIGHT_SECONDS}) AS live
       FROM idempotency_keys WHERE scope = $1 AND key = $2 AND expires_at > now()`,
    [scope, key],
  );
  return r.rows[0];
}

/** The key's transaction-scoped advisory lock, or false at once when another transaction holds it. */
export async function tryLockKey(sql: Sql, scope: string, key: string): Promise<boolean> {
  const r = await sql.query<{ locked: boolean }>(`SELECT pg_try_advisory_xact_lock(${IDEMPOTENCY_LOCK_SQL}) AS locked`, [`${scope}\n${key}`]);
  return r.rows[0].locked;
}

/** Stores the answer (and the request it answers) as done. */
export async function storeKeyResponse(
  sql: Sql,
  scope: string,
  key: string,
  hash: string,
  response: { status: number; body: unknown; headers: Record<string, string> },
): Promise<void> {
  await sql.query(
    `INSERT INTO idempotency_keys (scope, key, request_hash, state, response_status, response_body, response_headers, expires_at)
     VALUES ($1, $2, $3, 'done', $4, $5::jsonb, $6::jsonb, now() + interval '${RETENTION}')
     ON CONFLICT (scope, key) DO UPDATE
       SET request_hash = EXCLUDED.request_hash, state = 'done', response_status = EXCLUDED.response_status,
           response_body = EXCLUDED.response_body, response_headers = EXCLUDED.response_headers,
           updated_at = now(), expires_at = EXCLUDED.expires_at`,
    [scope, key, hash, response.status, JSON.stringify(response.body), JSON.stringify(response.headers)],
  );
}

/** Frees an in-flight claim whose request failed. */
export async function deleteInFlightKey(sql: Sql, scope: string, key: string): Promise<void> {
  await sql.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND state = 'in_flight'`, [scope, key]);
}
