import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Endpoint } from '../common/http/endpoint.decorator';
import { ProblemError } from '../common/errors/problem';
import { metricsRegistry } from '../common/metrics/metrics';
import { AppConfig } from '../config/app-config';
import { pendingMigrations } from '../database/migrate';
import { timingSafeEqual } from 'node:crypto';

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(private readonly ds: DataSource, private readonly config: AppConfig) {}

  @Get('health/live')
  @Endpoint({ permission: 'public', summary: 'Liveness: the process answers' })
  live() {
    return { status: 'ok' };
  }

  @Get('health/ready')
  @Endpoint({
    permission: 'public',
    summary: 'Readiness: database reachable, migrations applied, at least one live engine',
    errors: ['NOT_READY'],
  })
  async ready() {
    const checks: Record<string, { ok: boolean; detail?: string }> = {};
    try {
      await this.ds.query('SELECT 1');
      checks.database = { ok: true };
    } catch (e) {
      checks.database = { ok: false, detail: 'unreachable' };
    }
    if (checks.database.ok) {
      const pending = await pendingMigrations((sql) => this.ds.query(sql));
      checks.migrations = pending.length ? { ok: false, detail: `${pending.length} pending` } : { ok: true };
      const window = 3 * this.config.engineLeaseTtlMs;
      const rows: { n: string }[] = await this.ds.query(
        `SELECT count(*) AS n FROM engines WHERE state <> 'stopped' AND heartbeat_at > now() - make_interval(secs => $1::float8 / 1000)`,
        [window],
      );
      const live = Number(rows[0]?.n ?? 0);
      checks.engines = live > 0 ? { ok: true, detail: `${live} live` } : { ok: false, detail: 'no engine heartbeat within 3 lease periods' };
    }
    const ok = Object.values(checks).every((c) => c.ok) && Object.keys(checks).length === 3;
    if (!ok) throw new ProblemError('NOT_READY', Object.entries(checks).filter(([, c]) => !c.ok).map(([k, c]) => `${k}: ${c.detail}`).join('; '), { checks });
    return { status: 'ready', checks };
  }

  @Get('metrics')
  @ApiExcludeEndpoint()
  @Endpoint({ permission: 'public', summary: 'Prometheus metrics' })
  async metrics(@Headers('authorization') auth: string | undefined, @Res() reply: FastifyReply) {
    const expected = this.config.metricsToken;
    if (expected) {
      const given = Buffer.from(auth?.replace(/^Bearer\s+/i, '') ?? '');
      const want = Buffer.from(expected);
      if (given.length !== want.length || !timingSafeEqual(given, want)) throw new ProblemError('UNAUTHENTICATED');
    }
    reply.type(metricsRegistry.contentType).send(await metricsRegistry.metrics());
  }
}
