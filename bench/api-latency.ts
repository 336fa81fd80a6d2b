import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { freePort } from '../src/database/free-port';
import { type BenchContext, type BenchDefinition } from './lib/context';
import { summarizeProfiles } from './lib/cpu-profile';
import { cpuDelta, cpuSnapshot } from './lib/cpu';
import { ApiClient, expectStatus } from './lib/http';
import { resetStatements, startBenchDatabase, topStatements } from './lib/postgres';
import { type ApiProcess, type EngineProcess, startApi, startEngine } from './lib/processes';
import { type PacedRequest, type PacedResult, pacedLoad } from './lib/paced-load';
import { atLeast, atMost, type BenchResult, type TargetCheck } from './lib/results';
import { median, round } from './lib/stats';
import { addUserOrder, createCustomers, type Customer, subscribeAll } from './lib/tenants';

// autocannon ships no types; the bits we use.
interface CannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  latency: { p50: number; p90: number; p99: number; max: number; average: number };
  requests: { average: number; sent: number; total: number };
  throughput: { average: number };
}
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<CannonResult>;

interface Load {
  /** Requests per second achieved (2xx answers / duration). */
  rps: number;
  /** CPU ms per answered request: the server process, PostgreSQL, and autocannon (the client). */
  cpuMsPerRequest?: Record<string, number>;
  sent: number;
  /** Steady load only: due requests not sent because the server was already 500 behind. */
  dropped?: number;
  ok: number;
  non2xx: number;
  errors: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
}

function toLoad(r: CannonResult): Load {
  return {
    rps: round(r['2xx'] / r.duration),
    sent: r.requests.sent,
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, mean: round(r.latency.average, 2) },
  };
}

function fromPaced(r: PacedResult): Load {
  return { rps: round(r.ok / r.elapsedS), sent: r.sent, dropped: r.dropped, ok: r.ok, non2xx: r.non2xx, errors: r.errors, latencyMs: r.latencyMs };
}

/**
 * Waits until the API has drained earlier load and its cached entries expired: at least 6 s of
 * quiet (the caches keep entries ≤ 5 s), then two /health/live answers in a row under 5 ms.
 */
