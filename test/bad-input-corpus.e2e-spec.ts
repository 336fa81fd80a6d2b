import * as net from 'node:net';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { seedCatalog } from '../src/catalog/catalog-seed';
import { buildCorpus, type CorpusCase, type CorpusContext, GROUPS, type TokenKey } from './corpus';
import { startTestApp, type TestApp } from './helpers/app';
import { killAll, spawnEngine, type EngineProcess } from './helpers/engine-e2e';
import { buildWorld, type World } from './helpers/identity';
import { listRoutes, type RouteInfo } from './helpers/routes';

/**
 * The bad-input corpus (QUALITY.md "Bad input", ARCHITECTURE.md §7): hundreds of hostile inputs
 * (test/corpus/) fired at one app over a prepared tenant tree, the seeded catalog and a customer
 * with an active subscription. Every answer must be a 4xx problem+json with a stable code and
 * nothing that looks like a stack trace or SQL, and the database must be exactly as before
 * (audit events excepted, which must all be denied or failed attempts).
 */

/** Tables that move by themselves or must move (the audit trail is checked on its own). */
const EXCLUDED_TABLES = new Set(['public.audit_events', 'public.audit_chain_head']);
/** Columns that move by themselves. */
const EXCLUDED_COLUMNS: Record<string, string[]> = { 'public.tokens': ['last_used_at'] };

type Snapshot = Map<string, string[]>;

/** Every row of every table of `public` and `lab`, as sorted JSON text per table. */
async function snapshot(pool: Pool): Promise<Snapshot> {
  const tables = (
    await pool.query<{ name: string; schema: string; table: string }>(
      `SELECT table_schema || '.' || table_name AS name, table_schema AS schema, table_name AS table
         FROM information_schema.tables
        WHERE table_schema IN ('public', 'lab') AND table_type = 'BASE TABLE'
        ORDER BY 1`,
    )
  ).rows;
  const out: Snapshot = new Map();
  for (const t of tables) {
    if (EXCLUDED_TABLES.has(t.name)) continue;
    const rows = await pool.query<{ r: string }>(`SELECT (to_jsonb(x) - $1::text[])::text AS r FROM "${t.schema}"."${t.table}" x ORDER BY 1`, [
      EXCLUDED_COLUMNS[t.name] ?? [],
    ]);
    out.set(
      t.name,
      rows.rows.map((r) => r.r),
    );
  }
  return out;
}

function diffSnapshots(before: Snapshot, after: Snapshot): string[] {
  const diffs: string[] = [];
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const a = new Set(before.get(name) ?? []);
    const b = new Set(after.get(name) ?? []);
    const removed = [...a].filter((r) => !b.has(r));
    const added = [...b].filter((r) => !a.has(r));
    if (removed.length || added.length) {
      diffs.push(
        `${name}: -${removed.length} +${added.length}\n${[...removed.map((r) => `  - ${r.slice(0, 400)}`), ...added.map((r) => `  + ${r.slice(0, 400)}`)].slice(0, 10).join('\n')}`,
      );
    }
  }
  return diffs;
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

const STACK_PATTERNS = [
  /\n\s+at\s/,
  /\bat \S+ \(.*:\d+:\d+\)/,
  /node_modules/,
  /\/(?:src|dist)\/[\w/.-]+\.[jt]s\b/,
  /\bTypeError\b|\bRangeError\b|\bReferenceError\b/,
];
const SQL_PATTERNS = [
  /syntax error at or near/i,
  /invalid input syntax/i,
  /violates [\w -]*constraint/i,
  /duplicate key value/i,
  /relation "[^"]+"/i,
  /column "[^"]+"/i,
  /QueryFailedError/,
  /\bSQLSTATE\b/,
  /\bpg_catalog\b/,
  /\b(?:SELECT|INSERT INTO|UPDATE|DELETE FROM)\b[^"\n]{0,200}\b(?:FROM|VALUES|SET|WHERE)\b/,
];

