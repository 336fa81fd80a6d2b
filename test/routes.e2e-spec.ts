import { PERMISSIONS } from '../src/access/permissions';
import { startTestApp, type TestApp } from './helpers/app';
import { listRoutes } from './helpers/routes';

describe('every route declares its permission', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('has @Endpoint with a known permission on every controller route', () => {
    const routes = listRoutes(t.app);
    expect(routes.length).toBeGreaterThan(25);
    const missing = routes.filter((r) => !r.permission).map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`);
    expect(missing).toEqual([]);
    const known = new Set<string>([...PERMISSIONS, 'public', 'authenticated']);
    const unknown = routes.filter((r) => !known.has(r.permission!)).map((r) => `${r.method} ${r.path}: ${r.permission}`);
    expect(unknown).toEqual([]);
  });

  it('keeps public routes to health, metrics, docs and schemas', () => {
    const pub = listRoutes(t.app)
      .filter((r) => r.permission === 'public')
      .map((r) => r.path);
    for (const p of pub) expect(p).toMatch(/^\/(health|metrics|v1\/schemas)/);
  });

  it('documents the permission of every /v1 route in the OpenAPI document', async () => {
    const doc = (await t.get('/docs-json')).body;
    for (const r of listRoutes(t.app).filter((x) => x.path.startsWith('/v1'))) {
      const op = doc.paths[r.path]?.[r.method.toLowerCase()];
      expect({ route: `${r.method} ${r.path}`, permission: op?.['x-permission'] }).toEqual({ route: `${r.method} ${r.path}`, permission: r.permission });
    }
  });
});
