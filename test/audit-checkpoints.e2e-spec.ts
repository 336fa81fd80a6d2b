import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { sealWithPool } from '../src/audit/audit-sealer';
import { AuditCheckpointer } from '../src/audit/checkpointer';
import { AuditCheckpointsService } from '../src/audit/checkpoints.service';
import { checkpointMessage, keyIdOf, parsePublicKey, verifyCheckpoint } from '../src/audit/checkpoint-signature';
import { SIGNING_KEY_FILE } from '../src/audit/signing-key';
import { startTestApp, type TestApp } from './helpers/app';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { bootstrapHoster, createCustomer, createUser } from './helpers/identity';
import { waitFor } from './helpers/wait';

describe('signed audit checkpoints', () => {
  describe('on demand, listing, key handling', () => {
    let t: TestApp;
    let admin: { token: string; userId: string; orgId: string };
    let auditor: string;
    let customerAuditor: string;

    beforeAll(async () => {
      t = await startTestApp({ env: { AUDIT_CHECKPOINT_EVENTS: '100000000', AUDIT_CHECKPOINT_INTERVAL: '1d' } });
      admin = await bootstrapHoster(t);
      auditor = (await createUser(t, admin.token, admin.orgId, ['auditor'])).token;
      const c = await createCustomer(t, admin.token);
      customerAuditor = (await createUser(t, c.token, c.orgId, ['auditor'])).token;
    });
    afterAll(() => t.close());

    it('generates the installation key on first start, mode 0600, and publishes its public half', async () => {
      const file = path.join(t.dataDir, SIGNING_KEY_FILE);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
      const res = await t.get('/v1/audit/checkpoints', { token: auditor });
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([]);
      expect(res.body.nextCursor).toBeNull();
      const pk = res.body.publicKey;
      expect(pk.algorithm).toBe('Ed25519');
      expect(pk.pem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
      expect(Buffer.from(pk.raw, 'base64')).toHaveLength(32);
      expect(keyIdOf(parsePublicKey(pk.pem))).toBe(pk.keyId);
      expect(keyIdOf(parsePublicKey(pk.raw))).toBe(pk.keyId);
      // Nothing private in the answer.
      expect(res.text).not.toContain('PRIVATE');
    });

    it('signs the chain head on demand (hoster admins), audits it, and answers 200 when nothing changed', async () => {
      await sealWithPool(t.pool);
      const head = (await t.pool.query('SELECT seq, hash FROM audit_chain_head')).rows[0];
      const made = await t.post('/v1/audit/checkpoints', undefined, { token: admin.token });
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({ lastSeq: Number(head.seq), lastHash: head.hash, reason: 'manual' });
      expect(made.body.id).toMatch(/^ckp_/);
      const list = await t.get('/v1/audit/checkpoints', { token: auditor });
      expect(verifyCheckpoint(parsePublicKey(list.body.publicKey.pem), made.body)).toBe(true);
      expect(list.body.keys.map((k: any) => k.keyId)).toEqual([list.body.publicKey.keyId]);
      // The signed bytes are the documented plain-text message.
      expect(checkpointMessage(made.body)).toBe(
        `provisio-audit-checkpoint/v1\nseq=${head.seq}\nhash=${head.hash}\ntime=${made.body.createdAt}\nkey=${made.body.keyId}\n`,
      );

      // Its audit event is the next link of the chain (once sealed).
      await sealWithPool(t.pool);
      const ev = (await t.pool.query(`SELECT * FROM audit_events WHERE action = 'audit.checkpoint_created'`)).rows;
      expect(ev).toHaveLength(1);
      expect(Number(ev[0].seq)).toBe(Number(head.seq) + 1);
      expect(ev[0]).toMatchObject({ resource_id: made.body.id, actor_user_id: admin.userId });

      // Only that event since: a new checkpoint covers it; then nothing new → the same one, 200.
      const second = await t.post('/v1/audit/checkpoints', undefined, { token: admin.token });
      expect(second.status).toBe(201);
      expect(second.body.lastSeq).toBe(Number(head.seq) + 1);
      await sealWithPool(t.pool);
      const headNow = Number((await t.pool.query('SELECT seq FROM audit_chain_head')).rows[0].seq);
      expect(headNow).toBe(second.body.lastSeq + 1);
    });

    it('returns the latest checkpoint with 200 when the head is already signed', async () => {
      // Sign the head without an audit event (what the periodic checkpointer does)...
      const svc = t.app.get(AuditCheckpointsService);
      const cp = await svc.tick({ everyEvents: 1, intervalMs: 1, sinceMs: 0 });
      expect(cp).not.toBeNull();
      // ...then an on-demand request has nothing new to sign.
      const again = await t.post('/v1/audit/checkpoints', undefined, { token: admin.token });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(cp);
      expect(await svc.tick({ everyEvents: 1, intervalMs: 1, sinceMs: 0 })).toBeNull();
    });

    it('lets every auditor read checkpoints, and only hoster admins make them', async () => {
      expect((await t.get('/v1/audit/checkpoints', { token: customerAuditor })).status).toBe(200);
      for (const token of [auditor, customerAuditor]) {
        const res = await t.post('/v1/audit/checkpoints', undefined, { token });
        expect(res.status).toBe(403);
      }
    });

    it('pages checkpoints newest first', async () => {
      const all = (await t.get('/v1/audit/checkpoints', { token: auditor, query: { limit: 200 } })).body.items;
      expect(all.length).toBeGreaterThanOrEqual(3);
      const seen: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await t.get('/v1/audit/checkpoints', { token: auditor, query: { limit: 1, ...(cursor ? { cursor } : {}) } });
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((c: any) => c.lastSeq));
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(all.map((c: any) => c.lastSeq));
      expect(seen).toEqual([...seen].sort((a, b) => b - a));
      expect((await t.get('/v1/audit/checkpoints', { token: auditor, query: { cursor: Buffer.from('["x"]').toString('base64url') } })).status).toBe(400);
    });
  });

  describe('periodic checkpointer', () => {
    let db: TestDatabase;
    let a: TestApp;
    let b: TestApp;

    beforeAll(async () => {
      db = await createTestDatabase();
    });
    afterAll(async () => {
      await b?.close().catch(() => undefined);
      await a?.close().catch(() => undefined);
      await db.drop();
    });

    it('signs every N events and after the interval when there is something new, one writer at a time across processes', async () => {
      // Two API instances on one database, sharing the key through AUDIT_SIGNING_KEY.
      const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
      const env = { AUDIT_SIGNING_KEY: pem, AUDIT_CHECKPOINT_EVENTS: '5', AUDIT_CHECKPOINT_INTERVAL: '1s' };
      a = await startTestApp({ db, env });
      b = await startTestApp({ db, env });
      expect(fs.existsSync(path.join(a.dataDir, SIGNING_KEY_FILE))).toBe(false);
      const admin = await bootstrapHoster(a);
      for (let i = 0; i < 6; i++) await createUser(a, admin.token, admin.orgId, ['end_user']);
      const head = async () => {
        await sealWithPool(a.pool);
        return Number((await a.pool.query('SELECT seq FROM audit_chain_head')).rows[0].seq);
      };

      // Enough events: a checkpoint of the head arrives without anyone asking.
      const target = await head();
      const cps = await waitFor(
        async () => {
          const rows = (await a.pool.query('SELECT * FROM audit_checkpoints ORDER BY last_seq')).rows;
          return rows.length && Number(rows[rows.length - 1].last_seq) >= target ? rows : null;
        },
        'a periodic checkpoint of the head',
        20_000,
        50,
      );
      expect(cps.every((c) => c.reason === 'events' || c.reason === 'interval')).toBe(true);
      expect(cps.every((c) => c.created_by_user_id === null)).toBe(true);
      // Periodic checkpoints write no audit event (that would call for another checkpoint forever).
      expect(Number((await a.pool.query(`SELECT count(*) FROM audit_events WHERE action LIKE 'audit.%'`)).rows[0].count)).toBe(0);

      // One new event, fewer than N: signed once the interval has passed.
      await createUser(a, admin.token, admin.orgId, ['end_user']);
      const one = await head();
      await waitFor(
        async () => (await a.pool.query('SELECT 1 FROM audit_checkpoints WHERE last_seq = $1', [one])).rowCount,
        'an interval checkpoint',
        20_000,
        50,
      );

      // No new events: no new checkpoints, however many passes run.
      const count = Number((await a.pool.query('SELECT count(*) FROM audit_checkpoints')).rows[0].count);
      for (const app of [a, b]) for (let i = 0; i < 3; i++) await app.app.get(AuditCheckpointer).runOnce();
      expect(Number((await a.pool.query('SELECT count(*) FROM audit_checkpoints')).rows[0].count)).toBe(count);

      // Both processes race on each pass: the advisory lock lets one write, the other skips.
      const svcA = a.app.get(AuditCheckpointsService);
      const svcB = b.app.get(AuditCheckpointsService);
      for (let round = 0; round < 5; round++) {
        await createUser(a, admin.token, admin.orgId, ['end_user']);
        const results = await Promise.all([svcA.tick({ everyEvents: 1, intervalMs: 1, sinceMs: 0 }), svcB.tick({ everyEvents: 1, intervalMs: 1, sinceMs: 0 })]);
        expect(results.filter(Boolean).length).toBeLessThanOrEqual(1);
      }
      const all = (await a.pool.query('SELECT last_seq FROM audit_checkpoints ORDER BY last_seq')).rows.map((r) => Number(r.last_seq));
      expect(new Set(all).size).toBe(all.length);

      // Every checkpoint verifies with the one public key both processes publish.
      const listA = await a.get('/v1/audit/checkpoints', { token: admin.token, query: { limit: 200 } });
      const listB = await b.get('/v1/audit/checkpoints', { token: admin.token, query: { limit: 200 } });
      expect(listA.body.publicKey).toEqual(listB.body.publicKey);
      const key = parsePublicKey(listA.body.publicKey.raw);
      expect(listA.body.items.length).toBe(all.length);
      expect(listA.body.items.every((c: any) => verifyCheckpoint(key, c))).toBe(true);
      // And the chain verifies against them.
      const v = await a.get('/v1/audit/verify', { token: admin.token });
      expect(v.body).toMatchObject({ verified: true, checkpointsChecked: all.length });
    });

    it('stops cleanly on shutdown, even in the middle of a pass', async () => {
      const cp = b.app.get(AuditCheckpointer);
      const tick = jest.spyOn(b.app.get(AuditCheckpointsService), 'tick');
      await waitFor(async () => tick.mock.calls.length > 0, 'a scheduled pass', 20_000, 50);
      const pass = cp.runOnce();
      await b.close();
      await pass;
      const calls = tick.mock.calls.length;
      // Passes run every 500 ms with a 1 s interval: none may start after shutdown.
      await new Promise((r) => setTimeout(r, 1500));
      expect(tick.mock.calls.length).toBe(calls);
      b = undefined as any;
    });
  });

  it('refuses to start with an AUDIT_SIGNING_KEY that is not an Ed25519 private key', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    for (const bad of ['not a key', rsa]) {
      await expect(startTestApp({ env: { AUDIT_SIGNING_KEY: bad } })).rejects.toThrow(/not a valid Ed25519 private key/);
    }
    // A raw 32-byte seed in base64 is accepted.
    const t = await startTestApp({ env: { AUDIT_SIGNING_KEY: Buffer.alloc(32, 7).toString('base64') } });
    try {
      const admin = await bootstrapHoster(t);
      const res = await t.get('/v1/audit/checkpoints', { token: admin.token });
      expect(res.body.publicKey.keyId).toMatch(/^[0-9a-f]{16}$/);
      expect(t.app.get(DataSource).isInitialized).toBe(true);
    } finally {
      await t.close();
    }
  });
});
