import * as fs from 'node:fs';
import * as path from 'node:path';
import { BENCH_DIR, type BenchResult, readResults, type TargetCheck } from './lib/results';

/**
 * Regenerates bench/RESULTS.md from bench/results/*.json: the machine, a summary of every
 * figure against its target, one section per benchmark (repetitions, setup, where the time
 * went), and bench/FINDINGS.md (written by people: profiles read, causes, recommendations).
 */
const ORDER = ['engine-throughput', 'memory', 'order-latency', 'failover', 'api-latency'];
const fmt = (v: unknown): string => {
  if (typeof v === 'number') return Number.isFinite(v) ? (Math.abs(v) >= 100 ? String(Math.round(v)) : String(Math.round(v * 100) / 100)) : '—';
  if (v === undefined || v === null) return '—';
  return String(v);
};
const pct = (v: number | undefined) => (typeof v === 'number' && Number.isFinite(v) ? `${Math.round(v * 1000) / 10}%` : '—');
const unit = (c: TargetCheck) => (c.unit === '×' || c.unit === '%' ? `${fmt(c.value)}${c.unit}` : `${fmt(c.value)} ${c.unit}`);
const table = (head: string[], rows: unknown[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(fmt).join(' | ')} |`)].join('\n');

function statementsTable(s: any, perUnit?: { label: string; count: number }): string {
  if (!s?.top?.length) return '';
  const rows = s.top
    .slice(0, 10)
    .map((t: any) => [
      fmt(t.calls),
      perUnit ? fmt(Math.round((t.calls / perUnit.count) * 100) / 100) : '',
      fmt(t.totalMs),
      fmt(t.planMs),
      fmt(t.meanMs),
      `${Math.round(t.share * 100)}%`,
      '`' + t.query.replace(/\|/g, '\\|').slice(0, 110) + (t.query.length > 110 ? '…' : '') + '`',
    ]);
  const head = `${fmt(s.totalCalls)} statements${perUnit ? ` (${fmt(Math.round((s.totalCalls / perUnit.count) * 10) / 10)} per ${perUnit.label})` : ''}, ${fmt(s.totalMs)} ms executing (lock waits included)${s.planMs !== undefined ? `, ${fmt(s.planMs)} ms planning` : ''}:`;
  return [head, '', table(['calls', perUnit ? `per ${perUnit.label}` : '', 'exec ms', 'plan ms', 'mean exec ms', 'share of exec', 'statement'], rows)].join(
    '\n',
  );
}

function cpuTable(c: any, title: string): string {
  if (!c?.top?.length) return '';
  return [
    `${title}: ${c.files} profile(s), ${c.totalMs} ms sampled, ${Math.round(c.idleShare * 100)}% idle, GC ${Math.round(c.gcShare * 100)}% of busy time.`,
    '',
    table(
      ['self ms', 'share of busy', 'function', 'where'],
      c.top.slice(0, 12).map((t: any) => [t.selfMs, `${Math.round(t.selfShare * 1000) / 10}%`, '`' + t.fn + '`', t.where]),
    ),
  ].join('\n');
}

function section(r: BenchResult): string {
  const load = r.machine.loadAverageAtEnd
    ? `; load average ${r.machine.loadAverageAtStart.join(' ')} at the start, ${r.machine.loadAverageAtEnd.join(' ')} at the end`
    : '';
  const out: string[] = [
    `## ${r.name}`,
    '',
    r.description + '.',
    '',
    `Run ${r.date.slice(0, 16).replace('T', ' ')} UTC on commit \`${r.commit}\`${r.dirty ? ' (with uncommitted changes)' : ''}, ${r.repetitions} repetitions, ${r.durationS} s${load}.`,
    '',
  ];
  if (r.notes?.length) out.push(...r.notes.map((n) => `> ${n}`), '');
  const s: any = r.summary;
  const runs: any[] = r.runs;
  switch (r.name) {
    case 'engine-throughput':
      out.push(
        table(
          [
            'rep',
            'online steps/s',
            'online orders/s',
            'online p50 ms',
            'online p99 ms',
            'drain steps/s',
            'raw loop jobs/s',
            'DBOS steps/s',
            'pg-boss jobs/s',
            'drain ÷ raw',
            'drain ÷ DBOS',
            'online ÷ raw',
            'drain ÷ pg-boss',
          ],
          [
            ...runs.map((x) => [
              x.rep,
              x.online.stepsPerS,
              x.online.ordersPerS,
              x.online.latencyMs.p50,
              x.online.latencyMs.p99,
              x.drain.stepsPerS,
              x.raw.jobsPerS,
              x.dbos?.jobsPerS,
              x.pgboss.jobsPerS,
              pct(x.ratios.drainVsRaw),
              `${fmt(x.ratios.drainVsDbos)}×`,
              pct(x.ratios.onlineVsRaw),
              `${x.ratios.drainVsPgboss}×`,
            ]),
            [
              '**median**',
              s.online.stepsPerS,
              s.online.ordersPerS,
              s.online.latencyP50Ms,
              s.online.latencyP99Ms,
              s.drain.stepsPerS,
              s.rawJobsPerS,
              s.dbosStepsPerS,
              s.pgbossJobsPerS,
              pct(s.ratios.drainVsRaw),
              `${fmt(s.ratios.drainVsDbos)}×`,
              pct(s.ratios.onlineVsRaw),
              `${s.ratios.drainVsPgboss}×`,
            ],
          ],
        ),
        '',
        `The raw loop runs in the engines' commit mode (synchronous_commit=off); DBOS Transact in its default (durable) mode, one workflow per drained run with that run's step count, one row written per step. ` +
          `Steps per order: ${s.drain.stepsPerOrder}. API placement alone (no engine running): ${s.drain.apiPlacementOnlyPerS} orders/s; while engines run: ${s.online.placedPerS} orders/s. ` +
          `Database statements per journaled step (drain, engines only): ${s.drain.roundTripsPerStep}; per order end to end (online, API + engines): ${s.online.roundTripsPerOrder}.`,
        '',
      );
      if (s.cpuMsPerStep) {
        const c = s.cpuMsPerStep;
        const cap = s.idleMachineCapacity;
        out.push(
          `**CPU cost** (from /proc, all processes involved, medians): drain ${c.drain} ms per step (engines ${c.drainEngines}, PostgreSQL ${c.drainPostgres}); online ${c.online} ms per step (API ${c.onlineApi}); ` +
            `raw loop ${c.rawPerJob} ms per job; DBOS ${fmt(c.dbosPerStep)} ms per step; pg-boss ${c.pgbossPerJob} ms per job. On an otherwise idle ${r.machine.cores}-core machine that caps the drain at ≈ ${cap.drainStepsPerS} steps/s and the online flow at ≈ ${cap.onlineStepsPerS} steps/s ` +
            `(raw loop ≈ ${cap.rawJobsPerS} jobs/s, DBOS ≈ ${fmt(cap.dbosStepsPerS)} steps/s; pg-boss is not CPU-bound: its loop sleeps).`,
          '',
        );
      }
      if ((r.profile as any)?.statementsLastRep?.drain) {
        const d = (r.profile as any).statementsLastRep.drain;
        const steps = runs[runs.length - 1].drain.steps;
        out.push(
          `Where the database time went during the last drain (pg_stat_statements, ${steps} steps, ${Math.round(d.totalMs)} ms of statement time):`,
          '',
          statementsTable(d, { label: 'step', count: steps }),
          '',
        );
      }
      if ((r.profile as any)?.statementsLastRep?.online) {
        const o = (r.profile as any).statementsLastRep.online;
        const orders = runs[runs.length - 1].online.orders;
        out.push(`…and during the last online phase (API + engines, ${orders} orders):`, '', statementsTable(o, { label: 'order', count: orders }), '');
      }
      break;
    case 'memory':
      out.push(
        table(
          ['process', 'phase', 'peak RSS MB'],
          runs.map((x) => (x.apiPid ? ['API (`serve`)', 'whole benchmark', x.apiPeakMb] : [`engine pid ${x.enginePid}`, x.phase, x.peakMb])),
        ),
        '',
      );
      break;
    case 'order-latency':
      out.push(
        table(
          ['round', 'orders', 'steps each', 'p50 ms', 'p90 ms', 'max ms', 'POST ms', 'queue ms', 'execute ms', 'notify ms'],
          [
            ...runs.map((x) => [
              x.rep,
              x.orders,
              x.stepsPerOrder,
              x.latencyMs.p50,
              x.latencyMs.p90,
              x.latencyMs.max,
              x.breakdownMedianMs.post,
              x.breakdownMedianMs.queue,
              x.breakdownMedianMs.execute,
              x.breakdownMedianMs.notify,
            ]),
            [
              '**all**',
              s.pooled.n,
              s.stepsPerOrder,
              s.pooled.p50,
              s.pooled.p90,
              s.pooled.max,
              s.breakdownMedianMs.post,
              s.breakdownMedianMs.queue,
              s.breakdownMedianMs.execute,
              s.breakdownMedianMs.notify,
            ],
          ],
        ),
        '',
        `Breakdown (medians): POST round trip; queue = run created → claimed; execute = claimed → finished (${s.breakdownMedianMs.perStep} ms per step, of which provider calls ${s.breakdownMedianMs.providerCallsTotal} ms in total); notify = finished → the client's long poll returned. ${s.roundTripsPerOrder} database statements per order.`,
        '',
      );
      if ((r.profile as any)?.statements) out.push(statementsTable((r.profile as any).statements, { label: 'order', count: s.pooled.n }), '');
      break;
    case 'failover':
      out.push(
        table(
          ['round', 'kills', 'first step p50 ms', 'p99 ms', 'max ms', 'all runs moving p50 ms', 'p99 ms'],
          [
            ...runs.map((x) => [x.rep, x.kills, x.firstStepMs.p50, x.firstStepMs.p99, x.firstStepMs.max, x.allRunsMs.p50, x.allRunsMs.p99]),
            ['**all**', s.kills, s.firstStepMs.p50, s.firstStepMs.p99, s.firstStepMs.max, s.allRunsMs.p50, s.allRunsMs.p99],
          ],
        ),
        '',
        `${s.orders} orders: ${Object.entries(s.byStatus)
          .map(([k, v]) => `${v} ${k}`)
          .join(
            ', ',
          )}; ${s.notTerminal} not terminal; ${s.takeovers} takeovers; ${s.runsHeldPerKill} runs held per kill (median); lab duplicates ${s.labDuplicates}; lab users ${s.labUsers} for ${s.expectedLabUsers} completed orders.`,
        '',
      );
      break;
    case 'api-latency':
      out.push(
        table(
          [
            'rep',
            'plans req/s',
            'bare req/s',
            'plans ÷ bare',
            'orders req/s',
            'bare POST req/s',
            'plans p99 @1000/s',
            'served',
            'from idle',
            'bare p99 @1000/s',
            'orders p99 @1000/s',
            'served',
          ],
          [
            ...runs.map((x) => [
              x.rep,
              x.apiPlansMax.rps,
              x.barePlansMax.rps,
              `${Math.round(x.ratios.plans * 1000) / 10}%`,
              x.apiOrdersMax.rps,
              x.bareOrdersMax.rps,
              x.apiPlansFixed.latencyMs.p99,
              x.apiPlansFixed.rps,
              x.apiPlansFixedCold?.latencyMs.p99 ?? '',
              x.barePlansFixed.latencyMs.p99,
              x.apiOrdersFixed.latencyMs.p99,
              x.apiOrdersFixed.rps,
            ]),
            [
              '**median**',
              s.plans.apiRps,
              s.plans.bareRps,
              `${Math.round(s.plans.ratio * 1000) / 10}%`,
              s.orders.apiRps,
              s.orders.bareRps,
              s.plans.fixedRate.apiP99Ms,
              s.plans.fixedRate.apiServedRps,
              s.plans.fixedRate.apiP99FromIdleMs ?? '',
              s.plans.fixedRate.bareP99Ms,
              s.orders.fixedRate.apiP99Ms,
              s.orders.fixedRate.apiServedRps,
            ],
          ],
        ),
        '',
        `Throughput runs use 16 connections (autocannon). The fixed-rate runs offer a steady 1,000 req/s (bench/lib/paced-load.ts: evenly spaced arrivals over up to 50 connections, latency from each request's due time), measured after 2 s of the same load; "served" is what came back per second. "From idle" is the same GET /v1/plans load started after ≥ 6 s of quiet with no warm-up (every cached entry expired, new connections): reported, not judged. POST /v1/orders: ${s.orders.statementsPerOrder} database statements per order.`,
        '',
      );
      if (s.plans.cpuMsPerRequest) {
        out.push(
          `**CPU per request** (medians, /proc): GET /v1/plans API ${s.plans.cpuMsPerRequest.api} ms + PostgreSQL ${s.plans.cpuMsPerRequest.postgres} ms, bare Fastify ${s.plans.cpuMsPerRequest.bare} ms; ` +
            `POST /v1/orders API ${s.orders.cpuMsPerRequest.api} ms + PostgreSQL ${s.orders.cpuMsPerRequest.postgres} ms. ` +
            `The framework alone (public \`GET /health/live\`, no auth, no database): ${s.healthLive.apiRps} req/s, ${s.healthLive.cpuMsPerRequest} ms CPU per request (${Math.round(s.healthLive.ratioToBarePlans * 100)}% of the bare route's throughput).`,
          '',
        );
      }
      if ((r.profile as any)?.statements?.ordersMax)
        out.push('Statements during the last POST /v1/orders throughput run:', '', statementsTable((r.profile as any).statements.ordersMax), '');
      break;
    default:
      out.push('```json', JSON.stringify(r.summary, null, 2), '```', '');
  }
  const cpu = (r.profile as any)?.cpu;
  if (cpu) {
    if (cpu.engines) out.push(cpuTable(cpu.engines, 'CPU profile of the engines (`--profile`)'), '');
    if (cpu.api) out.push(cpuTable(cpu.api, 'CPU profile of the API (`--profile`)'), '');
  }
  out.push('<details><summary>setup</summary>', '', '```json', JSON.stringify(r.setup, null, 2), '```', '', '</details>', '');
  return out.join('\n');
}

