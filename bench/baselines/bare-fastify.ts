#!/usr/bin/env node
import * as fs from 'node:fs';

// The Fastify the Nest adapter itself loads (not a dependency of ours).
const Fastify = require(require.resolve('fastify', { paths: [require.resolve('@nestjs/platform-fastify')] })) as (opts: object) => any;

/**
 * The api-latency baseline: a bare Fastify (the version Nest's adapter uses) in its own process,
 * answering `GET /v1/plans` with the very JSON document the real API returned (serialized per
 * request, as the API does) and `POST /v1/orders` by parsing the body and answering 202 with a
 * document the size of a real order. No auth, no validation, no database: the ceiling.
 */
async function main() {
  const plans = JSON.parse(fs.readFileSync(process.env.BENCH_PLANS_BODY!, 'utf8'));
  const order = JSON.parse(fs.readFileSync(process.env.BENCH_ORDER_BODY!, 'utf8'));
  const app = Fastify({ logger: false });
  app.get('/v1/plans', async () => plans);
  app.post('/v1/orders', async (req: { body: unknown }, reply: { code(n: number): void }) => {
    reply.code(202);
    return { ...order, organizationId: (req.body as { organizationId?: string })?.organizationId ?? order.organizationId };
  });
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  process.send?.('ready');
  process.on('SIGTERM', () => app.close().finally(() => process.exit(0)));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
