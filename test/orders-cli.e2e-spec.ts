import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { seedCatalog } from '../src/catalog/catalog-seed';
import { progressLine } from '../src/cli/client-commands';
import { startTestApp, type TestApp } from './helpers/app';
import { killAll, spawnEngine, type EngineProcess } from './helpers/engine-e2e';
import { bootstrapHoster, type Actor } from './helpers/identity';

const run = promisify(execFile);
const MAIN = path.resolve(__dirname, '..', 'dist', 'src', 'main.js');

describe('CLI: provisio orders watch and provisio submit', () => {
  let t: TestApp;
  let admin: Actor;
  let engines: EngineProcess[] = [];
  let env: NodeJS.ProcessEnv;
  let customer: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await bootstrapHoster(t);
    await seedCatalog(t.app.get(DataSource));
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.getHttpServer().address() as { port: number };
    env = { ...process.env, PROVISIO_URL: `http://127.0.0.1:${address.port}`, PROVISIO_TOKEN: admin.token, LOG_LEVEL: 'silent' };
    delete env.DATABASE_URL;
    const c = await t.post(
      '/v1/organizations',
      { kind: 'customer', name: 'Northwind', admin: { username: 'nw.admin', displayName: 'NW' } },
      { token: admin.token },
    );
    customer = { orgId: c.body.organization.id, userId: c.body.admin.id, token: c.body.admin.token.token };
    engines = [spawnEngine(t.db.url)];
    await engines[0].engineId();
  });
  afterAll(async () => {
    await killAll(engines);
    await t.close();
  });

  it('draws a progress bar', () => {
    expect(progressLine({ status: 'running', done: 6, total: 12, current: '2/u[bob]/Exchange.CreateMailbox', terminal: false }, 3100, 10)).toBe(
      '[#####-----]    6/12  2/u[bob]/Exchange.CreateMailbox  3.1s',
    );
    expect(progressLine({ status: 'completed', done: 12, total: 12, current: null, terminal: true }, 5000, 10)).toBe('[##########]   12/12  completed  5.0s');
  });

  it('watches an order to its end and exits 0 when it completed', async () => {
    const placed = await t.post(
      '/v1/orders',
      {
        type: 'subscribe',
        organizationId: customer.orgId,
        plan: 'business-basic',
        domain: 'northwind.example',
        users: [{ alias: 'ann', displayName: 'Ann', userPlan: 'standard-mailbox' }],
      },
      { token: customer.token },
    );
    expect(placed.status).toBe(202);
    const { stdout } = await run(process.execPath, [MAIN, 'orders', 'watch', placed.body.id], { env, timeout: 60_000 });
    expect(stdout).toMatch(/\[#+\]\s+\d+\/\d+\s+completed/);
    expect(stdout).toContain(`order ${placed.body.id} completed`);
  });

  it('submits a raw XML request, watches it, and reports a failure with exit code 1', async () => {
    const file = path.join(os.tmpdir(), `req-${Date.now()}.xml`);
    fs.writeFileSync(
      file,
      `<request xmlns="urn:provisio:request:1">
  <data><organization id="${customer.orgId}" domain="northwind.example"/><user alias="nobody" displayName="Nobody" mailboxSizeMb="1024"/></data>
  <procedure>
    <execute namespace="Exchange" procedure="CreateMailbox">
      <before source="data" sourcePath="organization" mode="insert"/>
      <before source="data" sourcePath="user" mode="insert"/>
    </execute>
  </procedure>
</request>`,
    );
    // No directory user "nobody": the platform refuses the mailbox, the run fails.
    const failed = await run(process.execPath, [MAIN, 'submit', file, '--watch', '--organization', customer.orgId], { env, timeout: 60_000 }).catch((e) => e);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/run run_[0-9a-z]+ (queued|running)/);
    expect(failed.stdout).toMatch(/run run_[0-9a-z]+ failed/);
    expect(failed.stdout).toContain('LAB_PREREQUISITE_MISSING');
    fs.rmSync(file);
  });

  it('explains a refused document', async () => {
    const file = path.join(os.tmpdir(), `bad-${Date.now()}.xml`);
    fs.writeFileSync(file, '<!DOCTYPE x [<!ENTITY a "b">]><request xmlns="urn:provisio:request:1"/>');
    const refused = await run(process.execPath, [MAIN, 'submit', file], { env, timeout: 30_000 }).catch((e) => e);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('XML_FORBIDDEN_CONSTRUCT');
    fs.rmSync(file);
  });
});
