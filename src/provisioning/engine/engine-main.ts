import { Pool } from 'pg';
import type { AppConfig } from '../../config/app-config';
import { rootLogger } from '../../common/logging/logger';
import { createMachine } from '../language/machine';
import { NamespaceRegistry } from '../namespaces/namespace-registry';
import { Engine } from './engine';
import { pluginProviders, registerPluginHooks } from './engine-plugins';
import { runHooks } from './run-hooks';

/**
 * The `engine` process (`provisio engine`, ×ENGINES under `provisio all`): loads the providers
 * and the namespace registry, then runs one Engine until SIGTERM/SIGINT or the supervisor goes
 * away, and drains: the steps in flight finish, the leases are given back, the engine is marked
 * stopped. A crash or SIGKILL needs nothing of this: other engines take over when the leases
 * expire.
 */
export async function runEngineProcess(config: AppConfig, databaseUrl: string): Promise<void> {
  const log = rootLogger().child({ component: 'engine-process' });
  const pool = new Pool({
    connectionString: databaseUrl,
    // Every run in flight needs a connection for its provider call and one for its journal
    // write; the heartbeat and claims need theirs.
    max: config.engineConcurrency * 2 + 4,
    application_name: 'provisio-engine',
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // A database restart breaks idle connections: log it, the pool replaces them.
  pool.on('error', (err) => log.warn({ err: err.message }, 'idle database connection lost'));

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

  const providers = await pluginProviders({ pool, config, log });
  const registry = await NamespaceRegistry.load(providers);
  registerPluginHooks(runHooks);
  const engine = new Engine({
    pool,
    resolver: registry,
    createMachine,
    capacity: config.engineConcurrency,
    leaseTtlMs: config.engineLeaseTtlMs,
    pollIntervalMs: config.enginePollIntervalMs,
  });
  await engine.start();
  log.info({ engineId: engine.id, pid: process.pid, providers: providers.map((p) => p.name) }, 'engine process ready');

  if (!stopping) await new Promise<void>((resolve) => (wake = resolve));
  log.info({ engineId: engine.id, why: stopping }, 'engine process stopping');
  await engine.stop();
  await pool.end().catch(() => undefined);
}
