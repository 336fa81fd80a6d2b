import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { ProblemError } from '../common/errors/problem';
import { Endpoint } from '../common/http/endpoint.decorator';
import { metricsRegistry } from '../common/metrics/metrics';
import { AppConfig } from '../config/app-config';
import { ReadinessService } from './readiness.service';

const CHECK = { type: 'object', required: ['ok'], properties: { ok: { type: 'boolean' }, detail: { type: 'string' } } };
const LIVE_SCHEMA = { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } };
const READY_SCHEMA = {
  type: 'object',
  required: ['status', 'checks', 'providers'],
  properties: {
    status: { type: 'string', enum: ['ready'] },
    checks: {
      type: 'object',
      required: ['database', 'providers'],
      additionalProperties: CHECK,
      properties: { database: CHECK, migrations: CHECK, engines: CHECK, providers: CHECK },
    },
    providers: {
      type: 'array',
      items: {
        type: 'object',
        required: ['provider', 'namespaces', 'ok'],
        properties: { provider: { type: 'string' }, namespaces: { type: 'array', items: { type: 'string' } }, ok: { type: 'boolean' } },
      },
    },
  },
};

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    private readonly readiness: ReadinessService,
    private readonly config: AppConfig,
  ) {}

  @Get('health/live')
  @Endpoint({ permission: 'public', summary: 'Liveness: the process answers', response: { schema: LIVE_SCHEMA } })
  live() {
    return { status: 'ok' };
  }

  @Get('health/ready')
  @Endpoint({
    permission: 'public',
    summary: "Readiness: database reachable, migrations applied, at least one live engine, every provider's platform reachable",
    errors: ['NOT_READY'],
    response: { schema: READY_SCHEMA },
  })
  async ready() {
    const { ok, checks, providers } = await this.readiness.check();
    if (!ok) {
      const failed = Object.entries(checks).filter(([, c]) => c && !c.ok);
      throw new ProblemError('NOT_READY', failed.map(([k, c]) => `${k}: ${c!.detail}`).join('; '), { checks, providers });
    }
    return { status: 'ready', checks, providers };
  }

  @Get('metrics')
  @ApiExcludeEndpoint()
  @Endpoint({ permission: 'public', summary: 'Prometheus metrics' })
  async metrics(@Headers('authorization') auth: string | undefined, @Res() reply: FastifyReply) {
    // Closed unless the operator opens it: with a scrape token, or explicitly to anyone.
    const expected = this.config.metricsToken;
    if (expected) {
      const given = Buffer.from(auth?.replace(/^Bearer\s+/i, '') ?? '');
      const want = Buffer.from(expected);
      if (given.length !== want.length || !timingSafeEqual(given, want)) throw new ProblemError('UNAUTHENTICATED');
    } else if (!this.config.metricsPublic) {
      throw new ProblemError('NOT_FOUND', 'Metrics are not exposed: set METRICS_TOKEN (scrapers send it as a bearer token) or METRICS_PUBLIC=true');
    }
    reply.type(metricsRegistry.contentType).send(await metricsRegistry.metrics());
  }
}
