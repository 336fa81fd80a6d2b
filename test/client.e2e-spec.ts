import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import * as ts from 'typescript';
import { seedCatalog } from '../src/catalog/catalog-seed';
import { startTestApp, type TestApp } from './helpers/app';
import { killAll, spawnEngine, type EngineProcess } from './helpers/engine-e2e';
import { bootstrapHoster, type Actor } from './helpers/identity';

const ROOT = path.resolve(__dirname, '..');
const PROGRAM = path.join(ROOT, 'docs/examples/client/first-order.ts');

/**
 * The README's first order as a program on the generated client (`provisio/client`): it must
 * compile under `tsc --strict` without a single cast, and do the order against a real server.
 */
describe('the typed client (provisio/client)', () => {
  let t: TestApp;
  let hoster: Actor;
  let engine: EngineProcess | undefined;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp();
    hoster = await bootstrapHoster(t);
    // The README's installation: `provisio all` seeds the sample plans on first start.
    await seedCatalog(t.app.get(DataSource));
    // A real engine process, composed like production's (the lab and the Plans steps of the catalog).
    engine = spawnEngine(t.db.url);
    await engine.engineId();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    if (engine) await killAll([engine]);
    await t?.close();
  });

  it('compiles the README program with tsc --strict, and the program has no casts', () => {
    const code = fs
      .readFileSync(PROGRAM, 'utf8')
      .split('\n')
      .filter((l) => !l.trim().startsWith('//'))
      .join('\n');
    expect(code).not.toMatch(/\bas\s+[A-Za-z{[]|<[A-Z]\w*>\s*[a-z(]|[\w)\]]!\./);
    const tsc = spawnSync(
      process.execPath,
      [
        require.resolve('typescript/bin/tsc'),
        '--ignoreConfig',
        '--strict',
        '--noEmit',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--target',
        'es2022',
        '--types',
        'node',
        PROGRAM,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('places the README first order through the generated client and sees it complete', async () => {
    // Inside the package, so `provisio/client` resolves by the package's own name (exports).
    const out = path.join(ROOT, 'dist/examples/first-order.js');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const js = ts.transpileModule(fs.readFileSync(PROGRAM, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    fs.writeFileSync(out, js.outputText);
    const child = spawn(process.execPath, [out], { cwd: ROOT, env: { ...process.env, PROVISIO_URL: base, PROVISIO_TOKEN: hoster.token } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const [placed, done] = stdout.trim().split('\n');
    expect(placed).toMatch(/^order (ord_\w+) accepted \(\/v1\/orders\/\1\)$/);
    expect(done).toMatch(/^order ord_\w+ completed: \d+ steps$/);
    const id = /^order (ord_\w+)/.exec(placed)![1];
    const order = await t.get(`/v1/orders/${id}`, { token: hoster.token });
    expect(order.body).toMatchObject({ id, type: 'subscribe', status: 'completed' });
    const users = await t.get(`/v1/organizations/${order.body.organizationId}/users`, { token: hoster.token });
    expect(users.body.items.map((u: { username: string }) => u.username)).toContain('contoso.admin');
  });
});