export function renderReport(results: BenchResult[]): string {
  const sortedResults = [...results].sort((a, b) => ((ORDER.indexOf(a.name) + 100) % 100) - ((ORDER.indexOf(b.name) + 100) % 100));
  const latest = sortedResults.reduce<BenchResult | undefined>((a, b) => (!a || b.date > a.date ? b : a), undefined);
  const m = latest?.machine;
  const pg = (sortedResults.find((r) => (r.setup as any)?.postgres) as any)?.setup?.postgres;
  const lines: string[] = [
    '# Benchmark results',
    '',
    'Generated by `npm run bench` from `bench/results/*.json` — do not edit by hand; the findings at the end come from `bench/FINDINGS.md`.',
    'Every benchmark starts its own embedded PostgreSQL (default durability: fsync, synchronous_commit and full_page_writes on) and runs its baseline in the same run.',
    '',
    '## Machine',
    '',
  ];
  if (m) {
    lines.push(
      table(['cores', 'memory', 'CPU', 'Node', 'PostgreSQL', 'platform'], [[m.cores, `${m.memoryGb} GB`, m.cpuModel, m.node, pg?.version ?? '—', m.platform]]),
      '',
    );
    if (pg?.settings)
      lines.push(
        `PostgreSQL settings: ${Object.entries(pg.settings)
          .map(([k, v]) => `\`${k}=${v}\``)
          .join(', ')}.`,
        '',
      );
    lines.push(
      '> The machine is shared with other work (see the load averages per benchmark: 2 cores, so anything above 2 means our processes waited for a CPU). Absolute figures move with that load; ' +
        'the ratios to the same-run baselines and the CPU milliseconds per unit of work move much less.',
      '',
    );
  }
  lines.push(
    '## Summary',
    '',
    table(
      ['benchmark', 'figure', 'value', 'baseline', 'target', 'met?', 'run', 'commit'],
      sortedResults.flatMap((r) =>
        r.checks.map((c) => [
          r.name,
          c.metric,
          unit(c),
          c.baseline ? `${c.baseline.name}: ${fmt(c.baseline.value)} ${c.baseline.unit}` : '',
          c.target + (c.note ? ` (${c.note})` : ''),
          c.met ? '✅ met' : '❌ missed',
          r.date.slice(0, 10),
          r.commit + (r.dirty ? '*' : ''),
        ]),
      ),
    ),
    '',
  );
  for (const r of sortedResults) lines.push(section(r));
  const findings = path.join(BENCH_DIR, 'FINDINGS.md');
  if (fs.existsSync(findings)) lines.push(fs.readFileSync(findings, 'utf8').trim(), '');
  return lines.join('\n');
}

export function writeReport(): void {
  fs.writeFileSync(path.join(BENCH_DIR, 'RESULTS.md'), renderReport(readResults()));
}
