// The README's first order through the typed client: a customer with its first admin, then a
// subscription with two users, followed until the order stops. Run against a started Provisio:
//   PROVISIO_URL=http://127.0.0.1:3000 PROVISIO_TOKEN=$(cat .provisio/admin-token) node first-order.js
import { createProvisioClient } from 'provisio/client';

const TERMINAL = ['completed', 'failed', 'needs_attention', 'cancelled'];

async function main(): Promise<void> {
  const api = process.env.PROVISIO_URL ?? 'http://127.0.0.1:3000';
  const hoster = createProvisioClient(api, { token: process.env.PROVISIO_TOKEN });

  const created = await hoster.POST('/v1/organizations', {
    body: { kind: 'customer', name: 'Contoso', admin: { username: 'contoso.admin', displayName: 'Contoso Admin' } },
  });
  if (!created.data?.admin) throw new Error(`customer not created: ${created.error?.code ?? created.response.status}`);
  const customerId = created.data.organization.id;
  const customer = createProvisioClient(api, { token: created.data.admin.token.token });

  const placed = await customer.POST('/v1/orders', {
    params: { header: { 'Idempotency-Key': 'contoso-subscribe-1' } },
    body: {
      type: 'subscribe',
      organizationId: customerId,
      plan: 'business-premium',
      domain: 'contoso.example',
      users: [
        { alias: 'ann', displayName: 'Ann Lee', userPlan: 'mobile-mailbox' },
        { alias: 'bob', displayName: 'Bob Ray', userPlan: 'standard-mailbox' },
      ],
    },
  });
  if (!placed.data) throw new Error(`order refused: ${placed.error?.code} ${placed.error?.detail ?? ''}`);
  console.log(`order ${placed.data.id} ${placed.data.status} (${placed.response.headers.get('location')})`);

  let order = placed.data;
  while (!TERMINAL.includes(order.status)) {
    const polled = await customer.GET('/v1/orders/{id}', { params: { path: { id: order.id }, query: { wait: 30 } } });
    if (!polled.data) throw new Error(`order not readable: ${polled.error?.code}`);
    order = polled.data;
  }
  console.log(`order ${order.id} ${order.status}: ${order.progress.stepsDone} steps`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
