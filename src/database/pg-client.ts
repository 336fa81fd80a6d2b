import type { Pool, PoolClient } from 'pg';

/**
 * A pooled client checked out for a transaction, with an 'error' listener for as long as it is
 * out. pg-pool listens for errors only on idle clients: a checked-out client that loses its
 * server between two statements (a PostgreSQL restart sends "terminating connection" right away)
 * emits 'error' with nobody listening, and Node ends the process. With the listener the pending
 * or next statement fails instead, the caller handles it, and the client is destroyed on release.
 */
export async function withClient<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let failed: Error | undefined;
  const onError = (err: Error) => {
    failed = err;
  };
  client.on('error', onError);
  try {
    return await fn(client);
  } catch (e) {
    failed ??= e instanceof Error && isConnectionError(e) ? e : undefined;
    throw e;
  } finally {
    client.removeListener('error', onError);
    client.release(failed ?? undefined);
  }
}

/** A transaction on its own client (BEGIN … COMMIT; ROLLBACK on error, the client dropped if even that fails). */
export async function inClientTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  return withClient(pool, async (client) => {
    await client.query('BEGIN');
    try {
      const out = await fn(client);
      await client.query('COMMIT');
      return out;
    } catch (e) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        // The connection is gone: make withClient destroy it rather than return it to the pool.
        throw Object.assign(e instanceof Error ? e : new Error(String(e)), { connectionLost: rollbackError });
      }
      throw e;
    }
  });
}

function isConnectionError(e: Error & { code?: string; connectionLost?: unknown }): boolean {
  if (e.connectionLost) return true;
  const code = e.code ?? '';
  return !code || /^E[A-Z]+$/.test(code) || code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03';
}
