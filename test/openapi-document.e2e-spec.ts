import { createConfig, lintFromString } from '@redocly/openapi-core';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CREATED_LOCATIONS } from '../src/common/http/http-semantics';
import { startTestApp, type TestApp } from './helpers/app';

interface Operation {
  operationId?: string;
  tags?: string[];
  security?: unknown[];
  'x-permission'?: string;
  responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, unknown> }>;
}
type Doc = { paths: Record<string, Record<string, Operation>>; tags?: { name: string }[]; components: { schemas: Record<string, unknown> } };

function operations(doc: Doc): { method: string; path: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ method, path, op })));
}

/** The served document is the contract: it lints clean and declares what clients rely on. */
describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: Doc;
  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.get('/docs-json')).body as Doc;
    if (process.env.OPENAPI_DUMP) fs.writeFileSync(process.env.OPENAPI_DUMP, JSON.stringify(doc, null, 2));
  });
  afterAll(() => t?.close());

  it('is the document committed in docs/openapi.json, and the client types are generated from it', () => {
    const file = path.resolve(__dirname, '../docs/openapi.json');
    // After an API change: UPDATE_OPENAPI=1 npx jest test/openapi-document, then npm run build.
    if (process.env.UPDATE_OPENAPI) fs.writeFileSync(file, JSON.stringify(doc, null, 2) + '\n');
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(doc);
    const check = spawnSync(process.execPath, ['scripts/openapi/generate-client.mjs', '--check'], { cwd: path.resolve(__dirname, '..'), encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('has 0 errors under redocly lint (recommended ruleset), offline', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: 'provisio-openapi.json', config });
    const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ''}`);
    expect(errors).toEqual([]);
  });

  it('names operations for people (createOrganization), uniquely, and declares every tag it uses', () => {
    const ops = operations(doc);
    const ids = ops.map((o) => o.op.operationId);
    expect(ids.filter((id) => !id || !/^[a-z][A-Za-z]+$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths['/v1/organizations'].post.operationId).toBe('createOrganization');
    expect(doc.paths['/v1/orders/{id}'].get.operationId).toBe('getOrder');
    const declared = new Set((doc.tags ?? []).map((x) => x.name));
    expect(ops.flatMap((o) => o.op.tags ?? []).filter((tag) => !declared.has(tag))).toEqual([]);
  });

  it('marks public routes with security: [] and documents a 2xx for every route', () => {
    for (const { method, path, op } of operations(doc)) {
      if (op['x-permission'] === 'public') expect({ route: `${method} ${path}`, security: op.security }).toEqual({ route: `${method} ${path}`, security: [] });
      expect({ route: `${method} ${path}`, has2xx: Object.keys(op.responses).some((s) => s.startsWith('2')) }).toEqual({
        route: `${method} ${path}`,
        has2xx: true,
      });
    }
  });

  it('declares Location on every 201 (each with a Location rule in the server) and Retry-After on every 202', () => {
    for (const { method, path, op } of operations(doc)) {
      const route = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
      if (op.responses['201']) {
        expect({ route, header: Object.keys(op.responses['201'].headers ?? {}) }).toEqual({ route, header: expect.arrayContaining(['Location']) });
        expect({ route, rule: route in CREATED_LOCATIONS }).toEqual({ route, rule: true });
      }
      if (op.responses['202'])
        expect({ route, header: Object.keys(op.responses['202'].headers ?? {}) }).toEqual({
          route,
          header: expect.arrayContaining(['Location', 'Retry-After']),
        });
    }
  });
});
