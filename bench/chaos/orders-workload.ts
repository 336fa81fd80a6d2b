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

export interface OrdersWorkloadOptions {
  base: string;
  hosterToken: string;
  /** Orders to place in all (subscribe included). */
  total: number;
  /** Orders per second, roughly. */
  ratePerSecond: number;
  random: () => number;
  log: (line: string) => void;
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

  /** A request that survives the database restart: network errors and 5xx are retried. */
  async function call(method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
    let last: string;
    // Long enough for a key left in flight by a request the database restart cut short: the API
    // treats such a claim as abandoned after 60 s and answers 409 until then.
    const deadline = Date.now() + 120_000;
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await fetch(`${opts.base}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
          body: body ? JSON.stringify(body) : undefined,
        });
        const text = await res.text();
        // 409 IDEMPOTENCY_KEY_IN_FLIGHT: the first attempt is still being processed.
        if (res.status < 500 && !(res.status === 409 && text.includes('IDEMPOTENCY_KEY_IN_FLIGHT'))) return { status: res.status, body: text ? JSON.parse(text) : null };
        last = `${res.status} ${text.slice(0, 300)}`;
      } catch (e) {
        last = String(e instanceof Error ? e.message : e); // connection refused or reset: retry
      }
      if (Date.now() > deadline) throw new Error(`${method} ${path} kept failing (${attempt} attempts); last answer: ${last}`);
      retries++;
      await sleep(100);
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
    if (res.body.subscriptionId) c.subscriptionId = res.body.subscriptionId;
    for (;;) {
      const r = await call('GET', `/v1/orders/${id}?wait=20`, c.token);
      if (r.status !== 200) throw new Error(`GET order ${id}: ${r.status}`);
      if (TERMINAL.includes(r.body.status)) {
        byStatus[r.body.status] = (byStatus[r.body.status] ?? 0) + 1;
        if (r.body.subscriptionId) c.subscriptionId = r.body.subscriptionId;
        return r.body.status;
      }
    }
  }

  const newUsers = (n: number) =>
    Array.from({ length: n }, () => {
      const alias = `u${(aliasCounter++).toString(36)}`;
      return { alias, displayName: `User ${alias}`, userPlan: aliasCounter % 2 ? 'standard-mailbox' : 'mobile-mailbox' };
    });

  async function lifeOf(c: Customer, orders: number) {
    const first = newUsers(2);
    const s = await order(c, `chaos-${c.index}-0`, { type: 'subscribe', plan: 'business-premium', domain: c.domain, users: first });
    c.subscribed = s === 'completed' ? 'completed' : s === 'failed' ? 'failed' : 'other';
    if (s !== 'completed') return;
    for (const u of first) c.expected.add(u.alias);
    for (let k = 1; k < orders; k++) {
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

  const perCustomer = 5;
  const count = Math.max(1, Math.ceil(opts.total / perCustomer));
  const customers: Customer[] = [];
  const lives: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const created = await call('POST', '/v1/organizations', opts.hosterToken, {
      kind: 'customer',
      name: `Chaos customer ${i} ${Date.now().toString(36)}`,
      admin: { username: `chaos.${i}.${Date.now().toString(36)}`, displayName: `Chaos admin ${i}` },
    });
    if (created.status !== 201) {
      problems.push(`customer ${i} could not be created: ${created.status} ${JSON.stringify(created.body).slice(0, 200)}`);
      continue;
    }
    const c: Customer = {
      index: i,
      orgId: created.body.organization.id,
      token: created.body.admin.token.token,
      domain: `chaos-order-${created.body.organization.id.slice(4, 20)}.example`,
      subscribed: 'pending',
      expected: new Set(),
    };
    customers.push(c);
    const orders = Math.min(perCustomer, opts.total - i * perCustomer);
    lives.push(lifeOf(c, orders).catch((e) => void problems.push(`customer ${i}: ${e instanceof Error ? e.message : String(e)}`)));
    if ((i + 1) % 10 === 0) opts.log(`orders: ${i + 1}/${count} customers started`);
    await sleep((1000 * perCustomer) / opts.ratePerSecond);
  }
  await Promise.all(lives);

  return {
    placed,
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
        if (JSON.stringify(mailboxes) !== JSON.stringify(want)) out.push(`customer ${c.index}: mailboxes ${mailboxes.join(',')} ≠ completed orders' users ${want.join(',')}`);
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
