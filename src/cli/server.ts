import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../app/app.factory';
import type { AppConfig } from '../config/app-config';
import { rootLogger } from '../common/logging/logger';
import { openDatabase, warnAboutRuntimeRole } from './database';
import { seedInstallation } from './seed';
import { Supervisor } from './supervisor';

/**
 * `serve` and `all`: database (embedded unless DATABASE_URL), migrations, first-start seed, the
 * API, and for `all` the supervised engines. Stops in reverse order on SIGINT/SIGTERM.
 */
export async function runServer(config: AppConfig, opts: { engines: number; mainScript: string }): Promise<number> {
  const log = rootLogger();
  const db = await openDatabase(config, { migrate: true });
  let app: NestFastifyApplication | undefined;
  let supervisor: Supervisor | undefined;
  let shuttingDown: Promise<void> | undefined;

  const shutdown = (signal: string) => {
    if (shuttingDown) {
      log.warn({ signal }, 'second signal: stopping now');
      supervisor?.stop();
      return shuttingDown;
    }
    log.info({ signal }, 'shutting down: closing the API, draining engines, stopping the database');
    shuttingDown = (async () => {
      await app?.close().catch((err) => log.error({ err }, 'error closing the API'));
      await supervisor?.stop();
      await db.close().catch((err) => log.error({ err }, 'error stopping the embedded database'));
      log.info('stopped');
    })();
    return shuttingDown;
  };

  try {
    await warnAboutRuntimeRole(db.url);
    await seedInstallation(config, db.url, { printToken: true });
    app = await createApp(config, { databaseUrl: db.url });
    await app.listen({ port: config.port, host: config.host });
  } catch (e) {
    await app?.close().catch(() => undefined);
    await db.close();
    throw e;
  }
  const base = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
  if (opts.engines > 0) {
    supervisor = new Supervisor({
      count: opts.engines,
      script: opts.mainScript,
      args: ['engine'],
      env: { ...process.env, DATABASE_URL: db.url, PROVISIO_ROLE: 'engine' },
    });
    supervisor.start();
  }
  log.info(
    { api: `${base}/v1`, docs: `${base}/docs`, ready: `${base}/health/ready`, engines: opts.engines },
    `Provisio is listening on ${base} (docs at ${base}/docs)`,
  );

  await new Promise<void>((resolve) => {
    const on = (signal: NodeJS.Signals) => process.on(signal, () => void shutdown(signal).then(resolve));
    on('SIGINT');
    on('SIGTERM');
  });
  return 0;
}