/** Everything a response must be for a hostile input; returns what is wrong with it. */
function judge(c: CorpusCase, a: Answer, sent: string): string[] {
  const wrong: string[] = [];
  if (a.status < 400 || a.status > 499) wrong.push(`status ${a.status} is not 4xx`);
  else if (c.expect !== '4xx' && a.status !== c.expect) wrong.push(`expected ${c.expect}, got ${a.status}`);
  if (!a.contentType.startsWith('application/problem+json')) wrong.push(`content-type "${a.contentType}"`);
  let body: any;
  try {
    body = JSON.parse(a.text);
  } catch {
    wrong.push('body is not JSON');
  }
  if (body) {
    if (typeof body.code !== 'string' || !/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/.test(body.code)) wrong.push(`code ${JSON.stringify(body.code)} is not UPPER_SNAKE`);
    else if (c.code && body.code !== c.code) wrong.push(`expected code ${c.code}, got ${body.code}`);
    if (body.status !== a.status) wrong.push(`body status ${body.status} differs from ${a.status}`);
    if (typeof body.type !== 'string' || typeof body.title !== 'string') wrong.push('type/title missing');
  }
  for (const p of STACK_PATTERNS) {
    const m = p.exec(a.text);
    if (m && !sent.includes(m[0])) wrong.push(`looks like a stack trace: ${m[0]}`);
  }
  for (const p of SQL_PATTERNS) {
    const m = p.exec(a.text);
    if (m && !sent.includes(m[0])) wrong.push(`looks like SQL: ${m[0]}`);
  }
  return wrong;
}

