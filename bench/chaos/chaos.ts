import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Pool } from 'pg';
import { createApp } from '../../src/app/app.factory';
import { verifyAuditChain } from '../../src/audit/chain-walk';
import { sealWithPool } from '../../src/audit/audit-sealer';
import { loadConfig } from '../../src/config/app-config';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { runMigrations } from '../../src/database/migrate';
import { pgTransaction, sqlOfPg } from '../../src/database/sql';
import { bootstrapInstallation } from '../../src/identity/bootstrap';
import { labDuplicates, labInventory, LAB_OBJECT_TYPES, type LabInventory } from '../../src/provisioning/providers/lab';
import { replaceLabFaults } from '../../src/provisioning/providers/lab/lab-faults';
import { EngineFleet } from './engine-fleet';
import { DataSource } from 'typeorm';
import { seedCatalog } from '../../src/catalog/catalog-seed';
import { type OrdersWorkloadResult, runOrdersWorkload } from './orders-workload';
import { TERMINAL_RUN_STATUSES, waitForTerminalRuns } from './terminal-runs';
import { type ChaosRequest, chaosRequest } from './workload';

export interface ChaosOptions {
  /** Raw XML requests submitted through the API (default 500). */
  requests?: number;
  /** Orders placed through the API besides (subscribe, add_users, remove_users; default 0). */
  orders?: number;
  /** Submission rate (requests per second), so the storm overlaps the work (default 10). */
  ratePerSecond?: number;
  engines?: number;
  /** A random engine is SIGKILLed every killMinMs..killMaxMs (and restarted). */
  killMinMs?: number;
  killMaxMs?: number;
  transientErrorRate?: number;
  permanentErrorRate?: number;
  /** Restart PostgreSQL once, when this share of the requests is submitted (default 0.4; null = never). */
  restartDatabaseAt?: number | null;
  leaseTtl?: string;
  /** Lab latency per call: latencyMs + uniform [0, jitterMs] (default 10 + 40). */
  latencyMs?: number;
  jitterMs?: number;
  /** Give up waiting for terminal statuses after this long. */
  timeoutMs?: number;
  /** Progress lines (the CLI prints them; the jest test keeps them for failure messages). */
  log?: (line: string) => void;
  /** Engine output lines (pino JSON), for debugging. */
  engineOutput?: (line: string) => void;
  random?: () => number;
}

export interface ChaosReport {
  passed: boolean;
  problems: string[];
  requests: number;
  runs: number;
  byStatus: Record<string, number>;
  completed: number;
  failed: number;
  /** Why runs failed: error code → count. */
  failureCodes: Record<string, number>;
  /** A few failed runs: where and why. */
  failureSamples: string[];
  needsAttention: number;
  notTerminal: number;
  ordersPlaced: number;
  ordersByStatus: Record<string, number>;
  engineKills: number;
  engineStarts: number;
  unexpectedEngineExits: number;
  databaseRestarts: number;
  submitRetries: number;
  takeovers: number;
  journalEntries: number;
  duplicates: number;
  auditEvents: number;
  auditVerified: boolean;
  durationMs: number;
}

const TERMINAL = TERMINAL_RUN_STATUSES;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function inventoryMismatch(actual: LabInventory, expected: Partial<LabInventory>): string | undefined {
  const diffs = (Object.keys(LAB_OBJECT_TYPES) as (keyof LabInventory)[])
    .filter((k) => (actual[k] ?? 0) !== (expected[k] ?? 0))
    .map((k) => `${k} ${actual[k]} (expected ${expected[k] ?? 0})`);
  return diffs.length ? diffs.join(', ') : undefined;
}

/**
 * The chaos run (QUALITY.md): its own embedded PostgreSQL, the API in this process, ENGINES engine
 * processes; requests arrive through the API while a random engine is SIGKILLed every 1–3 s and
 * restarted, the lab injects transient and permanent errors, and PostgreSQL restarts once. Then:
 * every run must be terminal, every completed request's organization must hold exactly what it
 * asked, every failed one nothing, no natural key twice, and the audit chain must verify.
 */
