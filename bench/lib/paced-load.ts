import * as http from 'node:http';

export interface PacedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface PacedResult {
  durationS: number;
  /** From the first due time to the last answer (longer than durationS when the server fell behind). */
  elapsedS: number;
  sent: number;
  /** Due but not sent because `maxOutstanding` requests were already waiting (an overloaded server). */
  dropped: number;
  ok: number;
  non2xx: number;
  errors: number;
  /** From each request's scheduled start (not its actual send) to the end of its answer. */
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
}

/**
 * An open-loop load at a steady rate: request i is due at start + i / rate and is sent then, whether
 * or not earlier ones were answered (up to `connections` keep-alive sockets; beyond that they wait
 * in the agent's queue, and that wait counts). Latency runs from the due time, so a slow server or
 * a late client timer shows in the figures instead of being hidden (no coordinated omission).
 *
 * autocannon's `overallRate` is not this: each connection sends its per-second quota back to back
 * at the start of every second, then pauses, so 1,000 req/s over 50 connections arrives as one
 * burst of 1,000 a second and the p99 measures how long the server takes to clear a burst.
 * A server slower than the rate builds a backlog; past `maxOutstanding` waiting requests (default
 * 500) further ones are dropped and counted, so an overloaded run ends instead of queueing for minutes.
 */
export async function pacedLoad(
  base: string,
  opts: { rate: number; durationS: number; connections: number; maxOutstanding?: number; request: (i: number) => PacedRequest },
): Promise<PacedResult> {
  const maxOutstanding = opts.maxOutstanding ?? 500;
  let outstanding = 0;
  let dropped = 0;
  let lastAnswerAt = 0;
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const total = Math.round(opts.rate * opts.durationS);
  const latencies: number[] = [];
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];

  const send = (i: number, dueAt: number) =>
    new Promise<void>((done) => {
      outstanding++;
      const resolve = () => {
        outstanding--;
        lastAnswerAt = performance.now();
        done();
      };
      const r = opts.request(i);
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          method: r.method,
          path: r.path,
          headers: r.body ? { ...r.headers, 'content-length': Buffer.byteLength(r.body) } : r.headers,
          agent,
          timeout: 10_000,
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - dueAt);
            if (res.statusCode! >= 200 && res.statusCode! < 300) ok++;
            else non2xx++;
            resolve();
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(r.body);
    });

  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < total && start + (next * 1000) / opts.rate <= now) {
        if (outstanding >= maxOutstanding) dropped++;
        else inFlight.push(send(next, start + (next * 1000) / opts.rate));
        next++;
      }
      if (next >= total) return resolve();
      setTimeout(tick, 1);
    };
    tick();
  });
  await Promise.all(inFlight);
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] * 10) / 10 : 0);
  return {
    durationS: opts.durationS,
    elapsedS: Math.max(opts.durationS, (lastAnswerAt - start) / 1000),
    sent: total - dropped,
    dropped,
    ok,
    non2xx,
    errors,
    latencyMs: {
      p50: at(0.5),
      p90: at(0.9),
      p99: at(0.99),
      max: at(1),
      mean: sorted.length ? Math.round((sorted.reduce((s, x) => s + x, 0) / sorted.length) * 100) / 100 : 0,
    },
  };
}
