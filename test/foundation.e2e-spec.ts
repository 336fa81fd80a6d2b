import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { IsInt, IsString, Max, MaxLength } from 'class-validator';
import { Endpoint } from '../src/common/http/endpoint.decorator';
import { startTestApp, type TestApp } from './helpers/app';

class ProbeBody {
  @IsString() @MaxLength(50) name: string;
  @IsInt() @Max(10) count: number;
}

@Controller('v1/test-probe')
class ProbeController {
  @Post()
  // An echo creates nothing: 200 with the body it was sent (a 201 would owe a Location).
  @Endpoint({
    permission: 'public',
    summary: 'echo',
    status: 200,
    response: {
      schema: {
        type: 'object',
        required: ['name', 'count'],
        properties: { name: { type: 'string' }, count: { type: 'integer' } },
        additionalProperties: false,
      },
    },
  })
  echo(@Body() body: ProbeBody) {
    return { name: body.name, count: body.count };
  }

  @Get('boom')
  @Endpoint({ permission: 'public', summary: 'throws' })
  boom() {
    throw new Error('secret internal detail at /srv/provisio/x.ts:12');
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('HTTP conventions (problem+json, validation, limits, request id)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ imports: [ProbeModule] });
  });
  afterAll(() => t.close());

  function expectProblem(res: { status: number; headers: any; body: any }, status: number, code: string) {
    expect(res.status).toBe(status);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    expect(res.body.code).toBe(code);
    expect(res.body.status).toBe(status);
    expect(res.body.type).toMatch(/^https:\/\/provisio\.dev\/problems\//);
    expect(res.body.requestId).toBeTruthy();
  }

  it('accepts a valid body', async () => {
    const res = await t.post('/v1/test-probe', { name: 'ann', count: 3 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ name: 'ann', count: 3 });
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    expectProblem(await t.request('POST', '/v1/test-probe', { raw: '{"name": "ann", ' }), 400, 'MALFORMED_JSON');
  });

  it('rejects unknown fields with the path of each', async () => {
    const res = await t.post('/v1/test-probe', { name: 'ann', count: 1, admin: true });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors).toContainEqual({ path: 'admin', message: 'unknown field' });
  });

  it('rejects wrong types and out-of-range values', async () => {
    const res = await t.post('/v1/test-probe', { name: 42, count: 99 });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect([...new Set(res.body.errors.map((e: any) => e.path))].sort()).toEqual(['count', 'name']);
  });

  it('rejects a JSON array or a bare string as body', async () => {
    expectProblem(await t.request('POST', '/v1/test-probe', { raw: '[1,2]' }), 400, 'VALIDATION_FAILED');
    expectProblem(await t.request('POST', '/v1/test-probe', { raw: '"x"' }), 400, 'VALIDATION_FAILED');
  });

  it('rejects a 2 MiB body with 413 PAYLOAD_TOO_LARGE', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024), count: 1 });
    expectProblem(await t.request('POST', '/v1/test-probe', { raw: big }), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('rejects invalid UTF-8 instead of guessing', async () => {
    const raw = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28]), Buffer.from('","count":1}')]);
    expectProblem(await t.request('POST', '/v1/test-probe', { raw }), 400, 'INVALID_ENCODING');
  });

  it('rejects an unsupported content type with 415', async () => {
    expectProblem(
      await t.request('POST', '/v1/test-probe', { raw: 'name=ann', contentType: 'application/x-www-form-urlencoded' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('turns an exception in a handler into a 500 problem with errorId and no stack', async () => {
    const res = await t.get('/v1/test-probe/boom');
    expectProblem(res, 500, 'INTERNAL_ERROR');
    expect(res.body.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.text).not.toContain('secret internal detail');
    expect(res.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('answers unknown routes with 404 ROUTE_NOT_FOUND', async () => {
    expectProblem(await t.get('/v1/nothing-here'), 404, 'ROUTE_NOT_FOUND');
  });

  it('echoes a given X-Request-Id and generates one otherwise', async () => {
    const given = await t.get('/health/live', { headers: { 'x-request-id': 'trace-abc-123' } });
    expect(given.headers['x-request-id']).toBe('trace-abc-123');
    const generated = await t.get('/health/live');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const hostile = await t.get('/health/live', { headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(hostile.headers['x-request-id']).not.toBe('bad id\twith spaces');
  });

  it('serves the OpenAPI document with the permission of each route', async () => {
    const res = await t.get('/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(res.body.paths['/v1/engines'].get['x-permission']).toBe('engines.read');
    expect(res.body.components.schemas.Problem).toBeDefined();
    const ui = await t.get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('reports not ready while no engine heartbeats', async () => {
    const res = await t.get('/health/ready');
    expectProblem(res, 503, 'NOT_READY');
    expect(res.body.checks.database.ok).toBe(true);
    expect(res.body.checks.migrations.ok).toBe(true);
    expect(res.body.checks.engines.ok).toBe(false);
    await t.pool.query(`INSERT INTO engines (id, host, pid, version) VALUES ('eng_test', 'h', 1, 'x')`);
    const ready = await t.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
    // Every configured provider's platform answers (the lab's schema; the catalog's Plans lives in this database).
    expect(ready.body.checks.providers).toEqual({ ok: true, detail: 'lab: Directory, Exchange, Mobility, DNS, Communications, SharePoint; plans: Plans' });
    expect(ready.body.providers).toEqual([
      { provider: 'lab', namespaces: ['Directory', 'Exchange', 'Mobility', 'DNS', 'Communications', 'SharePoint'], ok: true },
      { provider: 'plans', namespaces: ['Plans'], ok: true },
    ]);
  });
});