export async function runChaos(opts: ChaosOptions = {}): Promise<ChaosReport> {
  const started = Date.now();
  const log = opts.log ?? (() => undefined);
  const random = opts.random ?? Math.random;
  const total = opts.requests ?? 500;
  const rate = opts.ratePerSecond ?? 10;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-chaos-'));
  fs.chmodSync(dir, 0o755);
  const problems: string[] = [];
  let db: EmbeddedDatabase | undefined;
  let fleet: EngineFleet | undefined;
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  let pool: Pool | undefined;
  let killer: NodeJS.Timeout | undefined;
  let databaseRestarts = 0;
  let submitRetries = 0;

  try {
    db = await startEmbeddedPostgres({
      dataDir: path.join(dir, 'db'),
      database: 'provisio',
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: 300 },
    });
    await runMigrations(db.ownerUrl, { runtimeRole: db.runtimeRole });
    pool = new Pool({ connectionString: db.url, max: 6 });
    pool.on('error', () => undefined);
    const boot = await pgTransaction(pool, (sql) => bootstrapInstallation(sql, { tokenTtlMs: 86_400_000 }));
    const token = boot.token!;
    // Some latency keeps runs in flight long enough for the kills to hit them mid-step.
    await replaceLabFaults(sqlOfPg(pool), {
      latencyMs: opts.latencyMs ?? 10,
      jitterMs: opts.jitterMs ?? 40,
      transientErrorRate: opts.transientErrorRate ?? 0.05,
      permanentErrorRate: opts.permanentErrorRate ?? 0.01,
      rules: [],
    });
    log(
      `database on port ${db.port}; faults: ${Math.round((opts.transientErrorRate ?? 0.05) * 100)}% transient, ${Math.round((opts.permanentErrorRate ?? 0.01) * 100)}% permanent`,
    );

    const config = loadConfig({
      ...process.env,
      DATABASE_URL: db.url,
      DATA_DIR: path.join(dir, 'data'),
      LOG_LEVEL: 'silent',
      RATE_LIMIT_MAX: '0',
      PORT: '0',
      ENGINE_LEASE_TTL: opts.leaseTtl ?? '1s',
    });
    app = await createApp(config, { databaseUrl: db.url, poolSize: 10 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address() as { port: number };
    const base = `http://127.0.0.1:${address.port}`;

    fleet = new EngineFleet({
      count: opts.engines ?? 3,
      databaseUrl: db.url,
      env: { ENGINE_LEASE_TTL: opts.leaseTtl ?? '1s', ENGINE_POLL_INTERVAL: '250ms', ENGINE_CONCURRENCY: '8' },
      onOutput: opts.engineOutput,
    });
    fleet.start();
    const scheduleKill = () => {
      const min = opts.killMinMs ?? 1000;
      const max = opts.killMaxMs ?? 3000;
      killer = setTimeout(
        () => {
          const pid = fleet!.killRandom(random);
          if (pid) log(`killed engine pid ${pid}`);
          scheduleKill();
        },
        min + random() * (max - min),
      );
    };
    scheduleKill();

    // Orders (when asked) run beside the raw requests, under the same storm.
    let orders: Promise<OrdersWorkloadResult> | undefined;
    if (opts.orders) {
      await seedCatalog(app.get(DataSource));
      orders = runOrdersWorkload({ base, hosterToken: token, total: opts.orders, ratePerSecond: Math.max(1, rate / 2), random, log });
    }

    // Submit through the API; a request that fails for lack of a database is retried.
    const requests: ChaosRequest[] = [];
    const restartAt = opts.restartDatabaseAt === undefined ? 0.4 : opts.restartDatabaseAt;
    let restart: Promise<void> | undefined;
    const submitOne = async (req: ChaosRequest) => {
      const query = req.serializationKey ? `?serializationKey=${encodeURIComponent(req.serializationKey)}` : '';
      for (let attempt = 1; ; attempt++) {
        try {
          const res = await fetch(`${base}/v1/provisioning/requests${query}`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' },
            body: req.xml,
          });
          if (res.status === 202) return;
          const text = await res.text();
          if (res.status < 500) throw new Error(`request ${req.index} refused: ${res.status} ${text.slice(0, 300)}`);
        } catch (e) {
          if (e instanceof Error && e.message.startsWith('request ')) throw e;
        }
        if (attempt >= 200) throw new Error(`request ${req.index} could not be submitted`);
        submitRetries++;
        await sleep(100);
      }
    };
    const inflight = new Set<Promise<void>>();
    for (let i = 0; i < total; i++) {
      const req = chaosRequest(i, random);
      requests.push(req);
      const p = submitOne(req).catch((e) => {
        problems.push(String(e instanceof Error ? e.message : e));
      });
      inflight.add(p);
      void p.finally(() => inflight.delete(p));
      if (restartAt !== null && !restart && i + 1 >= total * restartAt) {
        log(`restarting PostgreSQL after ${i + 1} requests`);
        restart = db.restart().then(() => {
          databaseRestarts++;
          log('PostgreSQL is back');
        });
      }
      if ((i + 1) % 50 === 0) log(`submitted ${i + 1}/${total}`);
      await sleep(1000 / rate);
    }
    if (restartAt !== null && !restart) {
      log('restarting PostgreSQL');
      restart = db.restart().then(() => {
        databaseRestarts++;
        log('PostgreSQL is back');
      });
    }
    await restart;
    await Promise.all([...inflight]);
    const ordersResult = await orders;
    if (ordersResult) {
      problems.push(...ordersResult.problems);
      submitRetries += ordersResult.retries;
      log(
        `orders: ${ordersResult.placed} placed: ${Object.entries(ordersResult.byStatus)
          .map(([k, n]) => `${k}=${n}`)
          .join(' ')}`,
      );
    }

    // Wait for every run to stop, the storm still blowing.
    const late = await waitForTerminalRuns(pool, opts.timeoutMs ?? 10 * 60_000, log);
    if (late) problems.push(late);
    clearTimeout(killer);
    killer = undefined;
    await fleet.stop();

    // The verdict.
    const sql = sqlOfPg(pool);
    const runs = (await pool.query(`SELECT id, status, request_xml, error FROM provisioning_runs`)).rows;
    const byStatus: Record<string, number> = {};
    for (const r of runs) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    for (const req of requests) {
      const mine = runs.filter((r) => r.request_xml.includes(`id="${req.orgId}"`));
      if (!mine.length) {
        if (!problems.some((p) => p.startsWith(`request ${req.index} `))) problems.push(`request ${req.index} (${req.orgId}) has no run`);
        continue;
      }
      const inventory = await labInventory(sql, req.orgId);
      const statuses = mine.map((r) => r.status);
      if (statuses.includes('completed')) {
        const miss = inventoryMismatch(inventory, req.expected);
        if (miss) problems.push(`completed request ${req.index} (${req.kind}, ${req.orgId}): ${miss}`);
      } else if (statuses.every((s) => s === 'failed')) {
        const left = inventoryMismatch(inventory, {});
        if (left) problems.push(`failed request ${req.index} (${req.kind}, ${req.orgId}) left objects behind: ${left}`);
      } else if (statuses.some((s) => !TERMINAL.includes(s))) {
        problems.push(`request ${req.index} (${req.orgId}) not terminal: ${statuses.join(', ')}`);
      }
    }
    const failureCodes: Record<string, number> = {};
    for (const r of runs.filter((x) => x.status === 'failed')) failureCodes[r.error?.code ?? 'unknown'] = (failureCodes[r.error?.code ?? 'unknown'] ?? 0) + 1;
    const failureSamples = runs
      .filter((x) => x.status === 'failed')
      .slice(0, 5)
      .map((x) =>
        `${x.id} ${x.error?.path ?? ''}: ${x.error?.code} ${x.error?.message ?? ''} ${x.error?.details ? JSON.stringify(x.error.details) : ''}`.trim(),
      );
    const needsAttention = byStatus.needs_attention ?? 0;
    if (needsAttention) {
      for (const r of runs.filter((x) => x.status === 'needs_attention')) problems.push(`run ${r.id} needs attention: ${JSON.stringify(r.error)}`);
    }
    if (ordersResult) problems.push(...(await ordersResult.verify(sql)));
    // Engines must survive the database restart (reconnect, retry): a ready engine that died by
    // itself crashed. (Our kills and lab "exit" faults are not counted; there are none of the latter here.)
    problems.push(...fleet.crashes);
    const duplicates = await labDuplicates(sql);
    if (duplicates.length) problems.push(`duplicated platform objects: ${JSON.stringify(duplicates.slice(0, 5))}`);
    await sealWithPool(pool);
    const audit = await verifyAuditChain(sql);
    if (!audit.verified) problems.push(`audit chain broken: ${JSON.stringify(audit.firstBreak)}`);
    const takeovers = Number((await pool.query(`SELECT count(*) FROM audit_events WHERE action = 'run.taken_over'`)).rows[0].count);
    const journalEntries = Number((await pool.query(`SELECT count(*) FROM provisioning_steps`)).rows[0].count);
    const notTerminal = runs.filter((r) => !TERMINAL.includes(r.status)).length;
    return {
      passed: problems.length === 0,
      problems,
      requests: total,
      ordersPlaced: ordersResult?.placed ?? 0,
      ordersByStatus: ordersResult?.byStatus ?? {},
      runs: runs.length,
      byStatus,
      completed: byStatus.completed ?? 0,
      failed: byStatus.failed ?? 0,
      failureCodes,
      failureSamples,
      needsAttention,
      notTerminal,
      engineKills: fleet.kills,
      engineStarts: fleet.starts,
      unexpectedEngineExits: fleet.unexpectedExits,
      databaseRestarts,
      submitRetries,
      takeovers,
      journalEntries,
      duplicates: duplicates.length,
      auditEvents: audit.checkedEvents,
      auditVerified: audit.verified,
      durationMs: Date.now() - started,
    };
  } finally {
    clearTimeout(killer);
    await fleet?.stop(5_000).catch(() => undefined);
    await app?.close().catch(() => undefined);
    await pool?.end().catch(() => undefined);
    await db?.stop().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The report as the CLI prints it. */
export function formatReport(r: ChaosReport): string {
  const lines = [
    `chaos ${r.passed ? 'PASSED' : 'FAILED'} in ${(r.durationMs / 1000).toFixed(1)} s`,
    `  raw requests ${r.requests}, orders ${r.ordersPlaced}${
      r.ordersPlaced
        ? ` (${Object.entries(r.ordersByStatus)
            .map(([k, n]) => `${k} ${n}`)
            .join(', ')})`
        : ''
    }, runs ${r.runs}: completed ${r.completed}, failed (compensated) ${r.failed}, needs_attention ${r.needsAttention}, not terminal ${r.notTerminal}`,
    `  failures by code: ${
      Object.entries(r.failureCodes)
        .map(([c, n]) => `${c} ${n}`)
        .join(', ') || 'none'
    }`,
    ...r.failureSamples.map((f) => `    e.g. ${f}`),
    `  engine kills ${r.engineKills}, engine starts ${r.engineStarts}, engines that exited by themselves ${r.unexpectedEngineExits} (e.g. starting while the database restarted), takeovers ${r.takeovers}`,
    `  database restarts ${r.databaseRestarts}, submission retries ${r.submitRetries}`,
    `  journal entries ${r.journalEntries}, duplicate platform objects ${r.duplicates}`,
    `  audit chain ${r.auditVerified ? 'verified' : 'BROKEN'} (${r.auditEvents} events)`,
  ];
  if (r.problems.length) lines.push('  problems:', ...r.problems.slice(0, 50).map((p) => `    - ${p}`));
  return lines.join('\n');
}
