import 'reflect-metadata';
import type { ModuleMetadata } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { ProblemFilter } from '../common/errors/problem.filter';
import { BODY_LIMIT, configureFastify, genRequestId, onClientError, onFrameworkError } from '../common/http/fastify-setup';
import { buildOpenApi } from '../common/http/openapi';
import { registerRateLimit } from '../common/http/rate-limit';
import { PinoNestLogger } from '../common/logging/nest-logger';
import { StrictValidationPipe } from '../common/validation/strict-validation.pipe';
import type { AppConfig } from '../config/app-config';
import { createDataSource } from '../database/data-source';
import { composeApi } from './api-composition';

export interface CreateAppOptions {
  databaseUrl: string;
  poolSize?: number;
  /** Extra Nest modules (tests mount probe controllers this way). */
  imports?: NonNullable<ModuleMetadata['imports']>;
}

/** Builds the HTTP API (not listening yet): the same wiring for `serve`, `all` and tests. */
export async function createApp(config: AppConfig, opts: CreateAppOptions): Promise<NestFastifyApplication> {
  const dataSource = createDataSource(opts.databaseUrl, { poolSize: opts.poolSize ?? 20, applicationName: 'provisio-api' });
  await dataSource.initialize();
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
  app.useGlobalPipes(new StrictValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  const doc = buildOpenApi(app);
  SwaggerModule.setup('docs', app, doc, { jsonDocumentUrl: 'docs-json', customSiteTitle: 'Provisio API' });
  await app.init();
  return app;
}
