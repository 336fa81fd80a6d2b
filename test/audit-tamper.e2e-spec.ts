import { sealWithPool } from '../src/audit/audit-sealer';
import { appendAuditEvent, withAuditBatch } from '../src/audit/audit-writer';
import { pgTransaction } from '../src/database/sql';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PoolClient } from 'pg';
import { auditHash, auditRecordFromRow } from '../src/audit/audit-hash';
import { runAuditCli } from '../src/audit/audit-cli';
import { PROJECT_ROOT } from '../src/common/version';
import { startTestApp, type TestApp } from './helpers/app';
import { buildWorld, createUser, type World } from './helpers/identity';

/**
 * Tamper evidence: the table refuses UPDATE and DELETE; and when a superuser switches the triggers
 * off and edits, deletes or swaps rows anyway, both `GET /v1/audit/verify` and the offline CLI
 * name the first broken sequence number and why.
 */
describe('audit chain tamper evidence', () => {
  let t: TestApp;
  let w: World;
  let dir: string;
  let publicKeyFile: string;
  let checkpointsFile: string;
  const K = 7;

  /** Runs statements as a superuser with user triggers off (what an attacker with DB access would do). */
  async function tamper(fn: (c: PoolClient) => Promise<unknown>): Promise<void> {
    const c = await t.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('SET LOCAL session_replication_role = replica');
      await fn(c);
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK');
      throw e;
    } finally {
      c.release();
    }
  }

  async function verify(query: Record<string, number> = {}) {
    const res = await t.get('/v1/audit/verify', { token: w.hoster.auditor.token, query });
    expect(res.status).toBe(200);
    return res.body;
  }

  async function exportFile(name: string): Promise<string> {
    const res = await t.get('/v1/audit/events/export', { token: w.hoster.auditor.token, query: { format: 'ndjson' } });
    expect(res.status).toBe(200);
    const file = path.join(dir, name);
    fs.writeFileSync(file, res.text);
    return file;
  }

  async function offline(file: string, extra: string[] = [], checkpoints = checkpointsFile): Promise<{ code: number; out: string }> {
    const lines: string[] = [];
    const code = await runAuditCli(
      ['verify', '--file', file, '--public-key', publicKeyFile, '--checkpoints', checkpoints, ...extra],
      (l) => lines.push(l),
      (l) => lines.push(l),
    );
    return { code, out: lines.join('\n') };
  }

  async function row(seq: number) {
    return (await t.pool.query('SELECT * FROM audit_events WHERE seq = $1', [seq])).rows[0];
  }

  beforeAll(async () => {
    // No periodic checkpoints: the test makes the ones it checks.
    t = await startTestApp({ env: { AUDIT_CHECKPOINT_EVENTS: '100000000', AUDIT_CHECKPOINT_INTERVAL: '1d' } });
    w = await buildWorld(t);
    for (let i = 0; i < 3; i++) await createUser(t, w.c1.admin.token, w.c1.orgId, ['end_user']);
    // Events written as one batch (one INSERT, as the engine writes a status change's events).
    await pgTransaction(t.pool, (sql) =>
      withAuditBatch(sql, async (batch) => {
        for (const n of [1, 2, 3]) {
          await appendAuditEvent(
            batch,
            { system: 'engine:eng_batch' },
            { action: `test.batched_${n}`, resourceType: 'note', resourceId: `n${n}`, organizationId: w.c1.orgId, details: { n, text: 'a "quote", ünïcode' } },
          );
        }
      }),
    );
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-audit-tamper-'));
    // A signed checkpoint of the whole chain so far, and the public key, saved as an auditor would.
    expect((await t.post('/v1/audit/checkpoints', undefined, { token: w.hoster.admin.token })).status).toBe(201);
    const cps = await t.get('/v1/audit/checkpoints', { token: w.hoster.auditor.token });
    expect(cps.status).toBe(200);
    publicKeyFile = path.join(dir, 'key.pem');
    fs.writeFileSync(publicKeyFile, cps.body.publicKey.pem);
    checkpointsFile = path.join(dir, 'checkpoints.json');
    fs.writeFileSync(checkpointsFile, JSON.stringify(cps.body));
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses UPDATE, DELETE and TRUNCATE on events and checkpoints while the triggers are on', async () => {
    await expect(t.pool.query(`UPDATE audit_events SET details = '{}' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(t.pool.query(`DELETE FROM audit_events WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(t.pool.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
    await expect(t.pool.query(`UPDATE audit_checkpoints SET last_hash = repeat('0', 64)`)).rejects.toThrow(/append-only/);
    await expect(t.pool.query(`DELETE FROM audit_checkpoints`)).rejects.toThrow(/append-only/);
    await expect(t.pool.query(`DELETE FROM audit_signing_keys`)).rejects.toThrow(/append-only/);
    expect(Number((await t.pool.query('SELECT count(*) FROM audit_checkpoints')).rows[0].count)).toBe(1);
  });

  it('verifies the intact chain, online and offline (also through the real provisio binary)', async () => {
    await sealWithPool(t.pool);
    const head = Number((await t.pool.query('SELECT seq FROM audit_chain_head')).rows[0].seq);
    const v = await verify();
    expect(v).toMatchObject({ verified: true, checkedEvents: head, firstBreak: null, fromSeq: 1, toSeq: head, checkpointsChecked: 1 });
    expect(v.lastHash).toBe((await row(head)).hash);
    expect(await verify({ fromSeq: 3, toSeq: 9 })).toMatchObject({ verified: true, checkedEvents: 7, fromSeq: 3, toSeq: 9 });
    // The batch is on the chain in the order it was written, each event with its organization's path.
    const batched = (await t.pool.query(`SELECT seq, action, organization_path FROM audit_events WHERE action LIKE 'test.batched%' ORDER BY seq`)).rows;
    expect(batched.map((r) => r.action)).toEqual(['test.batched_1', 'test.batched_2', 'test.batched_3']);
    expect(batched.map((r) => Number(r.seq) - Number(batched[0].seq))).toEqual([0, 1, 2]);
    expect(new Set(batched.map((r) => r.organization_path))).toEqual(
      new Set([(await t.pool.query('SELECT path FROM organizations WHERE id = $1', [w.c1.orgId])).rows[0].path]),
    );

    const file = await exportFile('intact.ndjson');
    const ok = await offline(file);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^VERIFIED: \d+ events, seq 1–\d+: every hash and link recomputes; 1 signed checkpoint/);

    const main = path.join(PROJECT_ROOT, 'dist/src/main.js');
    const env = { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
    const bin = spawnSync(process.execPath, [main, 'audit', 'verify', '--file', file, '--public-key', publicKeyFile, '--checkpoints', checkpointsFile], {
      encoding: 'utf8',
      env,
    });
    expect(bin.stderr).toBe('');
    expect(bin.status).toBe(0);
    expect(bin.stdout.trim().split('\n')).toHaveLength(1);
    expect(bin.stdout).toMatch(/^VERIFIED: /);
    // The raw base64 key inline works as well as the PEM file.
    const raw = (await t.get('/v1/audit/checkpoints', { token: w.hoster.auditor.token })).body.publicKey.raw;
    expect(await runAuditCli(['verify', '--file', file, '--public-key', raw, '--checkpoints', checkpointsFile], () => undefined)).toBe(0);
  });

  it('(a) an edited event: hash_mismatch at its seq', async () => {
    const original = await row(K);
    await tamper((c) => c.query(`UPDATE audit_events SET details = details || '{"approvedBy":"nobody"}' WHERE seq = $1`, [K]));
    try {
      expect((await verify()).firstBreak).toMatchObject({ seq: K, reason: 'hash_mismatch' });
      const res = await verify();
      expect(res.verified).toBe(false);
      expect(res.checkedEvents).toBe(K - 1);
      const off = await offline(await exportFile('edited.ndjson'));
      expect(off.code).toBe(1);
      expect(off.out).toMatch(new RegExp(`^NOT VERIFIED: first break at seq ${K} \\(hash_mismatch\\)`));
    } finally {
      await tamper((c) => c.query(`UPDATE audit_events SET details = $2 WHERE seq = $1`, [K, JSON.stringify(original.details)]));
    }
    expect((await verify()).verified).toBe(true);
  });

  it('(b) a deleted event: missing_sequence at its seq', async () => {
    const original = await row(K);
    await tamper((c) => c.query(`DELETE FROM audit_events WHERE seq = $1`, [K]));
    try {
      expect((await verify()).firstBreak).toMatchObject({ seq: K, reason: 'missing_sequence' });
      const off = await offline(await exportFile('deleted.ndjson'));
      expect(off.code).toBe(1);
      expect(off.out).toMatch(new RegExp(`^NOT VERIFIED: first break at seq ${K} \\(missing_sequence\\)`));
    } finally {
      const cols = Object.keys(original);
      await tamper((c) =>
        c.query(
          `INSERT INTO audit_events (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
          cols.map((k) => (k === 'details' ? JSON.stringify(original[k]) : original[k])),
        ),
      );
    }
    expect((await verify()).verified).toBe(true);
  });

  it('(c) two swapped events: the break is at the lower seq', async () => {
    const J = K + 3;
    const swap = () =>
      tamper(async (c) => {
        await c.query(`UPDATE audit_events SET seq = -1 WHERE seq = $1`, [K]);
        await c.query(`UPDATE audit_events SET seq = $1 WHERE seq = $2`, [K, J]);
        await c.query(`UPDATE audit_events SET seq = $1 WHERE seq = -1`, [J]);
      });
    await swap();
    try {
      expect((await verify()).firstBreak).toMatchObject({ seq: K, reason: 'hash_mismatch' });
      const off = await offline(await exportFile('swapped.ndjson'));
      expect(off.code).toBe(1);
      expect(off.out).toMatch(new RegExp(`^NOT VERIFIED: first break at seq ${K} \\(hash_mismatch\\)`));
    } finally {
      await swap();
    }
    expect((await verify()).verified).toBe(true);

    // Swapping two lines of an intact export file is caught offline too.
    const lines = fs
      .readFileSync(await exportFile('intact2.ndjson'), 'utf8')
      .trimEnd()
      .split('\n');
    [lines[K - 1], lines[J - 1]] = [lines[J - 1], lines[K - 1]];
    const file = path.join(dir, 'swapped-lines.ndjson');
    fs.writeFileSync(file, lines.join('\n') + '\n');
    const off = await offline(file);
    expect(off.code).toBe(1);
    expect(off.out).toMatch(new RegExp(`^NOT VERIFIED: first break at seq ${K} \\(missing_sequence\\)`));
  });

  it('an edited and re-hashed event breaks the link after it; a re-hashed tail breaks at the signed checkpoint', async () => {
    await sealWithPool(t.pool);
    const head = Number((await t.pool.query('SELECT seq FROM audit_chain_head')).rows[0].seq);
    const checkpointSeq = Number((await t.pool.query('SELECT max(last_seq) AS s FROM audit_checkpoints')).rows[0].s);
    const originals = (await t.pool.query('SELECT * FROM audit_events WHERE seq >= $1 ORDER BY seq', [K])).rows;
    const restore = () =>
      tamper(async (c) => {
        for (const o of originals)
          await c.query('UPDATE audit_events SET details = $2, prev_hash = $3, hash = $4 WHERE seq = $1', [
            o.seq,
            JSON.stringify(o.details),
            o.prev_hash,
            o.hash,
          ]);
      });
    try {
      // Edit K and fix its own hash: the next event no longer links to it.
      const rec = auditRecordFromRow(originals[0]);
      rec.details = { ...rec.details, forged: true };
      await tamper((c) =>
        c.query('UPDATE audit_events SET details = $2, hash = $3 WHERE seq = $1', [K, JSON.stringify(rec.details), auditHash(rec.prevHash, rec)]),
      );
      expect((await verify()).firstBreak).toMatchObject({ seq: K + 1, reason: 'broken_link' });

      // Re-hash everything from K to the head: internally consistent, but no longer what was signed.
      await tamper(async (c) => {
        let prev = rec.prevHash;
        for (const o of originals) {
          const r = auditRecordFromRow(o);
          if (r.seq === K) r.details = rec.details;
          const hash = auditHash(prev, r);
          await c.query('UPDATE audit_events SET details = $2, prev_hash = $3, hash = $4 WHERE seq = $1', [r.seq, JSON.stringify(r.details), prev, hash]);
          prev = hash;
        }
      });
      const v = await verify();
      expect(v.firstBreak).toMatchObject({ seq: checkpointSeq, reason: 'checkpoint_mismatch' });
      expect(checkpointSeq).toBeLessThanOrEqual(head);
      const off = await offline(await exportFile('rehashed.ndjson'));
      expect(off.code).toBe(1);
      expect(off.out).toMatch(new RegExp(`^NOT VERIFIED: first break at seq ${checkpointSeq} \\(checkpoint_mismatch\\)`));
    } finally {
      await restore();
    }
    expect((await verify()).verified).toBe(true);
  });

  it('offline: rejects a forged checkpoint, the wrong public key, and an unanchored export', async () => {
    const file = await exportFile('intact3.ndjson');
    const doc = JSON.parse(fs.readFileSync(checkpointsFile, 'utf8'));
    const forged = path.join(dir, 'forged.json');
    fs.writeFileSync(forged, JSON.stringify({ ...doc, items: doc.items.map((c: any) => ({ ...c, lastSeq: c.lastSeq - 1 })) }));
    const lines: string[] = [];
    expect(await runAuditCli(['verify', '--file', file, '--public-key', publicKeyFile, '--checkpoints', forged], (l) => lines.push(l))).toBe(1);
    expect(lines[0]).toMatch(/^NOT VERIFIED: first break at seq \d+ \(checkpoint_mismatch\): checkpoint ckp_\w+ does not verify/);

    const other = path.join(dir, 'other.pem');
    fs.writeFileSync(other, generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' }));
    lines.length = 0;
    expect(await runAuditCli(['verify', '--file', file, '--public-key', other, '--checkpoints', checkpointsFile], (l) => lines.push(l))).toBe(1);
    expect(lines[0]).toMatch(/checkpoint_mismatch.*names key [0-9a-f]{16}, the given public key is [0-9a-f]{16}/);

    // A complete export that stops before a checkpoint it is verified with was truncated; as a
    // filtered (--partial) export the same file is intact, and the answer says nothing anchors it.
    const cpSeq = doc.items[0].lastSeq as number;
    const head =
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .slice(0, cpSeq - 1)
        .join('\n') + '\n';
    const short = path.join(dir, 'short.ndjson');
    fs.writeFileSync(short, head);
    lines.length = 0;
    expect(await runAuditCli(['verify', '--file', short, '--public-key', publicKeyFile, '--checkpoints', checkpointsFile], (l) => lines.push(l))).toBe(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^NOT VERIFIED: first break at seq ${cpSeq} \\(truncated\\): the chain ends at seq ${cpSeq - 1}, but a signed checkpoint promises events up to seq ${cpSeq}`,
      ),
    );
    lines.length = 0;
    expect(
      await runAuditCli(['verify', '--file', short, '--public-key', publicKeyFile, '--checkpoints', checkpointsFile, '--partial'], (l) => lines.push(l)),
    ).toBe(0);
    expect(lines[0]).toMatch(/^VERIFIED: .*none of the signed checkpoints is in this export, so it is not anchored to a signature/);
    // A complete export starts at seq 1: one without its oldest events is not the whole chain.
    const tail = path.join(dir, 'no-head.ndjson');
    fs.writeFileSync(tail, fs.readFileSync(file, 'utf8').split('\n').slice(2).join('\n'));
    lines.length = 0;
    expect(await runAuditCli(['verify', '--file', tail, '--public-key', publicKeyFile, '--checkpoints', checkpointsFile], (l) => lines.push(l))).toBe(1);
    expect(lines[0]).toMatch(/^NOT VERIFIED: first break at seq 1 \(missing_sequence\): seq 1 to 2 are missing/);

    // Without checkpoints the chain still verifies, and says it is not anchored.
    lines.length = 0;
    expect(await runAuditCli(['verify', '--file', file], (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toMatch(/not anchored/);

    // Usage errors are not verifications.
    const errs: string[] = [];
    expect(
      await runAuditCli(
        ['verify'],
        () => undefined,
        (l) => errs.push(l),
      ),
    ).toBe(1);
    expect(
      await runAuditCli(
        ['verify', '--file', path.join(dir, 'missing.ndjson')],
        () => undefined,
        (l) => errs.push(l),
      ),
    ).toBe(1);
    expect(
      await runAuditCli(
        ['verify', '--file', file, '--checkpoints', checkpointsFile],
        () => undefined,
        (l) => errs.push(l),
      ),
    ).toBe(1);
    expect(errs.join('\n')).toMatch(/--checkpoints needs --public-key/);
  });

  describe('truncation behind a signed checkpoint (issue 14)', () => {
    let cpSeq: number;
    let cpFile: string;

    beforeAll(async () => {
      // A checkpoint signed now, and events after it (the checkpoint writes one itself).
      expect((await t.post('/v1/audit/checkpoints', undefined, { token: w.hoster.admin.token })).status).toBe(201);
      await createUser(t, w.c1.admin.token, w.c1.orgId, ['end_user']);
      await sealWithPool(t.pool);
      cpSeq = Number((await t.pool.query('SELECT max(last_seq) AS s FROM audit_checkpoints')).rows[0].s);
      const cps = await t.get('/v1/audit/checkpoints', { token: w.hoster.auditor.token, query: { limit: 200 } });
      expect(cps.body.items.map((c: { lastSeq: number }) => c.lastSeq)).toContain(cpSeq);
      cpFile = path.join(dir, 'checkpoints-2.json');
      fs.writeFileSync(cpFile, JSON.stringify(cps.body));
    });

    /** Removes every event after `keep` and moves the chain head back to it; restores both after `check`. */
    async function truncatedTo(keep: number, check: () => Promise<void>): Promise<void> {
      const removed = (await t.pool.query('SELECT * FROM audit_events WHERE seq > $1 ORDER BY seq', [keep])).rows;
      const head = (await t.pool.query('SELECT seq, hash FROM audit_chain_head')).rows[0];
      expect(Number(head.seq)).toBeGreaterThan(cpSeq);
      await tamper(async (c) => {
        await c.query('DELETE FROM audit_events WHERE seq > $1', [keep]);
        await c.query('UPDATE audit_chain_head SET seq = $1, hash = (SELECT hash FROM audit_events WHERE seq = $1)', [keep]);
      });
      try {
        await check();
      } finally {
        await tamper(async (c) => {
          for (const o of removed) {
            const cols = Object.keys(o);
            await c.query(
              `INSERT INTO audit_events (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
              cols.map((k) => (k === 'details' ? JSON.stringify(o[k]) : o[k])),
            );
          }
          await c.query('UPDATE audit_chain_head SET seq = $1, hash = $2', [head.seq, head.hash]);
        });
      }
      expect((await verify()).verified).toBe(true);
    }

    it('the newest events deleted down to 3 before the checkpoint and the head moved back: truncated, online and offline', async () => {
      await truncatedTo(cpSeq - 3, async () => {
        const v = await verify();
        expect(v.verified).toBe(false);
        expect(v.firstBreak).toMatchObject({ seq: cpSeq - 2, reason: 'truncated' });
        expect(v.firstBreak.detail).toContain(`the chain ends at seq ${cpSeq - 3}, but a signed checkpoint promises events up to seq ${cpSeq}`);
        const off = await offline(await exportFile('truncated.ndjson'), [], cpFile);
        expect(off.code).toBe(1);
        expect(off.out).toMatch(new RegExp(`^NOT VERIFIED: first break at seq ${cpSeq - 2} \\(truncated\\)`));
      });
    });

    it('a checkpoint beyond the chain (its own event and everything after it gone): truncated at its seq', async () => {
      await truncatedTo(cpSeq - 1, async () => {
        expect((await verify()).firstBreak).toMatchObject({ seq: cpSeq, reason: 'truncated' });
        // A range ending before the checkpoint makes no promise about it.
        expect(await verify({ fromSeq: 1, toSeq: cpSeq - 1 })).toMatchObject({ verified: true });
        const off = await offline(await exportFile('beyond.ndjson'), [], cpFile);
        expect(off.code).toBe(1);
        expect(off.out).toMatch(new RegExp(`^NOT VERIFIED: first break at seq ${cpSeq} \\(truncated\\)`));
      });
    });

    it('a gap of three events: missing_sequence naming the range, online and offline', async () => {
      const G = K + 2;
      const removed = (await t.pool.query('SELECT * FROM audit_events WHERE seq BETWEEN $1 AND $2 ORDER BY seq', [G, G + 2])).rows;
      await tamper((c) => c.query('DELETE FROM audit_events WHERE seq BETWEEN $1 AND $2', [G, G + 2]));
      try {
        expect((await verify()).firstBreak).toMatchObject({ seq: G, reason: 'missing_sequence', detail: `seq ${G} to ${G + 2} are missing` });
        const off = await offline(await exportFile('gap.ndjson'), [], cpFile);
        expect(off.code).toBe(1);
        expect(off.out).toMatch(new RegExp(`^NOT VERIFIED: first break at seq ${G} \\(missing_sequence\\): seq ${G} to ${G + 2} are missing`));
      } finally {
        await tamper(async (c) => {
          for (const o of removed) {
            const cols = Object.keys(o);
            await c.query(
              `INSERT INTO audit_events (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
              cols.map((k) => (k === 'details' ? JSON.stringify(o[k]) : o[k])),
            );
          }
        });
      }
      expect((await verify()).verified).toBe(true);
    });

    it('an inserted event (hashed onto its predecessor, the later ones renumbered): the next one breaks (its hash covers its seq), online and offline', async () => {
      const prev = await row(K - 1);
      const forged = { ...(await row(K)), id: undefined as unknown, seq: K, details: { forged: true } };
      const rec = auditRecordFromRow(forged);
      const hash = auditHash(prev.hash, rec);
      const shift = (by: number, from: number) =>
        tamper(async (c) => {
          // Two steps so no seq collides on the way.
          await c.query('UPDATE audit_events SET seq = -seq WHERE seq >= $1', [from]);
          await c.query('UPDATE audit_events SET seq = -seq + $1 WHERE seq < 0', [by]);
        });
      await shift(1, K);
      await tamper((c) =>
        c.query(
          `INSERT INTO audit_events (seq, occurred_at, actor_user_id, actor_org_id, on_behalf_of_org_id, token_id, delegation_id, action, resource_type, resource_id,
             organization_id, organization_path, outcome, request_id, client_ip, user_agent, details, prev_hash, hash)
           SELECT $1, occurred_at, actor_user_id, actor_org_id, on_behalf_of_org_id, token_id, delegation_id, action, resource_type, resource_id,
             organization_id, organization_path, outcome, request_id, client_ip, user_agent, $2, $3, $4 FROM audit_events WHERE seq = $5`,
          [K, JSON.stringify(rec.details), prev.hash, hash, K + 1],
        ),
      );
      try {
        expect(auditHash(prev.hash, auditRecordFromRow(await row(K)))).toBe(hash);
        expect((await verify()).firstBreak).toMatchObject({ seq: K + 1, reason: 'hash_mismatch' });
        const off = await offline(await exportFile('inserted.ndjson'), [], cpFile);
        expect(off.code).toBe(1);
        expect(off.out).toMatch(new RegExp(`^NOT VERIFIED: first break at seq ${K + 1} \\(hash_mismatch\\)`));
      } finally {
        await tamper((c) => c.query('DELETE FROM audit_events WHERE seq = $1', [K]));
        await shift(-1, K + 1);
      }
      expect((await verify()).verified).toBe(true);
    });
  });

  it('keeps chain verification to hoster-level principals', async () => {
    for (const token of [w.r1.auditor.token, w.c1.auditor.token]) {
      const res = await t.get('/v1/audit/verify', { token });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('AUDIT_VERIFY_NOT_ALLOWED');
    }
    expect((await t.get('/v1/audit/verify', { token: w.hoster.admin.token })).status).toBe(200);
    expect((await t.get('/v1/audit/verify', { token: w.hoster.auditor.token, query: { fromSeq: 9, toSeq: 3 } })).body.code).toBe('AUDIT_INVALID_RANGE');
  });
});