async function settle(base: string): Promise<void> {
  await new Promise((r) => setTimeout(r, 6000));
  const deadline = Date.now() + 30_000;
  let fast = 0;
  while (fast < 2 && Date.now() < deadline) {
    const t0 = performance.now();
    await fetch(`${base}/health/live`).then((r) => r.arrayBuffer());
    fast = performance.now() - t0 < 5 ? fast + 1 : 0;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Round-robin over the customers' tokens (and fresh aliases for orders), one per request. */
type Route = 'plans' | 'orders' | 'live';

function requestOf(route: Route, customers: Customer[], aliasPrefix: string, withAuth: boolean, n: number): PacedRequest {
  const c = customers[n % customers.length];
  const headers: Record<string, string> = { accept: 'application/json' };
  if (withAuth) headers.authorization = `Bearer ${c.token}`;
  const method = route === 'orders' ? 'POST' : 'GET';
  const path = route === 'plans' ? '/v1/plans' : route === 'orders' ? '/v1/orders' : '/health/live';
  if (route !== 'orders') return { method, path, headers };
  headers['content-type'] = 'application/json';
  return { method, path, headers, body: JSON.stringify(addUserOrder(c, `${aliasPrefix}${n}`, 'standard-mailbox')) };
}

/** The same requests for autocannon. */
function requestsFor(route: Route, customers: Customer[], aliasPrefix: string, withAuth: boolean) {
  let i = 0;
  return [
    {
      method: route === 'orders' ? 'POST' : 'GET',
      path: route === 'plans' ? '/v1/plans' : route === 'orders' ? '/v1/orders' : '/health/live',
      setupRequest: (req: Record<string, any>) => {
        const r = requestOf(route, customers, aliasPrefix, withAuth, i++);
        return { ...req, headers: r.headers, ...(r.body !== undefined && { body: r.body }) };
      },
    },
  ];
}

/**
 * api-latency (QUALITY.md): authenticated `GET /v1/plans` and `POST /v1/orders` (add_users, one
 * user) under autocannon against the real API process (`provisio serve`, default configuration,
 * no engines running so only the API works), and the same load against a bare Fastify route
 * returning the same JSON in a separate process. Two loads per route and repetition: as fast as
 * 16 connections go (autocannon; throughput), and a steady 1,000 req/s open-loop load
 * (lib/paced-load.ts: evenly spaced arrivals, latency from each request's due time, up to 50
 * keep-alive connections) for the tail latency, measured after 2 s of the same load (discarded),
 * for the API and the bare route alike. The same steady load on GET /v1/plans also runs from idle
 * at the start of each repetition (every cached entry expired): reported next to it, not judged.
 */
export const apiLatency: BenchDefinition = {
  name: 'api-latency',
  description: 'authenticated GET /v1/plans and POST /v1/orders under autocannon vs a bare Fastify route returning the same JSON size',
  async run(ctx: BenchContext): Promise<BenchResult[]> {
    const duration = ctx.quick ? 4 : 10;
    const maxConnections = 16;
    const fixedRate = 1000;
    const fixedConnections = 50;
    const started = Date.now();
    const db = await startBenchDatabase('api');
    const profileDir = ctx.profile ? path.join(db.dir, 'profiles') : undefined;
    let api: ApiProcess | undefined;
    let engines: EngineProcess[] = [];
    let bare: ReturnType<typeof fork> | undefined;
    try {
      api = await startApi(db.url, db.dir, { cpuProfileDir: profileDir });
      const client = new ApiClient(api.base);
      engines = await Promise.all([0, 1].map((slot) => startEngine(db.pool, db.url, db.dir, { slot })));
      const customers = await createCustomers(client, api.adminToken, ctx.quick ? 20 : 60, 'api');
      await subscribeAll(client, customers, 'enterprise');
      // Only the API works during the measurements: the orders placed wait in the queue.
      await Promise.all(engines.map((e) => e.stop()));
      engines = [];

      // The bare baseline answers with the real documents.
      const plansRes = await client.get('/v1/plans', customers[0].token);
      expectStatus(plansRes, 200, 'GET /v1/plans');
      const orderRes = await client.post('/v1/orders', addUserOrder(customers[0], 'sizeprobe', 'standard-mailbox'), customers[0].token);
      expectStatus(orderRes, 202, 'POST /v1/orders');
      const plansFile = path.join(db.dir, 'plans.json');
      const orderFile = path.join(db.dir, 'order.json');
      fs.writeFileSync(plansFile, JSON.stringify(plansRes.body));
      fs.writeFileSync(orderFile, JSON.stringify(orderRes.body));
      const barePort = await freePort();
      const out = fs.openSync(path.join(db.dir, 'bare.log'), 'a');
      bare = fork(path.join(__dirname, 'baselines', 'bare-fastify.js'), [], {
        env: { ...process.env, PORT: String(barePort), BENCH_PLANS_BODY: plansFile, BENCH_ORDER_BODY: orderFile },
        stdio: ['ignore', out, out, 'ipc'],
      });
      fs.closeSync(out);
      await new Promise<void>((resolve, reject) => {
        bare!.once('message', () => resolve());
        bare!.once('exit', (code) => reject(new Error(`the bare Fastify baseline exited (${code})`)));
      });
      const bareBase = `http://127.0.0.1:${barePort}`;
      const bareSize = (await (await fetch(`${bareBase}/v1/plans`)).text()).length;
      const apiSize = JSON.stringify(plansRes.body).length;
      ctx.log(`API pid ${api.pid}, bare Fastify pid ${bare.pid}; GET /v1/plans body ${apiSize} bytes (bare ${bareSize}); ${customers.length} customer tokens`);

      const serverPid = (target: 'api' | 'bare') => (target === 'api' ? api!.pid : bare!.pid!);
      const steady = (base: string, route: Route, target: 'api' | 'bare', tag: string, durationS: number) =>
        pacedLoad(base, { rate: fixedRate, durationS, connections: fixedConnections, request: (i) => requestOf(route, customers, tag, target === 'api', i) });
      const cannon = async (base: string, route: Route, target: 'api' | 'bare', mode: 'max' | 'fixed' | 'fixed-cold', tag: string) => {
        // The steady load is measured after 2 s of the same load (discarded), as a server under a
        // continuous 1,000 req/s runs: its connections open and its caches filled. 'fixed-cold'
        // measures from idle instead (every cache expired, new connections): reported, not judged.
        if (mode === 'fixed') await steady(base, route, target, `${tag}w`, 2);
        const opts: Record<string, unknown> = {
          url: base,
          duration,
          connections: mode === 'max' ? maxConnections : fixedConnections,
          pipelining: 1,
          timeout: 10,
          requests: requestsFor(route, customers, tag, target === 'api'),
        };
        const pids = { server: [serverPid(target)] };
        const before = cpuSnapshot(db.embedded.pid, pids);
        const client0 = process.cpuUsage();
        const load = mode === 'max' ? toLoad(await autocannon(opts)) : fromPaced(await steady(base, route, target, tag, duration));
        const client = process.cpuUsage(client0);
        const cpu = { ...cpuDelta(before, cpuSnapshot(db.embedded.pid, pids)), client: (client.user + client.system) / 1000 };
        load.cpuMsPerRequest = Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, round(v / Math.max(1, load.ok), 3)]));
        return load;
      };

      const warm = async (base: string, target: 'api' | 'bare') => {
        await autocannon({ url: base, duration: 2, connections: 8, requests: requestsFor('plans', customers, 'w', target === 'api') });
      };
      await warm(bareBase, 'bare');
      await warm(api.base, 'api');

      const runs: Record<string, unknown>[] = [];
      let statements: unknown;
      for (let rep = 1; rep <= ctx.reps; rep++) {
        const r: Record<string, any> = { rep };
        // From idle: the previous repetition's load drained and every cached entry expired.
        await settle(api.base);
        r.apiPlansFixedCold = await cannon(api.base, 'plans', 'api', 'fixed-cold', 'x');
        r.barePlansMax = await cannon(bareBase, 'plans', 'bare', 'max', 'x');
        // The framework alone: a public route with no auth and no database (diagnostic).
        r.apiLiveMax = await cannon(api.base, 'live', 'api', 'max', 'x');
        r.apiPlansMax = await cannon(api.base, 'plans', 'api', 'max', 'x');
        r.bareOrdersMax = await cannon(bareBase, 'orders', 'bare', 'max', `b${rep}m`);
        await db.pool.query('/* bench */ CHECKPOINT');
        await resetStatements(db.pool);
        r.apiOrdersMax = await cannon(api.base, 'orders', 'api', 'max', `a${rep}m`);
        statements = { ordersMax: await topStatements(db.pool, 12), perOrder: undefined };
        (statements as any).perOrder = round((statements as any).ordersMax.totalCalls / Math.max(1, r.apiOrdersMax.ok), 1);
        r.barePlansFixed = await cannon(bareBase, 'plans', 'bare', 'fixed', 'x');
        r.apiPlansFixed = await cannon(api.base, 'plans', 'api', 'fixed', 'x');
        r.apiOrdersFixed = await cannon(api.base, 'orders', 'api', 'fixed', `a${rep}f`);
        r.ratios = { plans: round(r.apiPlansMax.rps / r.barePlansMax.rps, 3), orders: round(r.apiOrdersMax.rps / r.bareOrdersMax.rps, 3) };
        runs.push(r);
        ctx.log(
          `rep ${rep}: plans ${r.apiPlansMax.rps}/s vs bare ${r.barePlansMax.rps}/s (${round(r.ratios.plans * 100)}%; CPU ms/request API ${r.apiPlansMax.cpuMsPerRequest.server} + PG ${r.apiPlansMax.cpuMsPerRequest.postgres} vs bare ${r.barePlansMax.cpuMsPerRequest.server}); ` +
            `/health/live ${r.apiLiveMax.rps}/s (${r.apiLiveMax.cpuMsPerRequest.server} CPU ms/request); orders ${r.apiOrdersMax.rps}/s (API ${r.apiOrdersMax.cpuMsPerRequest.server} + PG ${r.apiOrdersMax.cpuMsPerRequest.postgres} CPU ms/request); ` +
            `at ${fixedRate}/s: plans p99 ${r.apiPlansFixed.latencyMs.p99} ms (${r.apiPlansFixed.rps}/s served; ${r.apiPlansFixedCold.latencyMs.p99} ms from idle), bare p99 ${r.barePlansFixed.latencyMs.p99} ms, orders p99 ${r.apiOrdersFixed.latencyMs.p99} ms (${r.apiOrdersFixed.rps}/s served)`,
        );
      }
      api.sample();
      const apiPeakMb = round(api.peakHwmMb);
      await api.stop();
      api = undefined;

      const med = (f: (r: any) => number) => round(median(runs.map(f)), 2);
      const summary = {
        plans: {
          apiRps: med((r) => r.apiPlansMax.rps),
          bareRps: med((r) => r.barePlansMax.rps),
          ratio: med((r) => r.ratios.plans),
          apiP99AtMaxMs: med((r) => r.apiPlansMax.latencyMs.p99),
          cpuMsPerRequest: {
            api: med((r) => r.apiPlansMax.cpuMsPerRequest.server),
            postgres: med((r) => r.apiPlansMax.cpuMsPerRequest.postgres),
            bare: med((r) => r.barePlansMax.cpuMsPerRequest.server),
          },
          fixedRate: {
            apiP50Ms: med((r) => r.apiPlansFixed.latencyMs.p50),
            apiP99Ms: med((r) => r.apiPlansFixed.latencyMs.p99),
            apiServedRps: med((r) => r.apiPlansFixed.rps),
            apiP99FromIdleMs: med((r) => r.apiPlansFixedCold.latencyMs.p99),
            bareP99Ms: med((r) => r.barePlansFixed.latencyMs.p99),
            bareServedRps: med((r) => r.barePlansFixed.rps),
          },
        },
        orders: {
          apiRps: med((r) => r.apiOrdersMax.rps),
          bareRps: med((r) => r.bareOrdersMax.rps),
          ratio: med((r) => r.ratios.orders),
          apiP50AtMaxMs: med((r) => r.apiOrdersMax.latencyMs.p50),
          apiP99AtMaxMs: med((r) => r.apiOrdersMax.latencyMs.p99),
          fixedRate: {
            apiP50Ms: med((r) => r.apiOrdersFixed.latencyMs.p50),
            apiP99Ms: med((r) => r.apiOrdersFixed.latencyMs.p99),
            apiServedRps: med((r) => r.apiOrdersFixed.rps),
          },
          statementsPerOrder: (statements as any)?.perOrder,
          cpuMsPerRequest: {
            api: med((r) => r.apiOrdersMax.cpuMsPerRequest.server),
            postgres: med((r) => r.apiOrdersMax.cpuMsPerRequest.postgres),
            bare: med((r) => r.bareOrdersMax.cpuMsPerRequest.server),
          },
        },
        healthLive: {
          apiRps: med((r) => r.apiLiveMax.rps),
          cpuMsPerRequest: med((r) => r.apiLiveMax.cpuMsPerRequest.server),
          ratioToBarePlans: med((r) => r.apiLiveMax.rps / r.barePlansMax.rps),
        },
        non2xx: runs.reduce((n, r: any) => n + r.apiPlansMax.non2xx + r.apiOrdersMax.non2xx + r.apiPlansFixed.non2xx + r.apiOrdersFixed.non2xx, 0),
        apiPeakRssMb: apiPeakMb,
      };
      const fixedNote = (served: number) => (served < fixedRate * 0.95 ? `served only ${served} req/s of the ${fixedRate} offered` : undefined);
      const checks: TargetCheck[] = [
        atLeast('GET /v1/plans throughput ÷ bare Fastify, median', round(summary.plans.ratio * 100, 1), 40, '%', {
          baseline: { name: 'bare Fastify, same JSON', value: summary.plans.bareRps, unit: 'req/s' },
        }),
        atMost(`GET /v1/plans p99 at ${fixedRate} req/s`, summary.plans.fixedRate.apiP99Ms, 25, 'ms', {
          note:
            fixedNote(summary.plans.fixedRate.apiServedRps) ??
            `${summary.plans.fixedRate.apiP99FromIdleMs} ms in a 10 s window starting from idle (cold caches)`,
        }),
        atMost(`POST /v1/orders p99 at ${fixedRate} req/s`, summary.orders.fixedRate.apiP99Ms, 25, 'ms', {
          note: fixedNote(summary.orders.fixedRate.apiServedRps),
        }),
        atMost('non-2xx answers from the API', summary.non2xx, 0, 'answers'),
      ];
      const profile: Record<string, unknown> = { statements };
      if (profileDir) {
        profile.cpu = { api: summarizeProfiles(path.join(profileDir, 'serve')) };
        ctx.keepProfiles(profileDir, 'api-latency');
      }
      return [
        {
          ...ctx.header('api-latency', this.description),
          date: new Date().toISOString(),
          durationS: Math.round((Date.now() - started) / 1000),
          setup: {
            api: '`provisio serve`, default configuration (TypeORM pool 20, rate limit 6000/min per token on, LOG_LEVEL=info to a file); no engine running during the loads',
            bare: "Fastify 5 (the adapter's), one process, same JSON documents, no auth/validation/database",
            autocannon: { durationS: duration, maxConnections, pipelining: 1, warmupS: 2, runsIn: 'the bench process' },
            steadyLoad: {
              durationS: duration,
              rate: fixedRate,
              maxConnections: fixedConnections,
              arrivals: 'evenly spaced (open loop), latency from the due time',
              tool: 'bench/lib/paced-load.ts',
              runsIn: 'the bench process',
              warmupS: 2,
              fromIdle: 'GET /v1/plans once per repetition after ≥ 6 s of quiet, no warm-up (reported, not judged)',
            },
            tokens: `${customers.length} customers' org_admin tokens, round-robin per request`,
            plansBodyBytes: apiSize,
            order: 'add_users, one standard-mailbox user with a fresh alias, enterprise subscriptions',
            postgres: { version: db.version, settings: db.settings },
          },
          repetitions: ctx.reps,
          runs,
          summary,
          checks,
          profile,
        },
      ];
    } finally {
      bare?.kill('SIGTERM');
      await Promise.all(engines.map((e) => e.stop(10_000)));
      await api?.stop(10_000);
      await db.stop();
    }
  },
};
