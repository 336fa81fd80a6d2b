import type { Pool } from 'pg';

/** Run statuses nothing happens after (an operator may still act on needs_attention). */
export const TERMINAL_RUN_STATUSES = ['completed', 'failed', 'needs_attention', 'cancelled', 'resolved'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits (the storm still blowing, if the caller keeps it on) until every run stopped; returns a
 * problem line when the timeout passed first. Database errors are waited out (it may be
 * restarting or failing over).
 */
export async function waitForTerminalRuns(pool: Pool, timeoutMs: number, log: (line: string) => void): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    let rows: { status: string; n: number }[] = [];
    try {
      rows = (await pool.query(`SELECT status, count(*)::int AS n FROM provisioning_runs GROUP BY status ORDER BY status`)).rows;
    } catch {
      /* the database may still be coming back */
    }
    const open = rows.filter((r) => !TERMINAL_RUN_STATUSES.includes(r.status)).reduce((a, r) => a + r.n, 0);
    const line = rows.map((r) => `${r.status}=${r.n}`).join(' ');
    if (line !== last) log(`runs: ${line}`);
    last = line;
    if (rows.length && open === 0) return undefined;
    if (Date.now() > deadline) return `runs still not terminal after the timeout: ${line}`;
    await sleep(500);
  }
}