/** A raw HTTP/1.1 exchange on a real socket (for limits that inject bypasses, e.g. header size). */
function rawHttp(port: number, c: CorpusCase, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const lines = head.split('\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(lines[0] ?? '')?.[1] ?? 0);
      const type = lines.find((l) => /^content-type:/i.test(l))?.replace(/^content-type:\s*/i, '') ?? '';
      resolve({ status, contentType: type, text: rest.join('\r\n\r\n') });
    });
    const lines = [`${c.method} ${c.url} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
    socket.end(`${lines.join('\r\n')}\r\n\r\n`);
  });
}

describe('bad-input corpus: every hostile input answers 4xx problem+json and changes nothing', () => {
  let t: TestApp;
  let w: World;
  let ctx: CorpusContext;
  let cases: CorpusCase[] = [];
  let routes: RouteInfo[] = [];
  let tokens: Record<TokenKey, string | undefined>;
  let before: Snapshot;
  let auditSeqBefore = 0;
  let port = 0;
  let ran = 0;
  let answersOk = false;
  let databaseUnchanged = false;

  beforeAll(async () => {
    // The periodic checkpointer would add a row by itself; keep it out of the way.
    t = await startTestApp({ env: { AUDIT_CHECKPOINT_EVENTS: '100000000', AUDIT_CHECKPOINT_INTERVAL: '30d' } });
    w = await buildWorld(t);
    await seedCatalog(t.app.get(DataSource));
    const hoster = w.hoster.admin.token;
    const ok = async <T = any>(p: Promise<{ status: number; body: T; text: string }>, what: string): Promise<T> => {
      const r = await p;
      if (r.status >= 300) throw new Error(`${what}: ${r.status} ${r.text}`);
      return r.body;
    };

    // Contoso: a direct customer of the hoster, subscribed for real (one engine process runs the order).
    const created = await ok<any>(
      t.post(
        '/v1/organizations',
        { kind: 'customer', name: 'Contoso Corpus', parentId: w.hoster.orgId, admin: { username: 'contoso.corpus', displayName: 'Contoso Admin' } },
        { token: hoster },
      ),
      'create Contoso',
    );
    const contoso = { orgId: created.organization.id as string, userId: created.admin.id as string, token: created.admin.token.token as string };
    const domain = 'contoso-corpus.example';
    let engine: EngineProcess | undefined = spawnEngine(t.db.url, { LOG_LEVEL: 'warn' });
    let order: any;
    try {
      const placed = await ok<any>(
        t.post(
          '/v1/orders',
          {
            type: 'subscribe',
            organizationId: contoso.orgId,
            plan: 'business-premium',
            domain,
            users: [{ alias: 'ann', displayName: 'Ann Lee', userPlan: 'standard-mailbox' }],
          },
          { token: contoso.token },
        ),
        'subscribe Contoso',
      );
      order = await ok<any>(t.get(`/v1/orders/${placed.id}?wait=90`, { token: contoso.token }), 'wait for the subscription');
      if (order.status !== 'completed') throw new Error(`Contoso's subscription ended ${order.status}: ${JSON.stringify(order.errorContext)}`);
      // A graceful stop: the engine finishes, releases its leases and marks itself stopped.
      engine.child.kill('SIGTERM');
      await engine.exited;
      engine = undefined;
    } finally {
      if (engine) await killAll([engine]);
    }
    const lab = await ok<any>(t.get(`/v1/lab/state?organization=${contoso.orgId}`, { token: hoster }), 'lab state');

    // Another tenant's pending delegation and token; a hoster draft plan.
    const otherDelegation = await ok<any>(
      t.post('/v1/delegations', { customerId: w.c3.orgId, roles: ['org_admin'], duration: '30d' }, { token: w.r2.admin.token }),
      'R2 delegation',
    );
    const c3Tokens = await ok<any>(t.get('/v1/tokens', { token: w.c3.admin.token }), 'C3 tokens');
    const plans = await ok<any>(t.get('/v1/plans?limit=200', { token: hoster }), 'plans');
    const planId = (name: string) => plans.items.find((p: any) => p.name === name)?.id as string;
    const draft = await ok<any>(
      t.post('/v1/plans', { kind: 'user', name: 'corpus-draft', displayName: 'Corpus Draft', services: ['directory', 'exchange'] }, { token: hoster }),
      'draft plan',
    );

    ctx = {
      orgs: { hoster: w.hoster.orgId, r1: w.r1.orgId, c1: w.c1.orgId, c2: w.c2.orgId, r2: w.r2.orgId, c3: w.c3.orgId, contoso: contoso.orgId },
      users: {
        hosterAdmin: w.hoster.admin.userId,
        r1Admin: w.r1.admin.userId,
        c1Admin: w.c1.admin.userId,
        c1EndUser: w.c1.endUser.userId,
        c3Admin: w.c3.admin.userId,
        contosoAdmin: contoso.userId,
      },
      delegation: w.delegation.id,
      otherDelegation: otherDelegation.id,
      otherTokenId: (c3Tokens.items ?? c3Tokens)[0].id,
      plans: { premium: planId('business-premium'), standardMailbox: planId('standard-mailbox'), hosterDraft: draft.id },
      contoso: { domain, orderId: order.id, runId: order.runId, subscriptionId: order.subscriptionId, userAlias: 'ann', siteUrl: lab.siteCollections[0].url },
    };
    tokens = {
      none: undefined,
      bogus: `pvs_${'0'.repeat(43)}`,
      hosterAdmin: hoster,
      hosterCsr: w.hoster.csr.token,
      hosterAuditor: w.hoster.auditor.token,
      r1Admin: w.r1.admin.token,
      r1Csr: w.r1.csr.token,
      r2Admin: w.r2.admin.token,
      c1Admin: w.c1.admin.token,
      c1Csr: w.c1.csr.token,
      c1EndUser: w.c1.endUser.token,
      c1Auditor: w.c1.auditor.token,
      c3Admin: w.c3.admin.token,
      delegated: w.delegation.token,
      contosoAdmin: contoso.token,
    };
    routes = listRoutes(t.app);
    cases = buildCorpus(ctx, routes);

    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.getHttpServer().address() as net.AddressInfo).port;

    auditSeqBefore = Number((await t.pool.query(`SELECT coalesce(max(id), 0) AS id FROM audit_events`)).rows[0].id);
    before = await snapshot(t.pool);
  }, 180_000);

  afterAll(async () => {
    const known = cases.filter((c) => c.knownBug).length;
    if (ran) {
      console.log(
        `bad-input corpus: ${ran} cases${known ? ` (+${known} known bugs of other modules, run apart)` : ''}, ` +
          `${answersOk ? 'all 4xx problem+json' : 'SOME ANSWERS WRONG'}, database ${databaseUnchanged ? 'unchanged' : 'CHANGED'}`,
      );
    }
    await t?.close();
  });

  it('holds at least 200 cases, over every area and every route of the API', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    for (const group of Object.keys(GROUPS)) expect({ group, cases: GROUPS[group](ctx).length > 0 }).toEqual({ group, cases: true });
    // A route without a case fails here (public routes without input are not hostile territory).
    const uncovered = routes
      .filter((r) => !(r.permission === 'public' && !r.path.includes('{')))
      .filter((r) => {
        const re = new RegExp(`^${r.path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
        return !cases.some((c) => c.method === r.method && re.test(c.url.split('?')[0]));
      })
      .map((r) => `${r.method} ${r.path}`);
    expect(uncovered).toEqual([]);
  });

  /** Sends one case; returns what is wrong with the answer (nothing when it is right). */
  async function runCase(c: CorpusCase): Promise<string | undefined> {
    const headers: Record<string, string> = { ...(c.headers ?? {}) };
    const token = tokens[c.token];
    if (token && !headers.authorization) headers.authorization = `Bearer ${token}`;
    let payload: string | Buffer | undefined;
    if (c.raw !== undefined) {
      payload = c.raw;
      if (c.contentType !== null) headers['content-type'] = c.contentType ?? 'application/json';
    } else if (c.json !== undefined) {
      payload = JSON.stringify(c.json);
      headers['content-type'] = 'application/json';
    }
    let answer: Answer;
    try {
      if (c.transport === 'http') {
        answer = await rawHttp(port, c, headers);
      } else {
        const res = await t.app
          .getHttpAdapter()
          .getInstance()
          .inject({ method: c.method as any, url: c.url, headers, payload } as any);
        answer = { status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), text: res.body };
      }
    } catch (e) {
      return `${c.name}: the request itself failed: ${(e as Error).message}`;
    }
    const sent = `${c.url}\n${typeof payload === 'string' ? payload : (payload?.toString('utf8') ?? '')}\n${JSON.stringify(headers)}`;
    const wrong = judge(c, answer, sent);
    return wrong.length ? `${c.name} [${c.method} ${c.url.slice(0, 120)}]: ${wrong.join('; ')}\n    ${answer.text.slice(0, 300)}` : undefined;
  }

  it('answers every case 4xx with problem+json, a stable code, and no stack trace or SQL', async () => {
    const failures: string[] = [];
    const timings: [number, string][] = [];
    for (const c of cases.filter((x) => !x.knownBug)) {
      const t0 = Date.now();
      const failure = await runCase(c);
      timings.push([Date.now() - t0, c.name]);
      ran++;
      if (failure) failures.push(failure);
    }
    if (process.env.CORPUS_TIMINGS)
      console.log(
        timings
          .sort((a, b) => b[0] - a[0])
          .slice(0, 40)
          .map(([ms, n]) => `${ms} ms ${n}`)
          .join('\n') + `\ntotal ${timings.reduce((a, b) => a + b[0], 0)} ms`,
      );
    expect(failures).toEqual([]);
    answersOk = true;
  }, 240_000);

  it('leaves every table as it was; the only new audit events are denied or failed attempts', async () => {
    const after = await snapshot(t.pool);
    expect(diffSnapshots(before, after)).toEqual([]);
    const events = await t.pool.query<{ action: string; outcome: string }>(`SELECT action, outcome FROM audit_events WHERE id > $1 ORDER BY id`, [
      auditSeqBefore,
    ]);
    const successes = events.rows.filter((e) => e.outcome !== 'denied' && e.outcome !== 'failure');
    expect(successes).toEqual([]);
    databaseUnchanged = true;
  });

  // Bugs the corpus found in directories other engineers own (see CorpusCase.knownBug): each is
  // reported to them and fails here, on its own and after the database comparison, until fixed.
  it('KNOWN BUGS reported to the owners of src/provisioning/language and engine: fail until fixed', async () => {
    const failures: string[] = [];
    for (const c of cases.filter((x) => x.knownBug)) {
      const failure = await runCase(c);
      if (failure) failures.push(`${failure}\n    KNOWN BUG: ${c.knownBug}`);
    }
    expect(failures).toEqual([]);
  });
});
