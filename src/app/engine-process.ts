import { Pool } from 'pg';
import { appendAuditEvent } from '../audit/audit-writer';
import { rootLogger } from '../common/logging/logger';
import { warnIfPrivilegedRole } from '../database/database-roles';
import { sqlOfPg } from '../database/sql';
import type { AppConfig } from '../config/app-config';
import { Engine } from '../provisioning/engine/engine';
import { createMachine } from '../provisioning/language/machine';
import { NamespaceRegistry } from '../provisioning/namespaces/namespace-registry';
import { buildProviders } from './providers';
import { createRunHooks } from './run-hooks';

/**
 * Every statement of an engine is a named prepared statement keyed by primary keys, run ids or
 * order ids (the journal's fenced writes, the claim, the order and quota settlements, the lab's
 * writes), so one generic plan per connection serves every call. Left to choose, PostgreSQL plans
 * each at least five times per connection before it settles on a generic plan, and the claim on
 * every call: planning was a fifth of the database time of a drained step. The engine process
 * runs no search (LIKE on paths, free filters) whose best plan depends on its parameters' values.
 */
const GENERIC_PLANS = '-c plan_cache_mode=force_generic_plan';

/**
 * The `engine` process (`provisio engine`, ×ENGINES under `provisio all`), wired here: the
 * configured providers, the namespace registry over them, the run hooks and the audit writer as
 * the engine's audit sink; then one Engine runs until SIGTERM/SIGINT or the supervisor goes
 * away, and drains: the steps in flight finish, the leases are given back, the engine is marked
 * stopped. A crash or SIGKILL needs nothing of this: other engines take over when the leases
 * expire.
 */
export async function runEngineProcess(config: AppConfig, databaseUrl: string): Promise<void> {
  const log = rootLogger().child({ component: 'engine-process' });
  const connection = { connectionString: databaseUrl, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000 };
  /*
   * Every commit of an engine process is asynchronous (synchronous_commit=off): a commit returns
   * before its WAL is flushed, so a step costs no fsync wait. A PostgreSQL crash may then lose the
   * last moment of them, but never half of one and never out of order (the WAL is flushed in
   * order), and losing them is what a takeover already handles: the run resumes from its last
   * durable state and re-executes the step after it.
   *
   * The providers whose store lives in this database (the lab, the catalog's quota ledger) commit
   * the same way on their own pool, and that is safe for the same reason: a provider's commit
   * precedes the journal commit recording its result in the one WAL stream, so a journal commit
   * that survives implies the provider commit survives; if the provider commit is lost, so is
   * the journal's, and the step runs again (providers are idempotent by natural key). No state
   * exists in which the journal says "done" and the effect is gone. (A provider whose effects
   * live elsewhere has its own durability; this pool is only for stores in this database.)
   */
  const asyncCommit = { options: `-c synchronous_commit=off ${GENERIC_PLANS}` };
  const pool = new Pool({ ...connection, ...asyncCommit, max: config.engineConcurrency + 4, application_name: 'provisio-engine' });
  const providerPool = new Pool({ ...connection, ...asyncCommit, max: config.engineConcurrency + 2, application_name: 'provisio-engine-providers' });
  /*
   * Leases are the exception: claims, heartbeats and renewals commit durably (to the synchronous
   * standby when there is one). A lease lost with a failover while its engine believes in it would
   * let another engine run the same step; a lost journal write is caught by the journal's own
   * fence (step_count), which a lost lease is not.
   */
  const leasePool = new Pool({ ...connection, options: GENERIC_PLANS, max: 3, application_name: 'provisio-engine-leases' });
  // A database restart breaks idle connections: log it, the pools replace them.
  pool.on('error', (err) => log.warn({ err: err.message }, 'idle database connection lost'));
  providerPool.on('error', (err) => log.warn({ err: err.message }, 'idle provider connection lost'));
  leasePool.on('error', (err) => log.warn({ err: err.message }, 'idle lease connection lost'));
  await warnIfPrivilegedRole(sqlOfPg(pool), log);

  let stopping: string | undefined;
  let wake: () => void = () => undefined;
  const stop = (why: string) => {
    if (stopping) return;
    stopping = why;
    wake();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('disconnect', () => stop('supervisor gone'));

  const providers = buildProviders({ config, pool: providerPool, log });
  const registry = await NamespaceRegistry.load([...providers.providers]);
  const engine = new Engine({
    pool,
    leasePool,
    resolver: registry,
    createMachine,
    hooks: createRunHooks(),
    audit: appendAuditEvent,
    capacity: config.engineConcurrency,
    leaseTtlMs: config.engineLeaseTtlMs,
    pollIntervalMs: config.enginePollIntervalMs,
  });
  await engine.start();
  log.info({ engineId: engine.id, pid: process.pid, providers: providers.providers.map((p) => p.name) }, 'engine process ready');

  if (!stopping) await new Promise<void>((resolve) => (wake = resolve));
  log.info({ engineId: engine.id, why: stopping }, 'engine process stopping');
  await engine.stop();
  await providers.close();
  await Promise.all([pool, providerPool, leasePool].map((p) => p.end().catch(() => undefined)));
}
