#!/usr/bin/env node
import 'reflect-metadata';
import { auditWhere, batchQuery, exportFormat, pageQuery, seqRangeQuery } from '../src/audit/audit-query.store';
import type { AuditListQuery } from '../src/audit/dto/audit.dto';
import { auditScope } from '../src/access/scope-rules';
import { permissionsOf } from '../src/access/permissions';
import type { Principal } from '../src/access/principal';
import { startBenchDatabase } from './lib/postgres';

/**
 * `node dist/bench/audit-plans.js [--rows 1000000]`: generates a million-event audit trail in a
 * tenant tree (1 hoster, 20 resellers, 1,000 customers), then EXPLAIN ANALYZEs the exact SQL the
 * auditor API builds for each kind of filtered first page (and a deep page, an oldest-first page
 * and an export batch), and prints the plan shape and time of each. A check of the indexes, not
 * a benchmark: nothing is asserted, the table goes to the report.
 */

const RESELLERS = 20;
const CUSTOMERS_PER_RESELLER = 50;

async function main() {
  const rowsArg = process.argv.indexOf('--rows');
  const rows = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 1_000_000;
  const db = await startBenchDatabase('audit-plans');
  const pool = db.pool;
  try {
    const t0 = Date.now();
    // Organizations: paths /h/, /h/rNN/, /h/rNN/cNNNN/ (ids shaped like ours).
    const hoster = 'org_0000000000000000000000hstr';
    const reseller = (i: number) => `org_00000000000000000000r${String(i).padStart(4, '0')}`;
    const customer = (i: number) => `org_0000000000000000000c${String(i).padStart(5, '0')}`;
    const orgs: [string, string][] = [[hoster, `/${hoster}/`]];
    for (let r = 0; r < RESELLERS; r++) {
      orgs.push([reseller(r), `/${hoster}/${reseller(r)}/`]);
      for (let c = 0; c < CUSTOMERS_PER_RESELLER; c++) {
        const n = r * CUSTOMERS_PER_RESELLER + c;
        orgs.push([customer(n), `/${hoster}/${reseller(r)}/${customer(n)}/`]);
      }
    }
    await pool.query(`CREATE UNLOGGED TABLE gen_orgs (n int PRIMARY KEY, id text, path text)`);
    await pool.query(`INSERT INTO gen_orgs SELECT ord - 1, id, path FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(id, path, ord)`, [
      orgs.map((o) => o[0]),
      orgs.map((o) => o[1]),
    ]);
    const orgCount = orgs.length;
    // Events: 94% about customers (one of them has 10% of all events), 4% resellers, 1% hoster,
    // 1% no organization (engine/system).
    // Actions from 30 kinds, 97% success / 2% failure / 1% denied, 5% delegated.
    await pool.query(
      `
      INSERT INTO audit_events (seq, occurred_at, actor_user_id, actor_org_id, on_behalf_of_org_id, token_id, delegation_id, action,
                                resource_type, resource_id, organization_id, organization_path, outcome, request_id, client_ip, user_agent,
                                details, prev_hash, hash)
      SELECT g,
             now() - interval '90 days' + (g::float8 / $1) * interval '90 days',
             'usr_' || lpad(((g * 7919) % 5000)::text, 26, '0'),
             o.id,
             CASE WHEN g % 20 = 0 THEN o.id END,
             'tok_' || lpad(((g * 104729) % 20000)::text, 26, '0'),
             CASE WHEN g % 20 = 0 THEN 'dlg_' || lpad(((g * 31) % 500)::text, 26, '0') END,
             (ARRAY['order.placed','order.completed','order.failed','order.cancelled','user.created','user.updated','user.deleted',
                    'user.disabled','role.granted','role.revoked','token.created','token.revoked','organization.created',
                    'organization.updated','organization.suspended','delegation.requested','delegation.approved','delegation.revoked',
                    'run.started','run.completed','run.failed','run.compensated','run.needs_attention','run.taken_over',
                    'plan.published','plan.retired','subscription.created','auth.denied','dns.record_added','site.created'])[(1 + (g * 13) % 30)::int],
             'thing', 'res_' || g,
             CASE WHEN g % 100 = 0 THEN NULL ELSE o.id END,
             CASE WHEN g % 100 = 0 THEN NULL ELSE o.path END,
             CASE WHEN g % 100 = 1 THEN 'denied' WHEN g % 50 = 2 THEN 'failure' ELSE 'success' END,
             'req-' || (g / 3),
             '203.0.113.' || (g % 250), 'curl/8.5.0',
             jsonb_build_object('n', g, 'before', jsonb_build_object('name', 'old ' || g), 'after', jsonb_build_object('name', 'new ' || g)),
             repeat('0', 64), md5(g::text) || md5(g::text)
        FROM generate_series(1::bigint, $1::bigint) AS g
        JOIN gen_orgs o ON o.n = CASE
               WHEN g % 100 < 1 THEN 0                                         -- hoster
               WHEN g % 100 < 5 THEN 1 + ((g / 100) % ${RESELLERS}) * (${CUSTOMERS_PER_RESELLER} + 1)   -- a reseller
               WHEN g % 10 = 7 THEN ${orgCount - 1}                                                     -- one big customer (10%)
               ELSE 2 + (((g::bigint * 2654435761) % ${RESELLERS * CUSTOMERS_PER_RESELLER}) / ${CUSTOMERS_PER_RESELLER}) * (${CUSTOMERS_PER_RESELLER} + 1)
                      + ((g::bigint * 2654435761) % ${RESELLERS * CUSTOMERS_PER_RESELLER}) % ${CUSTOMERS_PER_RESELLER}  -- one of 1,000 customers
             END`,
      [rows],
    );
    await pool.query(`UPDATE audit_chain_head SET seq = $1 WHERE id = 1`, [rows]);
    await pool.query('VACUUM ANALYZE audit_events');
    console.log(`generated ${rows} events over ${orgCount} organizations in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const path = async (id: string) => (await pool.query('SELECT path FROM gen_orgs WHERE id = $1', [id])).rows[0].path as string;
    const principal = async (orgId: string, kind: 'hoster' | 'reseller' | 'customer'): Promise<Principal> => {
      const p = await path(orgId);
      return {
        tokenId: 'tok_x',
        userId: 'usr_x',
        username: 'auditor',
        userOrgId: orgId,
        userOrgPath: p,
        userOrgKind: kind,
        roles: ['auditor'],
        permissions: permissionsOf(['auditor']),
        subjectOrgId: orgId,
        subjectOrgPath: p,
        subjectOrgKind: kind,
        delegationId: null,
      };
    };
    const H = await principal(hoster, 'hoster');
    const R = await principal(reseller(3), 'reseller');
    const C = await principal(customer(3 * CUSTOMERS_PER_RESELLER + 7), 'customer');
    const BIG = await principal(customer(RESELLERS * CUSTOMERS_PER_RESELLER - 1), 'customer');
    const someUser = 'usr_' + '0'.repeat(22) + '1234';
    const mid = (await pool.query('SELECT occurred_at FROM audit_events WHERE seq = $1', [Math.floor(rows / 3)])).rows[0].occurred_at as Date;
    const dayAfter = new Date(mid.getTime() + 86_400_000);

    const cases: [string, Principal, AuditListQuery, { after?: number; select?: 'ndjson' }?][] = [
      ['hoster, no filter', H, {}],
      ['reseller subtree, no filter', R, {}],
      ['customer, no filter', C, {}],
      ['hoster, action prefix order.', H, { action: 'order.' }],
      ['hoster, exact action', H, { action: 'delegation.revoked' }],
      ['customer, action prefix run.', C, { action: 'run.' }],
      ['big customer (100k events), no filter', BIG, {}],
      ['big customer, deep page', BIG, {}, { after: Math.floor(rows / 2) }],
      ['big customer, action prefix run.', BIG, { action: 'run.' }],
      ['big customer, export batch', BIG, { order: 'asc' }, { select: 'ndjson' }],
      ['its reseller, no filter', await principal(reseller(RESELLERS - 1), 'reseller'), {}],
      ['hoster, outcome=denied', H, { outcome: 'denied' }],
      ['customer, outcome=denied', C, { outcome: 'denied' }],
      ['hoster, actor user', H, { actorUser: someUser }],
      ['hoster, actor organization', H, { actorOrganization: customer(10) }],
      ['hoster, onBehalfOf', H, { onBehalfOf: customer(160) }],
      ['hoster, delegation', H, { delegation: 'dlg_' + '0'.repeat(23) + '310' }],
      ['hoster, resource type+id', H, { resourceType: 'thing', resourceId: `res_${Math.floor(rows / 2)}` }],
      ['hoster, request id', H, { requestId: `req-${Math.floor(rows / 7)}` }],
      ['hoster, one day a month ago', H, { from: mid.toISOString(), to: dayAfter.toISOString() }],
      ['hoster, since a month ago', H, { from: mid.toISOString() }],
      ['hoster, until a month ago', H, { to: mid.toISOString() }],
      ['hoster, since a month ago, oldest first', H, { from: mid.toISOString(), order: 'asc' }],
      ['reseller, one day a month ago', R, { from: mid.toISOString(), to: dayAfter.toISOString() }],
      ['customer, one day a month ago', C, { from: mid.toISOString(), to: dayAfter.toISOString() }],
      ['reseller, organization= one customer', R, { organization: C.subjectOrgId }],
      ['customer, deep page (seq < middle)', C, {}, { after: Math.floor(rows / 2) }],
      ['customer, oldest first', C, { order: 'asc' }],
      ['hoster, export batch mid-chain', H, { order: 'asc' }, { after: Math.floor(rows / 2), select: 'ndjson' }],
      ['customer, export batch', C, { order: 'asc' }, { select: 'ndjson' }],
    ];
    const out: string[] = [];
    for (const [name, p, q, extra] of cases) {
      // As the service does: the time window's seq range first (timed with the page).
      const started = process.hrtime.bigint();
      const rq = seqRangeQuery(q, q.order ?? 'desc');
      const range = rq ? (await pool.query(rq.text, rq.params)).rows[0] : undefined;
      const rangeMs = Number(process.hrtime.bigint() - started) / 1e6;
      const where = auditWhere({
        scope: auditScope(p),
        filters: q,
        subtreePath: q.organization ? await path(q.organization) : undefined,
        seqRange: range ? (range.lo === null ? null : { lo: Number(range.lo), hi: Number(range.hi) }) : undefined,
      });
      const order = q.order ?? 'desc';
      const page = pageQuery(where, {
        order,
        after: extra?.after,
        limit: extra?.select ? 100 : 51,
        select: extra?.select ? exportFormat('ndjson').select : undefined,
      });
      const { params } = page;
      const text = extra?.select ? batchQuery(page.text, order, '\n') : page.text;
      // Twice: the second run is the warm one reported.
      await pool.query(`EXPLAIN (ANALYZE) ${text}`, params);
      const plan = (await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params)).rows.map((r) => r['QUERY PLAN'] as string);
      const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan.join('\n'))?.[1]);
      const nodes = plan
        .filter((l) => /(Scan|Sort|Append|Limit|Aggregate|Bitmap)/.test(l))
        .map((l) =>
          l
            .trim()
            .replace(/^->\s*/, '')
            .replace(/\s+\(cost=.*?\)\s*/, ' ')
            .replace(/\(actual time=[^)]*\)/, '')
            .trim(),
        )
        .slice(0, 4)
        .join(' → ');
      out.push(`| ${name} | ${ms.toFixed(2)}${rq ? ` (+${rangeMs.toFixed(2)} seq range)` : ''} | ${nodes} |`);
      if (process.argv.includes('--verbose')) console.log(`\n## ${name}\n${text}\n${plan.join('\n')}`);
    }
    console.log(`\n| query (first page of 50 unless said) | ms | plan |\n|---|---|---|\n${out.join('\n')}`);
  } finally {
    await db.stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
