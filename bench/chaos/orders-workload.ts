import type { Sql } from '../../src/database/sql';
import { labInventory, labState } from '../../src/provisioning/providers/lab';

/**
 * The orders half of the chaos run (QUALITY.md: "500 mixed orders"): customers subscribe to a
 * plan, then add and remove users, each order placed through the API with an Idempotency-Key
 * (a POST that fails while PostgreSQL restarts is sent again without ordering twice) and followed
 * to its end. Afterwards each customer's platform state must be exactly the users of its
 * completed orders, and its quota usage must equal what the platform holds.
 */

const TERMINAL = ['completed', 'failed', 'needs_attention', 'cancelled'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function safeJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export interface OrdersWorkloadOptions {
  base: string;
  hosterToken: string;
  /** Orders to place in all (subscribe included). */
  total: number;
  /** Orders per second, roughly. */
  ratePerSecond: number;
  random: () => number;
  log: (line: string) => void;
  /** Sees every HTTP answer (and every network error) the clients got, as they got it. */
  observe?: (answer: ClientAnswer) => void;
  /** Wait what Retry-After says before retrying a 503 or 429 (default: retry after 100 ms). */
  honorRetryAfter?: boolean;
  /** Create every customer before the first order (default: each just before its orders). */
  customersFirst?: boolean;
  /** How long a client follows one order before it reports it as never finished (default 10 min). */
  orderTimeoutMs?: number;
  /** Times a customer orders its subscription when the previous one failed (default 1). */
  subscribeAttempts?: number;
}

/** One answer a client saw: status and the headers a retrying client reads, or a network error. */
export interface ClientAnswer {
  at: number;
  method: string;
  path: string;
  /** 0 when the request got no HTTP answer (connection refused or reset). */
  status: number;
  retryAfter?: string;
  contentType?: string;
  /** The problem+json `code`, when there is one. */
  code?: string;
  error?: string;
  /** How long the client waited for this answer. */
  ms: number;
}

/** An order answered 202, when, and how it ended (as its client saw it). */
export interface PlacedOrder {
  id: string;
  customer: number;
  type: string;
  placedAt: number;
  endedAt?: number;
  status?: string;
}

interface Customer {
  index: number;
  orgId: string;
  token: string;
  domain: string;
  subscriptionId?: string;
  subscribed: 'completed' | 'failed' | 'other' | 'pending';
  /** Users the customer's completed orders created and did not remove. */
  expected: Set<string>;
}

export interface OrdersWorkloadResult {
  placed: number;
  orders: PlacedOrder[];
  byStatus: Record<string, number>;
  retries: number;
  problems: string[];
  /** Checks every customer's platform state and quota (after the storm). */
  verify(sql: Sql): Promise<string[]>;
}

export async function runOrdersWorkload(opts: OrdersWorkloadOptions): Promise<OrdersWorkloadResult> {
  const problems: string[] = [];
  const byStatus: Record<string, number> = {};
  let retries = 0;
  let placed = 0;
  let aliasCounter = 0;
  const orders: PlacedOrder[] = [];

  /** A request that survives the database restart: network errors, 5xx and 429 are retried. */
  async function call(
    method: string,
    path: string,
    token: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: any }> {
    let last: string;
    // Long enough for a key left in flight by a request the database restart cut short: the API
    // treats such a claim as abandoned after 60 s and answers 409 until then.
    const deadline = Date.now() + 120_000;
    for (let attempt = 1; ; attempt++) {
      let wait = 100;
      const sent = Date.now();
      try {
        const res = await fetch(`${opts.base}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
          body: body ? JSON.stringify(body) : undefined,
        });
        const text = await res.text();
        const retryAfter = res.headers.get('retry-after') ?? undefined;
        const contentType = res.headers.get('content-type') ?? undefined;
        const parsed = contentType?.includes('json') && text ? safeJson(text) : undefined;
        opts.observe?.({ at: Date.now(), ms: Date.now() - sent, method, path, status: res.status, retryAfter, contentType, code: parsed?.code });
        // 409 IDEMPOTENCY_KEY_IN_FLIGHT: the first attempt is still being processed.
        const retry = res.status >= 500 || res.status === 429 || (res.status === 409 && text.includes('IDEMPOTENCY_KEY_IN_FLIGHT'));
        if (!retry) return { status: res.status, body: parsed ?? (text ? JSON.parse(text) : null) };
        last = `${res.status} ${text.slice(0, 300)}`;
        if (opts.honorRetryAfter && retryAfter && /^\d+$/.test(retryAfter)) wait = Math.min(5_000, Number(retryAfter) * 1000);
      } catch (e) {
        // Connection refused or reset: retry. fetch says only "fetch failed"; the cause says why.
        const cause = (e as { cause?: { code?: string; message?: string } }).cause;
        last = `${e instanceof Error ? e.message : String(e)}${cause ? ` (${cause.code ?? cause.message})` : ''}`;
        opts.observe?.({ at: Date.now(), ms: Date.now() - sent, method, path, status: 0, error: last });
      }
      if (Date.now() > deadline) throw new Error(`${method} ${path} kept failing (${attempt} attempts); last answer: ${last}`);
      retries++;
      await sleep(wait);
    }
  }

  async function order(c: Customer, key: string, body: Record<string, unknown>): Promise<string> {
    const res = await call('POST', '/v1/orders', c.token, { organizationId: c.orgId, ...body }, { 'idempotency-key': key });
    if (res.status !== 202) {
      problems.push(`customer ${c.index}: ${body.type} refused: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
      return 'refused';
    }
    placed++;
    const id = res.body.id as string;
    const record: PlacedOrder = { id, customer: c.index, type: String(body.type), placedAt: Date.now() };
    orders.push(record);
    if (res.body.subscriptionId) c.subscriptionId = res.body.subscriptionId;
    const deadline = Date.now() + (opts.orderTimeoutMs ?? 10 * 60_000);
    for (;;) {
      const r = await call('GET', `/v1/orders/${id}?wait=20`, c.token);
      if (r.status !== 200) throw new Error(`GET order ${id}: ${r.status}`);
      if (TERMINAL.includes(r.body.status)) {
        byStatus[r.body.status] = (byStatus[r.body.status] ?? 0) + 1;
        Object.assign(record, { endedAt: Date.now(), status: r.body.status });
        if (r.body.subscriptionId) c.subscriptionId = r.body.subscriptionId;
        return r.body.status;
      }
      if (Date.now() > deadline)
        throw new Error(`order ${id} (answered 202) still ${r.body.status} after ${Math.round((opts.orderTimeoutMs ?? 600_000) / 1000)} s`);
    }
  }

  const newUsers = (n: number) =>
    Array.from({ length: n }, () => {
      const alias = `u${(aliasCounter++).toString(36)}`;
      return { alias, displayName: `User ${alias}`, userPlan: aliasCounter % 2 ? 'standard-mailbox' : 'mobile-mailbox' };
    });

  async function lifeOf(c: Customer, orders: number) {
    const first = newUsers(2);
    let k = 0;
    // A customer whose subscription failed (and was rolled back) may order it again.
    for (let attempt = 1; attempt <= (opts.subscribeAttempts ?? 1) && k < orders; attempt++) {
      const s = await order(c, `chaos-${c.index}-${k++}`, { type: 'subscribe', plan: 'business-premium', domain: c.domain, users: first });
      c.subscribed = s === 'completed' ? 'completed' : s === 'failed' ? 'failed' : 'other';
      if (s !== 'failed') break;
    }
    if (c.subscribed !== 'completed') return;
    for (const u of first) c.expected.add(u.alias);
    for (; k < orders; k++) {
      const existing = [...c.expected];
      if (existing.length > 1 && opts.random() < 0.3) {
        const alias = existing[Math.floor(opts.random() * existing.length)];
        if ((await order(c, `chaos-${c.index}-${k}`, { type: 'remove_users', aliases: [alias] })) === 'completed') c.expected.delete(alias);
      } else {
        const users = newUsers(1 + Math.floor(opts.random() * 2));
        if ((await order(c, `chaos-${c.index}-${k}`, { type: 'add_users', users })) === 'completed') for (const u of users) c.expected.add(u.alias);
      }
    }
  }

  async function createCustomer(i: number): Promise<Customer | undefined> {
    const created = await call('POST', '/v1/organizations', opts.hosterToken, {
      kind: 'customer',
      name: `Chaos customer ${i} ${Date.now().toString(36)}`,
      admin: { username: `chaos.${i}.${Date.now().toString(36)}`, displayName: `Chaos admin ${i}` },
    });
    if (created.status !== 201) {
      problems.push(`customer ${i} could not be created: ${created.status} ${JSON.stringify(created.body).slice(0, 200)}`);
      return undefined;
    }
    return {
      index: i,
      orgId: created.body.organization.id,
      token: created.body.admin.token.token,
      domain: `chaos-order-${created.body.organization.id.slice(4, 20)}.example`,
      subscribed: 'pending',
      expected: new Set(),
    };
  }

  const perCustomer = 5;
  const count = Math.max(1, Math.ceil(opts.total / perCustomer));
  const customers: Customer[] = [];
  const lives: Promise<void>[] = [];
  const live = (c: Customer) => {
    const n = Math.min(perCustomer, opts.total - c.index * perCustomer);
    lives.push(lifeOf(c, n).catch((e) => void problems.push(`customer ${c.index}: ${e instanceof Error ? e.message : String(e)}`)));
  };
  for (let i = 0; i < count; i++) {
    const c = await createCustomer(i);
    if (!c) continue;
    customers.push(c);
    if (opts.customersFirst) continue;
    live(c);
    if ((i + 1) % 10 === 0) opts.log(`orders: ${i + 1}/${count} customers started`);
    await sleep((1000 * perCustomer) / opts.ratePerSecond);
  }
  if (opts.customersFirst) {
    opts.log(`orders: ${customers.length} customers created`);
    for (const c of customers) {
      live(c);
      await sleep((1000 * perCustomer) / opts.ratePerSecond);
    }
  }
  await Promise.all(lives);

  return {
    placed,
    orders,
    byStatus,
    retries,
    problems,
    async verify(sql: Sql): Promise<string[]> {
      const out: string[] = [];
      for (const c of customers) {
        if (c.subscribed === 'failed') {
          const inv = await labInventory(sql, c.orgId);
          const left = Object.entries(inv).filter(([, n]) => n !== 0);
          if (left.length) out.push(`customer ${c.index}: subscription failed but the platform holds ${left.map(([k, n]) => `${n} ${k}`).join(', ')}`);
          continue;
        }
        if (c.subscribed !== 'completed') continue;
        const state = await labState(sql, c.orgId);
        const want = [...c.expected].sort();
        const mailboxes = state.mailboxes.map((m) => m.alias).sort();
        const users = state.users.map((u) => u.alias).sort();
        if (JSON.stringify(mailboxes) !== JSON.stringify(want))
          out.push(`customer ${c.index}: mailboxes ${mailboxes.join(',')} ≠ completed orders' users ${want.join(',')}`);
        if (JSON.stringify(users) !== JSON.stringify(want)) out.push(`customer ${c.index}: directory users ${users.join(',')} ≠ ${want.join(',')}`);
        const q = await sql.query<{ used: string; reserved: string; freeing: string }>(
          `SELECT used::text, reserved::text, freeing::text FROM quota_ledger WHERE subscription_id = $1 AND feature = 'exchange.mailboxes'`,
          [c.subscriptionId],
        );
        const row = q.rows[0];
        if (!row) out.push(`customer ${c.index}: no exchange.mailboxes quota row for subscription ${c.subscriptionId}`);
        else if (Number(row.used) !== mailboxes.length || Number(row.reserved) !== 0 || Number(row.freeing) !== 0) {
          out.push(`customer ${c.index}: quota used ${row.used} reserved ${row.reserved} freeing ${row.freeing}, platform holds ${mailboxes.length} mailboxes`);
        }
      }
      return out;
    },
  };
}
