import 'reflect-metadata';
import type { ModuleMetadata } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { ProblemFilter } from '../common/errors/problem.filter';
import { BODY_LIMIT, configureFastify, genRequestId, onClientError, onFrameworkError } from '../common/http/fastify-setup';
import { registerHttpPlugins, registerHttpSemantics } from '../common/http/http-semantics';
import { buildOpenApi } from '../common/http/openapi';
import { registerRateLimit } from '../common/http/rate-limit';
import { PinoNestLogger } from '../common/logging/nest-logger';
import { StrictValidationPipe } from '../common/validation/strict-validation.pipe';
import type { AppConfig } from '../config/app-config';
import { shareByTenant } from '../database/connection-guard';
import { createDataSource } from '../database/data-source';
import { pgPoolOf } from '../database/sql';
import { TenantBudget } from '../database/tenant-budget';
import { composeApi } from './api-composition';

/** How long a request waits for its organization's share of connections before 429 + Retry-After. */
const TENANT_WAIT_MS = 10_000;

export interface CreateAppOptions {
  databaseUrl: string;
  poolSize?: number;
  /** Extra Nest modules (tests mount probe controllers this way). */
  imports?: NonNullable<ModuleMetadata['imports']>;
}

/** Builds the HTTP API (not listening yet): the same wiring for `serve`, `all` and tests. */
export async function createApp(config: AppConfig, opts: CreateAppOptions): Promise<NestFastifyApplication> {
  const poolSize = opts.poolSize ?? 20;
  const dataSource = createDataSource(opts.databaseUrl, { poolSize, applicationName: 'provisio-api', lockTimeoutMs: config.databaseLockTimeoutMs });
  await dataSource.initialize();
  // One organization holds at most a third of the pool; its other requests wait holding nothing.
  shareByTenant(pgPoolOf(dataSource), new TenantBudget(Math.max(2, Math.ceil(poolSize / 3)), TENANT_WAIT_MS));
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT,
    genReqId: genRequestId,
    requestIdHeader: false,
    trustProxy: config.trustProxy,
    logger: false,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    frameworkErrors: onFrameworkError,
    clientErrorHandler: onClientError,
  });
  configureFastify(adapter.getInstance());
  registerHttpSemantics(adapter.getInstance());
  let app: NestFastifyApplication;
  try {
    const composition = await composeApi(config, dataSource);
    app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, dataSource, composition, opts.imports ?? []), adapter, {
      logger: new PinoNestLogger(),
      bufferLogs: false,
      abortOnError: false,
      bodyParser: false,
    });
  } catch (e) {
    await dataSource.destroy();
    throw e;
  }
  await registerRateLimit(app, config);
  await registerHttpPlugins(app, config);
  app.useGlobalPipes(new StrictValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  // Built on its first request, not at start: scanning every route took seconds of CPU at each
  // start and the document (800 KB of JSON) stayed in every API process's heap, read or not.
  SwaggerModule.setup('docs', app, () => buildOpenApi(app), { jsonDocumentUrl: 'docs-json', customSiteTitle: 'Provisio API' });
  await app.init();
  return app;
}
