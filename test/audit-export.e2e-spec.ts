import * as fs from 'node:fs';
import { spawn } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { runAuditCli } from '../src/audit/audit-cli';
import { appendAuditEvent } from '../src/audit/audit-writer';
import { PROJECT_ROOT } from '../src/common/version';
import { freePort } from '../src/database/free-port';
import { pgTransaction } from '../src/database/sql';
import { startTestApp, type TestApp } from './helpers/app';
import { appendBulkEvents } from './helpers/audit-bulk';
import { buildWorld, type World } from './helpers/identity';
import { waitFor } from './helpers/wait';

/** Resident set size of a process, from /proc (Linux). */
function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
}

/** Minimal RFC 4180 parser (quoted fields, doubled quotes, CRLF) to read the CSV back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** A plain HTTP client streaming the export to a file; prints status and X-Audit-Head-Seq. */
const DOWNLOAD_SCRIPT = `
const http = require('node:http');
const fs = require('node:fs');
http.get(process.env.URL, { headers: { authorization: 'Bearer ' + process.env.TOKEN } }, (res) => {
  const out = fs.createWriteStream(process.env.OUT);
  res.pipe(out);
  out.on('finish', () => console.log(JSON.stringify({ status: res.statusCode, headSeq: Number(res.headers['x-audit-head-seq']) })));
}).on('error', (e) => { console.error(e); process.exit(1); });
`;

