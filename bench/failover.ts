import { sqlOfPg } from '../src/database/sql';
import { labDuplicates, labInventory } from '../src/provisioning/providers/lab';
import { type BenchContext, type BenchDefinition } from './lib/context';
import { ApiClient, expectStatus } from './lib/http';
import { startBenchDatabase } from './lib/postgres';
import { type ApiProcess, type EngineProcess, startApi, startEngine, waitUntil } from './lib/processes';
import { atMost, type BenchResult } from './lib/results';
import { distribution, median, round } from './lib/stats';
import { addUserOrder, createCustomers, subscribeAll } from './lib/tenants';

const TERMINAL = ['completed', 'failed', 'needs_attention', 'cancelled'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Kill {
  rep: number;
  killedEngine: string;
  runsHeld: number;
  /** Kill → first step journaled by another engine on one of the killed engine's runs. */
  firstStepMs: number;
  /** Kill → every run it held moved again (a step journaled, or finished, by another engine). */
  allRunsMs: number;
}

/**
 * failover (QUALITY.md): 3 engine processes (default configuration: ENGINE_LEASE_TTL=2s, heartbeat
 * every ttl/3, ENGINE_POLL_INTERVAL=500ms) under a steady stream of add_users orders (lab latency
 * 20 ms + up to 20 ms jitter per call, so runs are always in flight). Again and again: SIGKILL
 * the engine holding the most runs, start a replacement at once, and time from the kill to the
 * first step another engine journals on one of its runs (provisioning_steps.finished_at, same
 * host clock). At the end every order must be terminal (0 runs lost) and the lab must hold no
 * natural key twice (labDuplicates) and exactly one user per completed order.
 */
export const failover: BenchDefinition = {
  name: 'failover',
  description:
    'SIGKILL the engine holding runs (3 engines, replacement started at once); kill → first step journaled by another engine; 0 runs lost, 0 duplicate lab objects',
  async run(ctx: BenchContext): Promise<BenchResult[]> {
    const killsPerRep = ctx.quick ? 4 : Math.ceil(50 / ctx.reps);
    const engineCount = 3;
    const inFlightTarget = 24;
    const started = Date.now();
    const db = await startBenchDatabase('failover');
    let api: ApiProcess | undefined;
    const engines = new Map<string, EngineProcess>();
    let slot = 0;
    let feeding = true;
    let feeder: Promise<void> | undefined;
    try {
      api = await startApi(db.url, db.dir);
      const client = new ApiClient(api.base);
      const spawnEngine = async () => {
        const e = await startEngine(db.pool, db.url, db.dir, { slot: slot++ });
        engines.set(e.engineId, e);
        return e;
      };
      await Promise.all(Array.from({ length: engineCount }, () => spawnEngine()));
      const customers = await createCustomers(client, api.adminToken, 40, 'fo');
      await subscribeAll(client, customers, 'enterprise');
      const faults = await client.request('PUT', '/v1/lab/faults', {
        token: api.adminToken,
        body: { latencyMs: 20, jitterMs: 20, transientErrorRate: 0, permanentErrorRate: 0, rules: [] },
      });
      expectStatus(faults, 200, 'set lab latency');
      ctx.log(`API pid ${api.pid}; ${engineCount} engines; ${customers.length} customers; feeding ~${inFlightTarget} orders in flight`);

      // The feeder keeps about inFlightTarget orders unfinished, round-robin over the customers.
      const placed: string[] = [];
      let serial = 0;
      let feedErrors = 0;
      feeder = (async () => {
        while (feeding) {
          const open = (
            await db.pool.query(`/* bench */ SELECT count(*)::int AS n FROM orders WHERE type = 'add_users' AND status IN ('accepted', 'provisioning')`)
          ).rows[0].n as number;
          const want = Math.max(0, inFlightTarget - open);
          await Promise.all(
            Array.from({ length: want }, async () => {
              const c = customers[serial % customers.length];
              const alias = `fo${serial++}`;
              const res = await client.post('/v1/orders', addUserOrder(c, alias, 'mobile-mailbox'), c.token).catch(() => undefined);
              if (res?.status === 202) placed.push(res.body.id);
              else feedErrors++;
            }),
          );
          await sleep(50);
        }
      })();

      const kills: Kill[] = [];
      const runs: Record<string, unknown>[] = [];
      for (let rep = 1; rep <= ctx.reps; rep++) {
        const repKills: Kill[] = [];
        for (let k = 0; k < killsPerRep; k++) {
          // The fleet is complete, and the victim holds live leases.
          const victim = await waitUntil(
            async () => {
              const r = await db.pool.query(
                `/* bench */ SELECT lease_owner, array_agg(id) AS ids FROM provisioning_runs
                   WHERE lease_owner IS NOT NULL AND status IN ('running', 'compensating') AND lease_expires_at > now()
                   GROUP BY lease_owner ORDER BY count(*) DESC`,
              );
              const row = r.rows.find((x) => engines.get(x.lease_owner)?.alive);
              return row && engines.size >= engineCount ? { engineId: row.lease_owner as string, runIds: row.ids as string[] } : undefined;
            },
            'an engine holding runs',
            60_000,
            10,
          );
          const proc = engines.get(victim.engineId)!;
          proc.kill('SIGKILL');
          const killAt = Date.now();
          engines.delete(victim.engineId);
          const replacement = spawnEngine();
          const recovered = await waitUntil(
            async () => {
              const r = await db.pool.query(
                `/* bench */ SELECT r.id,
                        (SELECT EXTRACT(EPOCH FROM min(s.finished_at)) * 1000 FROM provisioning_steps s
                          WHERE s.run_id = r.id AND s.engine_id <> $2 AND s.finished_at >= to_timestamp($3 / 1000.0)) AS first_step,
                        EXTRACT(EPOCH FROM r.finished_at) * 1000 AS finished
                   FROM provisioning_runs r WHERE r.id = ANY($1)`,
                [victim.runIds, victim.engineId, killAt],
              );
              // A run the victim finished between our look and the kill was not held after all.
              const held = r.rows.filter((x) => x.finished === null || Number(x.finished) >= killAt);
              const firstSteps = held.map((x) => (x.first_step === null ? NaN : Number(x.first_step))).filter(Number.isFinite);
              const moved = held.map((x) =>
                Math.min(x.first_step === null ? Infinity : Number(x.first_step), x.finished === null ? Infinity : Number(x.finished)),
              );
              if (!moved.every(Number.isFinite)) return undefined;
              if (!held.length) return { first: NaN, all: NaN };
              // (A run whose steps were all done only needed its completion: that counts as moving.)
              return { first: Math.min(...(firstSteps.length ? firstSteps : moved)) - killAt, all: Math.max(...moved) - killAt };
            },
            `the runs of killed engine ${victim.engineId} to move again`,
            60_000,
            20,
          );
          await replacement;
          if (!Number.isFinite(recovered.first)) {
            k--; // the victim's runs all finished before the kill landed: not a failover, try again
            continue;
          }
          const kill: Kill = {
            rep,
            killedEngine: victim.engineId,
            runsHeld: victim.runIds.length,
            firstStepMs: Math.round(recovered.first),
            allRunsMs: Math.round(recovered.all),
          };
          repKills.push(kill);
          // A random pause, so the kills land at every phase of the heartbeat.
          await sleep(200 + Math.random() * 800);
        }
        kills.push(...repKills);
        const first = distribution(
          repKills.map((k) => k.firstStepMs),
          0,
        );
        runs.push({
          rep,
          kills: repKills.length,
          firstStepMs: first,
          allRunsMs: distribution(
            repKills.map((k) => k.allRunsMs),
            0,
          ),
          samples: repKills,
        });
        ctx.log(`round ${rep}: ${repKills.length} kills, kill → first step by another engine p50 ${first.p50} ms, p99 ${first.p99} ms, max ${first.max} ms`);
      }

      feeding = false;
      await feeder;
      // Let everything finish (the storm is over; the fleet is complete).
      let notTerminal = 0;
      try {
        await waitUntil(
          async () => {
            const r = await db.pool.query(`/* bench */ SELECT count(*)::int AS n FROM orders WHERE id = ANY($1) AND NOT (status = ANY($2))`, [
              placed,
              TERMINAL,
            ]);
            notTerminal = r.rows[0].n;
            return notTerminal === 0;
          },
          'every order to finish',
          180_000,
          200,
        );
      } catch {
        /* counted below */
      }
      const byStatus = Object.fromEntries(
        (await db.pool.query(`/* bench */ SELECT status, count(*)::int AS n FROM orders WHERE id = ANY($1) GROUP BY status`, [placed])).rows.map((r) => [
          r.status,
          r.n,
        ]),
      );
      const sql = sqlOfPg(db.pool);
      const duplicates = await labDuplicates(sql);
      const inventory = await labInventory(sql);
      const takeovers = (await db.pool.query(`/* bench */ SELECT count(*)::int AS n FROM audit_events WHERE action = 'run.taken_over'`)).rows[0].n as number;
      const completedOrders = byStatus.completed ?? 0;
      const lost = notTerminal + (byStatus.needs_attention ?? 0);
      const pooled = distribution(
        kills.map((k) => k.firstStepMs),
        0,
      );
      const summary = {
        kills: kills.length,
        firstStepMs: pooled,
        allRunsMs: distribution(
          kills.map((k) => k.allRunsMs),
          0,
        ),
        p99MsMedianOfRounds: round(median(runs.map((r: any) => r.firstStepMs.p99))),
        runsHeldPerKill: round(median(kills.map((k) => k.runsHeld))),
        orders: placed.length,
        byStatus,
        notTerminal,
        runsLost: lost,
        takeovers,
        labDuplicates: duplicates.length,
        labUsers: inventory.users,
        expectedLabUsers: completedOrders,
        feedErrors,
      };
      const checks = [
        atMost('kill → first step by another engine, p99 over all kills', pooled.p99, 3000, 'ms'),
        atMost('runs lost (not terminal, or needs_attention)', lost, 0, 'runs'),
        atMost('duplicate lab objects', duplicates.length, 0, 'objects'),
        atMost('lab users ≠ completed orders', Math.abs(inventory.users - completedOrders), 0, 'users'),
      ];
      return [
        {
          ...ctx.header('failover', this.description),
          date: new Date().toISOString(),
          durationS: Math.round((Date.now() - started) / 1000),
          setup: {
            engines: `${engineCount} × \`provisio engine\`, defaults: ENGINE_LEASE_TTL=2s (heartbeat every 0.67 s), ENGINE_POLL_INTERVAL=500ms, ENGINE_CONCURRENCY=16`,
            victim: 'the engine holding the most live leases; a replacement starts right after the kill',
            workload: `add_users orders (mobile-mailbox, 5 steps) kept ~${inFlightTarget} unfinished, over ${customers.length} customers`,
            lab: 'latency 20 ms + uniform 0–20 ms per call, no faults',
            killsPerRound: killsPerRep,
            clock: 'kill time (bench, Date.now()) → provisioning_steps.finished_at written by the engine (same host clock)',
            postgres: { version: db.version, settings: db.settings },
          },
          repetitions: ctx.reps,
          runs,
          summary,
          checks,
        },
      ];
    } finally {
      feeding = false;
      await feeder?.catch(() => undefined);
      await Promise.all([...engines.values()].map((e) => e.stop(10_000)));
      await api?.stop(10_000);
      await db.stop();
    }
  },
};
