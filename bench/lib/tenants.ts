import { randomBytes } from 'node:crypto';
import { type ApiClient, expectStatus, mapLimit } from './http';

export interface Customer {
  index: number;
  orgId: string;
  token: string;
  domain: string;
}

const TERMINAL = ['completed', 'failed', 'needs_attention', 'cancelled'];
const tag = () => randomBytes(4).toString('hex');

/** Customers of the hoster, each with its org_admin token (what a hoster's signup flow does). */
export async function createCustomers(api: ApiClient, hosterToken: string, count: number, prefix = 'bench'): Promise<Customer[]> {
  const run = tag();
  return mapLimit(
    Array.from({ length: count }, (_, i) => i),
    8,
    async (i) => {
      const res = await api.post(
        '/v1/organizations',
        { kind: 'customer', name: `Bench customer ${prefix} ${run} ${i}`, admin: { username: `${prefix}-${run}-${i}`, displayName: `Bench admin ${i}` } },
        hosterToken,
      );
      expectStatus(res, 201, 'create a customer');
      return { index: i, orgId: res.body.organization.id, token: res.body.admin.token.token, domain: `${prefix}-${run}-${i}.example` };
    },
  );
}

/** Long-polls an order until it is terminal; returns the order view. */
export async function waitForOrder(api: ApiClient, orderId: string, token: string, timeoutMs = 120_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await api.get(`/v1/orders/${orderId}?wait=30`, token);
    expectStatus(res, 200, 'read an order');
    if (TERMINAL.includes(res.body.status)) return res.body;
    if (Date.now() > deadline) throw new Error(`order ${orderId} still ${res.body.status} after ${timeoutMs} ms`);
  }
}

/** Subscribes every customer to `plan` (engines must be running) and waits for each to complete. */
export async function subscribeAll(api: ApiClient, customers: Customer[], plan: string, concurrency = 16): Promise<void> {
  await mapLimit(customers, concurrency, async (c) => {
    const placed = await api.post('/v1/orders', { type: 'subscribe', organizationId: c.orgId, plan, domain: c.domain }, c.token);
    expectStatus(placed, 202, `subscribe customer ${c.index} to ${plan}`);
    const done = await waitForOrder(api, placed.body.id, c.token);
    if (done.status !== 'completed')
      throw new Error(`subscription of customer ${c.index} ended ${done.status}: ${JSON.stringify(done.errorContext ?? done.error ?? {}).slice(0, 300)}`);
  });
}

/** The body of one add_users order with a single new user. */
export function addUserOrder(c: Customer, alias: string, userPlan: string) {
  return { type: 'add_users', organizationId: c.orgId, users: [{ alias, displayName: `User ${alias}`, userPlan }] };
}