describe('GET /v1/audit/events/export', () => {
  let t: TestApp;
  let w: World;
  let dir: string;

  beforeAll(async () => {
    // No periodic checkpoints: the test makes the ones it checks.
    t = await startTestApp({ env: { AUDIT_CHECKPOINT_EVENTS: '100000000', AUDIT_CHECKPOINT_INTERVAL: '1d' } });
    w = await buildWorld(t);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-audit-export-'));
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes CSV with a header row, RFC 4180 quoting and neutralized formulas', async () => {
    const hostile = '=HYPERLINK("http://evil.example","click"), and more';
    const made = await t.post(
      `/v1/organizations/${w.c1.orgId}/users`,
      { username: 'csv.quote', displayName: 'Lee, "Ann"' },
      { token: w.c1.admin.token, headers: { 'user-agent': hostile } },
    );
    expect(made.status).toBe(201);
    // A field with a line break, a comma and quotes (only the writer's callers can put one there).
    const odd = 'line one,\n"line two"';
    await pgTransaction(t.pool, (sql) =>
      appendAuditEvent(sql, { system: 'test' }, { action: 'test.csv', resourceType: 'note', resourceId: odd, organizationId: w.c1.orgId }),
    );
    const res = await t.get('/v1/audit/events/export', { token: w.c1.auditor.token, query: { format: 'csv' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-.*\.csv"$/);
    const rows = parseCsv(res.text);
    const header = rows[0];
    expect(header).toEqual([
      'seq',
      'occurredAt',
      'actorUserId',
      'actorOrgId',
      'onBehalfOfOrgId',
      'tokenId',
      'delegationId',
      'action',
      'resourceType',
      'resourceId',
      'organizationId',
      'organizationPath',
      'outcome',
      'requestId',
      'clientIp',
      'userAgent',
      'details',
      'prevHash',
      'hash',
    ]);
    const c1Count = Number((await t.pool.query('SELECT count(*) FROM audit_events WHERE organization_id = $1', [w.c1.orgId])).rows[0].count);
    expect(rows).toHaveLength(c1Count + 1);
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    const col = (name: string) => header.indexOf(name);
    const created = rows.find((r) => r[col('resourceId')] === made.body.id)!;
    expect(created[col('userAgent')]).toBe(`'${hostile}`);
    expect(JSON.parse(created[col('details')]).after.displayName).toBe('Lee, "Ann"');
    expect(rows.find((r) => r[col('action')] === 'test.csv')![col('resourceId')]).toBe(odd);
    expect(res.text).toContain('"line one,\n""line two"""');
    // Oldest first, only C1.
    const seqs = rows.slice(1).map((r) => Number(r[col('seq')]));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(rows.slice(1).every((r) => r[col('organizationId')] === w.c1.orgId)).toBe(true);
  });

  it('applies the same filters and scope as the list, in either order', async () => {
    const list = await t.get('/v1/audit/events', { token: w.r1.auditor.token, query: { action: 'user.', limit: 200 } });
    const res = await t.get('/v1/audit/events/export', { token: w.r1.auditor.token, query: { action: 'user.', order: 'desc' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const lines = res.text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual(list.body.items);
    expect((await t.get('/v1/audit/events/export', { token: w.c1.auditor.token, query: { organization: w.c3.orgId } })).status).toBe(404);
    expect((await t.get('/v1/audit/events/export', { token: w.c1.auditor.token, query: { format: 'xml' } })).status).toBe(400);
    expect((await t.get('/v1/audit/events/export', { token: w.c1.admin.token })).status).toBe(403);
  });

  it('streams 100,000 events through a real HTTP listener with flat memory, and the file verifies offline', async () => {
    const hosterOrg = (await t.pool.query('SELECT id, path FROM organizations WHERE id = $1', [w.hoster.orgId])).rows[0];
    const { lastSeq } = await appendBulkEvents(t.pool, { count: 100_000, org: hosterOrg });
    // Sign the chain head, as an auditor's checkpoint to anchor the export.
    expect((await t.post('/v1/audit/checkpoints', undefined, { token: w.hoster.admin.token })).status).toBe(201);
    const cps = await t.get('/v1/audit/checkpoints', { token: w.hoster.auditor.token });
    const keyFile = path.join(dir, 'key.pem');
    fs.writeFileSync(keyFile, cps.body.publicKey.pem);
    const cpFile = path.join(dir, 'checkpoints.json');
    fs.writeFileSync(cpFile, JSON.stringify(cps.body));
    expect(cps.body.items[0].lastSeq).toBe(lastSeq);
    let headSeq: number;
    let rssRiseMb: number;

    // The real API, `provisio serve` from dist/, in its own process on this database: its memory
    // is sampled from outside while a separate client process streams the export to a file.
    const port = await freePort();
    const api = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist/src/main.js'), 'serve'], {
      env: {
        ...process.env,
        DATABASE_URL: t.db.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: path.join(dir, 'api'),
        LOG_LEVEL: 'warn',
        RATE_LIMIT_MAX: '0',
        AUDIT_CHECKPOINT_INTERVAL: '1d',
        AUDIT_CHECKPOINT_EVENTS: '100000000',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const file = path.join(dir, 'export.ndjson');
    try {
      await waitFor(
        async () => {
          if (api.exitCode !== null) throw new Error(`the API exited with ${api.exitCode}`);
          return (await fetch(`http://127.0.0.1:${port}/health/live`).catch(() => undefined))?.ok === true;
        },
        'the API',
        60_000,
        100,
      );
      const download = (query: string) =>
        new Promise<{ status: number; headSeq: number }>((resolve, reject) => {
          const client = spawn(process.execPath, ['-e', DOWNLOAD_SCRIPT], {
            env: { ...process.env, URL: `http://127.0.0.1:${port}/v1/audit/events/export?${query}`, TOKEN: w.hoster.auditor.token, OUT: file },
            stdio: ['ignore', 'pipe', 'inherit'],
          });
          let report = '';
          client.stdout.on('data', (d) => (report += d));
          client.on('error', reject);
          client.on('exit', (code) => (code === 0 ? resolve(JSON.parse(report)) : reject(new Error(`download exited with ${code}`))));
        });
      // Warm up (JIT, pools, first-request work), then measure.
      expect((await download('format=ndjson&action=organization.')).status).toBe(200);
      const before = rssOf(api.pid!);
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, rssOf(api.pid!))), 10);
      let result: { status: number; headSeq: number };
      try {
        result = await download('format=ndjson');
      } finally {
        clearInterval(sampler);
      }
      expect(result.status).toBe(200);
      expect(result.headSeq).toBeGreaterThanOrEqual(lastSeq);
      headSeq = result.headSeq;
      rssRiseMb = (peak - before) / 1024 / 1024;
    } finally {
      api.kill('SIGTERM');
      await new Promise((resolve) => (api.exitCode !== null ? resolve(null) : api.once('exit', resolve)));
    }
    const sizeMb = fs.statSync(file).size / 1024 / 1024;
    console.log(`export of ${headSeq} events (${sizeMb.toFixed(1)} MB): API RSS +${rssRiseMb.toFixed(1)} MB`);
    expect(sizeMb).toBeGreaterThan(50);
    expect(rssRiseMb).toBeLessThan(50);

    const out: string[] = [];
    const code = await runAuditCli(['verify', '--file', file, '--public-key', keyFile, '--checkpoints', cpFile], (l) => out.push(l));
    expect(out[0]).toMatch(
      new RegExp(`^VERIFIED: ${headSeq} events, seq 1–${headSeq}: every hash and link recomputes; 1 signed checkpoint\\(s\\) by key [0-9a-f]{16} match`),
    );
    expect(code).toBe(0);
  });
});
