import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Pool } from 'pg';
import { portIsFree } from '../../src/database/free-port';
import { sqlOfPg } from '../../src/database/sql';
import { replaceLabFaults } from '../../src/provisioning/providers/lab/lab-faults';
import { PORT_SPAN, layoutPorts, topologyLayout } from '../../scripts/topology/layout';
import { Topology } from '../../scripts/topology/topology';
import { type ClientAnswer, type OrdersWorkloadResult, runOrdersWorkload } from './orders-workload';
import { type FailoverMeasurement, killPrimaryAndMeasure, prepareFailoverProbe } from './topology-failover';
import { classifyAnswer, type TopologyVerdict, verifyTopologyRun, waitForTerminalRuns } from './topology-verdict';

export interface TopologyChaosOptions {
  /** Orders placed through HAProxy (subscribe, add_users, remove_users; default 300). */
  orders?: number;
  /** Orders per second, roughly (default 4). */
  ratePerSecond?: number;
  /** Database failovers (the second one fails back; default 1). */
  databaseKills?: number;
  /** Kill the primary's PostgreSQL (Patroni fails over) or the whole node (leader key expires). */
  databaseKill?: 'postgres' | 'node';
  /** A random engine is SIGKILLed every engineKillMinMs..engineKillMaxMs (its supervisor restarts it). */
  engineKillMinMs?: number;
  engineKillMaxMs?: number;
  /** Which of the other events happen (all by default): engines killed all along, an API process killed, an engine frozen. */
  engineKills?: boolean;
  apiKill?: boolean;
  freeze?: boolean;
  /** Lab platform behaviour: latency per call (ms, plus up to 4× as jitter) and error rates. */
  labLatencyMs?: number;
  transientErrorRate?: number;
  permanentErrorRate?: number;
  /** Engines in the topology (default 3). */
  engines?: number;
  portBase?: number;
  /** Keep the topology's directory (data, logs) afterwards. */
  keep?: boolean;
  log?: (line: string) => void;
  random?: () => number;
}

/** Orders answered 202 and completed per second, in one window of the run. */
export interface Throughput {
  seconds: number;
  placedPerSecond: number;
  completedPerSecond: number;
}

