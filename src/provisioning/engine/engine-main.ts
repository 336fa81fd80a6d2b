import { Pool } from 'pg';
import type { AppConfig } from '../../config/app-config';
import { rootLogger } from '../../common/logging/logger';
import { sqlOfPg } from '../../database/sql';
import { EngineRegistry } from './engine-registry';

/**
 * The `engine` process: registers itself, heartbeats every ttl/3 and (from the engine issue on)
 * claims and executes runs. SIGTERM/SIGINT or the supervisor going away make it drain and exit.
 */
export async function runEngineProcess(config: AppConfig, databaseUrl: string): Promise<void> {
  const log = rootLogger().child({ component: 'engine' });
  const pool = new Pool({ connectionString: databaseUrl, max: config.engineConcurrency + 4, application_name: 'provisio-engine' });
  pool.on('error', (err) => log.warn({ err }, 'idle database connection error'));
  const registry = new EngineRegistry(sqlOfPg(pool), config.engineConcurrency);
  await registry.register();
  log.info({ engineId: registry.id, pid: process.pid }, 'engine registered');

  let stopping = false;
  const beat = setInterval(() => {
    registry.heartbeat(0, 0).catch((err) => log.warn({ err }, 'heartbeat failed'));
  }, Math.max(100, Math.floor(config.engineLeaseTtlMs / 3)));

  await new Promise<void>((resolve) => {
    const stop = (why: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ why }, 'engine stopping');
      resolve();
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('disconnect', () => stop('supervisor gone'));
  });
  clearInterval(beat);
  await registry.setState('stopped').catch((err) => log.warn({ err }, 'could not mark engine stopped'));
  await pool.end();
  log.info({ engineId: registry.id }, 'engine stopped');
}
