import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { auditHash, auditRecordFromRow, GENESIS_HASH } from '../src/audit/audit-hash';
import { sealWithDataSource } from '../src/audit/audit-sealer';
import { createRootLogger } from '../src/common/logging/logger';
import { startTestApp, type TestApp } from './helpers/app';
import { buildWorld, type World } from './helpers/identity';

const logLines: string[] = [];

describe('audit writer under load, append-only table, secrets out of logs', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    // Capture every log line the API writes, at the most verbose level.
    createRootLogger(
      'trace',
      new Writable({
        write(chunk, _enc, cb) {
          logLines.push(chunk.toString());
          cb();
        },
      }) as any,
    );
    t = await startTestApp({ env: { LOG_LEVEL: 'trace' } });
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await t.close();
    createRootLogger('silent');
  });

  async function verifyChain() {
    await sealWithDataSource(t.app.get(DataSource));
    const rows = (await t.pool.query('SELECT * FROM audit_events ORDER BY seq')).rows;
    let prev = GENESIS_HASH;
    rows.forEach((row, i) => {
      const rec = auditRecordFromRow(row);
      if (rec.seq !== i + 1) throw new Error(`gap at ${i + 1}: found ${rec.seq}`);
      if (rec.prevHash !== prev) throw new Error(`fork at ${rec.seq}`);
      if (auditHash(prev, rec) !== rec.hash) throw new Error(`bad hash at ${rec.seq}`);
      prev = rec.hash;
    });
    const head = (await t.pool.query('SELECT seq, hash FROM audit_chain_head')).rows[0];
    expect(Number(head.seq)).toBe(rows.length);
    expect(head.hash).toBe(prev);
    return rows.length;
  }

  it('keeps a gapless, fork-free chain under 200 concurrent audited mutations', async () => {
    const before = Number((await t.pool.query('SELECT count(*) FROM audit_events')).rows[0].count);
    const tokens = [w.hoster.admin.token, w.r1.admin.token, w.c1.admin.token, w.c2.admin.token, w.delegation.token];
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        i % 2 === 0
          ? t.post('/v1/tokens', { name: `load ${i}` }, { token: tokens[i % 4] })
          : t.request('PATCH', `/v1/organizations/${w.c1.orgId}`, { token: tokens[i % 5 === 4 ? 4 : 2], body: { name: `Contoso ${i}` } }),
      ),
    );
    expect(results.filter((r) => r.status >= 300).map((r) => r.text)).toEqual([]);
    const total = await verifyChain();
    expect(total - before).toBeGreaterThanOrEqual(200);
  });

  it('rejects UPDATE, DELETE and TRUNCATE of audit events, even from the application', async () => {
    const ds = t.app.get(DataSource);
    await sealWithDataSource(ds);
    // The runtime role lacks the privilege; the append-only triggers stop even the owner.
    await expect(ds.query(`UPDATE audit_events SET details = '{}'::jsonb WHERE seq = 1`)).rejects.toThrow(/append-only|permission denied/);
    await expect(ds.query(`DELETE FROM audit_events WHERE seq = 1`)).rejects.toThrow(/append-only|permission denied/);
    await expect(ds.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only|permission denied/);
    await verifyChain();
  });

  it('never shows a token after creation and never logs one', async () => {
    const created = await t.post('/v1/tokens', { name: 'secret-check' }, { token: w.c1.admin.token });
    const secret: string = created.body.token;
    expect(secret).toMatch(/^pvs_/);
    // Use it, list it, fail with it: nothing echoes it back.
    const answers = [
      await t.get('/v1/me', { token: secret }),
      await t.get('/v1/tokens', { token: secret }),
      await t.post('/v1/organizations', { kind: 'reseller', name: 'x' }, { token: secret }),
      await t.get('/v1/nowhere', { token: secret }),
    ];
    for (const a of answers) expect(a.text).not.toContain(secret);
    expect((await t.get('/v1/tokens', { token: secret })).body.items.some((x: any) => 'token' in x)).toBe(false);
    await t.request('DELETE', `/v1/tokens/${created.body.id}`, { token: w.c1.admin.token });
    await t.get('/v1/me', { token: secret });
    const stored = (await t.pool.query('SELECT token_hash FROM tokens WHERE id = $1', [created.body.id])).rows[0].token_hash;
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain(secret.slice(4, 20));
    const logs = logLines.join('');
    expect(logs.length).toBeGreaterThan(1000);
    for (const s of [secret, w.hoster.admin.token, w.r1.admin.token, w.delegation.token]) {
      expect(logs).not.toContain(s);
      expect(logs).not.toContain(s.slice(4));
    }
  });
});