export interface TopologyChaosReport extends TopologyVerdict {
  passed: boolean;
  ordersPlaced: number;
  ordersByStatus: Record<string, number>;
  failovers: FailoverMeasurement[];
  throughput: { before?: Throughput; during?: Throughput; after?: Throughput };
  /** Every answer the clients saw, by kind. */
  clientAnswers: Record<string, number>;
  /** Answers outside the contract (not 2xx, not 503/429 problem+json with Retry-After). */
  clientViolations: number;
  /** A few of them: when, what, how long the client waited. */
  violationSamples: string[];
  /** The longest a client waited for a 503, long polls aside (the bound on an answer during a failover). */
  slowest503Ms: number;
  /** When each event happened, seconds from the start. */
  events: string[];
  engineKills: number;
  engineFreezes: number;
  apiKills: number;
  /** Processes that died without being killed by the run (crashes), with their exit. */
  crashes: string[];
  postgresMajor: number;
  dir?: string;
  durationMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A port base whose whole span is free (the developer's topology may use the default one). */
async function freePortBase(): Promise<number> {
  for (let base = 16000; base < 30000; base += 100) {
    let free = true;
    for (const p of layoutPorts(topologyLayout('/tmp', base))) if (!(await portIsFree(p))) free = false;
    if (free) return base;
  }
  throw new Error(`no free port range of ${PORT_SPAN}`);
}

function throughput(orders: OrdersWorkloadResult['orders'], from: number, to: number): Throughput | undefined {
  if (to <= from) return undefined;
  const seconds = (to - from) / 1000;
  const placed = orders.filter((o) => o.placedAt >= from && o.placedAt < to).length;
  const completed = orders.filter((o) => o.endedAt !== undefined && o.endedAt >= from && o.endedAt < to).length;
  return { seconds, placedPerSecond: placed / seconds, completedPerSecond: completed / seconds };
}

/** The storm besides the database kills: engines killed every few seconds, one frozen past its lease, one API killed. */
class Storm {
  engineKills = 0;
  engineFreezes = 0;
  apiKills = 0;
  private timer?: NodeJS.Timeout;
  private frozen?: string;
  readonly killedBy = new Map<string, number>();

  constructor(
    private readonly t: Topology,
    private readonly opts: TopologyChaosOptions,
    private readonly log: (l: string) => void,
  ) {}

  private engines() {
    return [...this.t.services.values()].filter((s) => s.name.startsWith('engine') && s.alive && s.name !== this.frozen);
  }

  private noteKill(name: string) {
    this.killedBy.set(name, (this.killedBy.get(name) ?? 0) + 1);
  }

  startEngineKills(random: () => number) {
    if (this.opts.engineKills === false) return;
    const min = this.opts.engineKillMinMs ?? 3_000;
    const max = this.opts.engineKillMaxMs ?? 6_000;
    this.timer = setTimeout(
      () => {
        const live = this.engines();
        const victim = live[Math.floor(random() * live.length)];
        if (victim && victim.signal('SIGKILL')) {
          this.engineKills++;
          this.noteKill(victim.name);
        }
        this.startEngineKills(random);
      },
      min + random() * (max - min),
    );
  }

  stopEngineKills() {
    clearTimeout(this.timer);
  }

  async killApi() {
    if (this.opts.apiKill === false) return;
    const api = this.t.service('api1');
    if (api.signal('SIGKILL')) {
      this.apiKills++;
      this.noteKill(api.name);
      this.log(`API process ${api.name} SIGKILLed (restarted by its supervisor)`);
    }
  }

  /** SIGSTOPs the engine holding the most runs for three lease periods and a second, then SIGCONT. */
  async freezeEngine(admin: Pool, leaseTtlMs: number) {
    if (this.opts.freeze === false) return;
    const rows = (await admin.query(`SELECT pid FROM engines WHERE state = 'running' ORDER BY runs_held DESC, heartbeat_at DESC`)).rows;
    const byPid = new Map(this.engines().map((s) => [s.pid, s]));
    const victim = rows.map((r) => byPid.get(r.pid)).find(Boolean) ?? this.engines()[0];
    if (!victim) return;
    this.frozen = victim.name;
    victim.signal('SIGSTOP');
    this.engineFreezes++;
    const ms = 3 * leaseTtlMs + 1_000;
    this.log(`engine ${victim.name} frozen (SIGSTOP) for ${ms} ms, past its ${leaseTtlMs} ms lease`);
    await sleep(ms);
    victim.signal('SIGCONT');
    this.frozen = undefined;
    this.log(`engine ${victim.name} resumed (SIGCONT)`);
  }
}

function crashesOf(t: Topology, killedBy: Map<string, number>, failovers: FailoverMeasurement[]): string[] {
  const out: string[] = [];
  for (const s of t.services.values()) {
    const expected = (killedBy.get(s.name) ?? 0) + failovers.filter((f) => f.kind === 'node' && f.killedNode === s.name).length;
    if (s.exits.length > expected)
      out.push(`${s.name} exited ${s.exits.length - expected} time(s) by itself: ${s.exits.map((e) => e.signal ?? `code ${e.code}`).join(', ')}`);
  }
  return out;
}

function tallyAnswers(answers: ClientAnswer[], started: number) {
  const clientAnswers: Record<string, number> = {};
  let clientViolations = 0;
  const violationSamples: string[] = [];
  let slowest503Ms = 0;
  for (const a of answers) {
    const c = classifyAnswer(a);
    clientAnswers[c.key] = (clientAnswers[c.key] ?? 0) + 1;
    if (!c.allowed) {
      clientViolations++;
      if (violationSamples.length < 10) violationSamples.push(`+${((a.at - started) / 1000).toFixed(1)} s ${a.method} ${a.path} after ${a.ms} ms: ${c.key}`);
    }
    // A long poll (?wait=) may last its wait before its answer; other requests must answer at once.
    if (a.status === 503 && !a.path.includes('wait=')) slowest503Ms = Math.max(slowest503Ms, a.ms);
  }
  return { clientAnswers, clientViolations, violationSamples, slowest503Ms };
}

/** Kill → the first order sent after it and answered 202, for each failover. */
function noteFirstOrders(failovers: FailoverMeasurement[], answers: ClientAnswer[]) {
  for (const f of failovers) {
    const first = answers.find((a) => a.at - a.ms > f.killedAt && a.method === 'POST' && a.path === '/v1/orders' && a.status === 202);
    if (first) f.firstOrderMs = first.at - f.killedAt;
  }
}

/**
 * The events, in turn, at shares of the orders answered 202: the primary's PostgreSQL killed
 * (20%), an API process killed (40%), an engine frozen past its lease (55%), further database
 * kills (from 70%, each once the previous failover's standby is back). Engines die all along.
 */
async function runEvents(
  t: Topology,
  admin: Pool,
  storm: Storm,
  opts: TopologyChaosOptions,
  placed: () => number,
  done: () => boolean,
  log: (l: string) => void,
  started: number,
) {
  const total = opts.orders ?? 300;
  const waitPlaced = async (share: number) => {
    while (!done() && placed() < total * share) await sleep(100);
  };
  const failovers: FailoverMeasurement[] = [];
  const marks: Record<string, number> = {};
  const events: string[] = [];
  const note = (what: string) => events.push(`+${((Date.now() - started) / 1000).toFixed(1)} s ${what}`);
  let standbyBack: Promise<void> = Promise.resolve();
  const dbKill = async () => {
    await standbyBack;
    const held = await admin
      .query(`SELECT count(*)::int AS n FROM provisioning_runs WHERE lease_owner IS NOT NULL AND status IN ('running', 'compensating')`)
      .catch(() => undefined);
    note(`database primary killed (${opts.databaseKill ?? 'postgres'}) while engines held ${held?.rows[0].n ?? '?'} runs`);
    const r = await killPrimaryAndMeasure(t, opts.databaseKill ?? 'postgres');
    r.m.runsHeld = held?.rows[0].n;
    failovers.push(r.m);
    standbyBack = r.standbyBack;
    log(`database failover: ${r.m.killedNode} → ${r.m.promotedNode}, first successful write ${r.m.firstWriteMs} ms after the kill`);
  };
  await waitPlaced(0.2);
  await dbKill();
  await waitPlaced(0.4);
  marks.apiKill = Date.now();
  note('API process api1 killed');
  await storm.killApi();
  await waitPlaced(0.55);
  marks.freeze = Date.now();
  note('engine frozen');
  await storm.freezeEngine(admin, LEASE_TTL_MS);
  const kills = opts.databaseKills ?? 1;
  for (let k = 1; k < kills; k++) {
    await waitPlaced(0.7 + (0.2 * (k - 1)) / Math.max(1, kills - 1));
    await dbKill();
  }
  await standbyBack;
  return { failovers, marks, events };
}

const LEASE_TTL_MS = 2_000;

function throughputs(
  orders: OrdersWorkloadResult['orders'],
  first: FailoverMeasurement | undefined,
  nextEvent: number | undefined,
): TopologyChaosReport['throughput'] {
  if (!first || !orders.length) return {};
  const firstPlaced = Math.min(...orders.map((o) => o.placedAt));
  const lastPlaced = Math.max(...orders.map((o) => o.placedAt));
  const recovered = first.killedAt + (first.firstWriteMs ?? 0);
  return {
    before: throughput(orders, firstPlaced, first.killedAt),
    during: throughput(orders, first.killedAt, recovered),
    after: throughput(orders, recovered, Math.min(nextEvent ?? lastPlaced, lastPlaced)),
  };
}

/**
 * `npm run chaos -- --topology` (README "Deploying for fault tolerance"): the reference topology
 * in a temporary directory, orders through HAProxy while, in turn, the PostgreSQL primary is
 * SIGKILLed, an API process is SIGKILLed, and an engine is frozen past its lease, engines being
 * SIGKILLed every few seconds all along. Then the verdict (topology-verdict.ts).
 */
export async function runTopologyChaos(opts: TopologyChaosOptions = {}): Promise<TopologyChaosReport> {
  const started = Date.now();
  const log = opts.log ?? (() => undefined);
  const random = opts.random ?? Math.random;
  const total = opts.orders ?? 300;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-topology-chaos-'));
  fs.chmodSync(dir, 0o755);
  let topology: Topology | undefined;
  let admin: Pool | undefined;
  let storm: Storm | undefined;
  try {
    topology = await Topology.start({
      dir,
      portBase: opts.portBase ?? (await freePortBase()),
      fresh: true,
      log,
      engines: opts.engines,
      provisioEnv: { ENGINE_LEASE_TTL: `${LEASE_TTL_MS}ms` },
    });
    admin = new Pool({ connectionString: topology.endpoints.superuserUrl, max: 4, connectionTimeoutMillis: 5_000 });
    admin.on('error', () => undefined);
    const latencyMs = opts.labLatencyMs ?? 10;
    await replaceLabFaults(sqlOfPg(admin), {
      latencyMs,
      jitterMs: latencyMs * 4,
      transientErrorRate: opts.transientErrorRate ?? 0.05,
      permanentErrorRate: opts.permanentErrorRate ?? 0.01,
      rules: [],
    });
    await prepareFailoverProbe(topology);
    log(
      `topology up in ${((Date.now() - started) / 1000).toFixed(1)} s (PostgreSQL ${topology.bin.postgresMajor}); ${total} orders at ~${opts.ratePerSecond ?? 4}/s`,
    );

    const answers: ClientAnswer[] = [];
    let placed = 0;
    const observe = (a: ClientAnswer) => {
      answers.push(a);
      if (a.method === 'POST' && a.path === '/v1/orders' && a.status === 202) placed++;
    };
    storm = new Storm(topology, opts, log);
    const workload = runOrdersWorkload({
      base: topology.endpoints.api,
      hosterToken: topology.adminToken!,
      total,
      ratePerSecond: opts.ratePerSecond ?? 4,
      random,
      log,
      observe,
      honorRetryAfter: true,
      customersFirst: true,
      // A customer orders its subscription again until it completes (each attempt is one of its 5 orders).
      subscribeAttempts: 5,
    });
    let workloadDone = false;
    void workload.finally(() => (workloadDone = true)).catch(() => undefined);
    storm.startEngineKills(random);
    const events = await runEvents(
      topology,
      admin,
      storm,
      opts,
      () => placed,
      () => workloadDone,
      log,
      started,
    );
    const result = await workload;
    log(
      `orders: ${result.placed} placed: ${Object.entries(result.byStatus)
        .map(([k, n]) => `${k}=${n}`)
        .join(' ')}`,
    );
    const terminal = await waitForTerminalRuns(admin, 5 * 60_000, log);
    storm.stopEngineKills();
    const verdict = await verifyTopologyRun(admin, result);
    if (terminal) verdict.problems.unshift(terminal);
    verdict.problems.unshift(...result.problems);
    const tally = tallyAnswers(answers, started);
    noteFirstOrders(events.failovers, answers);
    if (tally.clientViolations)
      verdict.problems.push(`${tally.clientViolations} client answers outside the contract (2xx, 503/429 problem+json with Retry-After)`);
    const crashes = crashesOf(topology, storm.killedBy, events.failovers);
    verdict.problems.push(...crashes);
    return {
      ...verdict,
      ...tally,
      passed: verdict.problems.length === 0,
      ordersPlaced: result.placed,
      ordersByStatus: result.byStatus,
      failovers: events.failovers,
      events: events.events,
      throughput: throughputs(result.orders, events.failovers[0], events.marks.apiKill),
      engineKills: storm.engineKills,
      engineFreezes: storm.engineFreezes,
      apiKills: storm.apiKills,
      crashes,
      postgresMajor: topology.bin.postgresMajor,
      dir: opts.keep ? dir : undefined,
      durationMs: Date.now() - started,
    };
  } finally {
    storm?.stopEngineKills();
    await admin?.end().catch(() => undefined);
    await topology?.stop().catch(() => undefined);
    if (!opts.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}
