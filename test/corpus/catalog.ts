import { bare, enc, jsonCase, rawJson } from './helpers';
import { CONTROL, OVERSIZED, PATH_TRAVERSAL, SQL_INJECTION } from './hostile-values';
import type { CaseGroup, CorpusCase } from './types';

/** Catalog routes: plan creation and edits, availability to resellers, plan lists. */
export const catalogCases: CaseGroup = (ctx) => {
  const cases: CorpusCase[] = [];
  const plan = { kind: 'organization', name: 'corpus-plan', displayName: 'Corpus Plan', services: ['directory', 'exchange', 'dns'] };

  const planBodies: [string, unknown, number | '4xx'][] = [
    ['kind unknown', { ...plan, kind: 'enterprise' }, 400],
    ['name with SQL', { ...plan, name: SQL_INJECTION.dropTable }, 400],
    ['name with traversal', { ...plan, name: PATH_TRAVERSAL.dotdot }, 400],
    ['name upper case', { ...plan, name: 'Corpus-Plan' }, 400],
    ['name of 65 characters', { ...plan, name: 'p'.repeat(65) }, 400],
    ['displayName with escape sequence', { ...plan, displayName: CONTROL.escapeSeq }, 400],
    ['description of 300,000 characters', { ...plan, description: OVERSIZED.string300k }, 400],
    ['services is a string', { ...plan, services: 'exchange' }, 400],
    ['services with an unknown service', { ...plan, services: ['exchange', 'bitcoin-miner'] }, 400],
    ['services duplicated', { ...plan, services: ['exchange', 'exchange'] }, 400],
    ['services: 100,000 entries', { ...plan, services: Array.from({ length: 100_000 }, () => 'dns') }, 400],
    ['features is an array', { ...plan, features: [['exchange.mailboxes', 10]] }, 400],
    ['feature value negative', { ...plan, features: { 'exchange.mailboxes': -1 } }, '4xx'],
    ['feature value zero below the minimum', { ...plan, features: { 'exchange.mailbox_size_mb': 0 } }, '4xx'],
    ['feature value fractional', { ...plan, features: { 'exchange.mailboxes': 1.5 } }, 400],
    ['feature value 2^63', { ...plan, features: { 'exchange.mailboxes': 9223372036854775808 } }, 400],
    ['feature value a numeric string', { ...plan, features: { 'exchange.mailboxes': '10' } }, 400],
    ['feature value an object', { ...plan, features: { 'exchange.mailboxes': { max: 10 } } }, 400],
    ['feature key with SQL', { ...plan, features: { [SQL_INJECTION.tautology]: 1 } }, 400],
    ['feature key __proto__-like', { ...plan, features: { 'constructor.prototype': 1 } }, '4xx'],
    ['feature unknown', { ...plan, features: { 'exchange.bitcoins': 1 } }, 422],
    ['65 features', { ...plan, features: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`exchange.f${i}`, 1])) }, 400],
    ['basePlanId with SQL', { ...plan, basePlanId: SQL_INJECTION.unionTokens }, 400],
    ['basePlanId on a hoster plan (not allowed)', { ...plan, basePlanId: ctx.plans.premium }, '4xx'],
    ['userPlanIds with traversal', { ...plan, userPlanIds: [PATH_TRAVERSAL.dotsEncoded] }, 400],
    ['userPlanIds is an object', { ...plan, userPlanIds: { a: ctx.plans.standardMailbox } }, 400],
    ['unknown field ownerOrgId', { ...plan, ownerOrgId: ctx.orgs.r2 }, 400],
    ['unknown field status published', { ...plan, status: 'published' }, 400],
  ];
  for (const [name, body, expect] of planBodies) cases.push(jsonCase(`POST /v1/plans: ${name}`, 'POST', '/v1/plans', 'hosterAdmin', body, expect));
  cases.push({
    name: 'POST /v1/plans: feature value 1e309 (Infinity after parsing)',
    method: 'POST',
    url: '/v1/plans',
    token: 'hosterAdmin',
    raw: rawJson({ ...plan, features: { 'exchange.mailboxes': '@RAW@' } }, '1e309'),
    expect: 400,
  });
  cases.push({
    name: 'POST /v1/plans: feature value -1e309',
    method: 'POST',
    url: '/v1/plans',
    token: 'hosterAdmin',
    raw: rawJson({ ...plan, features: { 'dns.records': '@RAW@' } }, '-1e309'),
    expect: 400,
  });
  cases.push(jsonCase('POST /v1/plans: by a customer admin', 'POST', '/v1/plans', 'c1Admin', plan, 403));
  cases.push(
    jsonCase(
      'POST /v1/plans: reseller deriving from a plan not offered to it',
      'POST',
      '/v1/plans',
      'r2Admin',
      { ...plan, basePlanId: ctx.plans.hosterDraft },
      '4xx',
    ),
  );

  // PATCH /v1/plans/{id}: If-Match required; hostile values in every field.
  const draft = `/v1/plans/${ctx.plans.hosterDraft}`;
  cases.push(jsonCase('PATCH plan: no If-Match', 'PATCH', draft, 'hosterAdmin', { displayName: 'No If-Match' }, 428));
  for (const [label, value] of [
    ['garbage', 'garbage'],
    ['SQL', `"1"; DROP TABLE plans; --`],
    ['enormous revision', '"184467440737095516160"'],
    ['negative', '"-5"'],
    ['weak tag with letters', 'W/"abc"'],
    ['8 KB long', `"${'9'.repeat(8192)}"`],
  ]) {
    cases.push(
      jsonCase(`PATCH plan: If-Match ${label}`, 'PATCH', draft, 'hosterAdmin', { displayName: 'Bad If-Match' }, 412, { headers: { 'if-match': value } }),
    );
  }
  const ifMatch = { headers: { 'if-match': '"1"' } };
  cases.push(jsonCase('PATCH plan: displayName null', 'PATCH', draft, 'hosterAdmin', { displayName: null }, 400, ifMatch));
  cases.push(jsonCase('PATCH plan: services null', 'PATCH', draft, 'hosterAdmin', { services: null }, 400, ifMatch));
  cases.push(jsonCase('PATCH plan: features null', 'PATCH', draft, 'hosterAdmin', { features: null }, 400, ifMatch));
  cases.push(jsonCase('PATCH plan: userPlanIds null', 'PATCH', draft, 'hosterAdmin', { userPlanIds: null }, 400, ifMatch));
  cases.push(
    jsonCase(
      'PATCH plan: SQL in displayName and description with a stale If-Match',
      'PATCH',
      draft,
      'hosterAdmin',
      { displayName: SQL_INJECTION.tautology, description: SQL_INJECTION.dollarQuote },
      412,
      { headers: { 'if-match': '"99"' } },
    ),
  );
  cases.push(jsonCase('PATCH plan: unknown field name (renaming)', 'PATCH', draft, 'hosterAdmin', { name: 'renamed' }, 400, ifMatch));
  cases.push(jsonCase('PATCH plan: unknown field kind', 'PATCH', draft, 'hosterAdmin', { kind: 'user' }, 400, ifMatch));
  cases.push(jsonCase('PATCH plan: displayName with C1 control', 'PATCH', draft, 'hosterAdmin', { displayName: CONTROL.c1Next }, 400, ifMatch));
  cases.push(jsonCase('PATCH plan: features negative', 'PATCH', draft, 'hosterAdmin', { features: { 'dns.records': -100 } }, '4xx', ifMatch));
  cases.push(
    jsonCase('PATCH plan: features above the maximum', 'PATCH', draft, 'hosterAdmin', { features: { 'exchange.mailbox_size_mb': 2 ** 52 } }, '4xx', ifMatch),
  );
  cases.push(jsonCase('PATCH plan: services not an array', 'PATCH', draft, 'hosterAdmin', { services: { exchange: true } }, 400, ifMatch));
  cases.push(
    jsonCase(
      'PATCH plan: userPlanIds of another tenant-looking id with SQL',
      'PATCH',
      draft,
      'hosterAdmin',
      { userPlanIds: [`pln_${SQL_INJECTION.tautology}`] },
      400,
      ifMatch,
    ),
  );
  cases.push(jsonCase('PATCH plan: a hoster draft by a reseller', 'PATCH', draft, 'r1Admin', { displayName: 'Mine now' }, 404, ifMatch));
  cases.push(jsonCase('PATCH plan: a hoster draft by a delegated token', 'PATCH', draft, 'delegated', { displayName: 'Mine now' }, 403, ifMatch));
  cases.push(bare('GET plan: a hoster draft by a customer', 'GET', draft, 'c1Admin', 404));
  cases.push(bare('GET plan versions: a hoster draft by a reseller', 'GET', `${draft}/versions`, 'r1Admin', 404));
  cases.push(bare('publish plan: a hoster draft by a reseller', 'POST', `${draft}/publish`, 'r1Admin', 404));
  cases.push(bare('publish plan: a stale If-Match', 'POST', `${draft}/publish`, 'hosterAdmin', 412, { headers: { 'if-match': '"77"' } }));
  cases.push(bare("retire plan: the hoster's premium plan by a reseller", 'POST', `/v1/plans/${ctx.plans.premium}/retire`, 'r1Admin', '4xx'));

  // POST /v1/plans/{id}/availability
  const avail = `/v1/plans/${ctx.plans.premium}/availability`;
  cases.push(jsonCase('availability: resellerIds empty', 'POST', avail, 'hosterAdmin', { resellerIds: [] }, 400));
  cases.push(jsonCase('availability: resellerIds with SQL', 'POST', avail, 'hosterAdmin', { resellerIds: [SQL_INJECTION.dropTable] }, 400));
  cases.push(jsonCase('availability: resellerIds is a string', 'POST', avail, 'hosterAdmin', { resellerIds: ctx.orgs.r1 }, 400));
  cases.push(
    jsonCase(
      'availability: 101 reseller ids',
      'POST',
      avail,
      'hosterAdmin',
      { resellerIds: Array.from({ length: 101 }, (_, i) => `org_${String(i).padStart(26, '0')}`) },
      400,
    ),
  );
  cases.push(jsonCase('availability: a customer id instead of a reseller', 'POST', avail, 'hosterAdmin', { resellerIds: [ctx.orgs.c1] }, '4xx'));
  cases.push(jsonCase('availability: an id that does not exist', 'POST', avail, 'hosterAdmin', { resellerIds: ['org_00000000000000000000000000'] }, 404));
  cases.push(jsonCase('availability: available as a string', 'POST', avail, 'hosterAdmin', { resellerIds: [ctx.orgs.r1], available: 'yes' }, 400));
  cases.push(
    jsonCase(
      'availability: quota pool negative',
      'POST',
      avail,
      'hosterAdmin',
      { resellerIds: [ctx.orgs.r1], quotaPools: { 'exchange.mailboxes': -1 } },
      '4xx',
    ),
  );
  cases.push(
    jsonCase(
      'availability: quota pool fractional',
      'POST',
      avail,
      'hosterAdmin',
      { resellerIds: [ctx.orgs.r1], quotaPools: { 'exchange.mailboxes': 0.5 } },
      400,
    ),
  );
  cases.push(
    jsonCase('availability: quota pool boolean', 'POST', avail, 'hosterAdmin', { resellerIds: [ctx.orgs.r1], quotaPools: { 'exchange.mailboxes': true } }, 400),
  );
  cases.push(
    jsonCase(
      'availability: quota pool 2^63',
      'POST',
      avail,
      'hosterAdmin',
      { resellerIds: [ctx.orgs.r1], quotaPools: { 'exchange.mailboxes': 9223372036854775807 } },
      400,
    ),
  );
  cases.push({
    name: 'availability: quota pool 1e309',
    method: 'POST',
    url: avail,
    token: 'hosterAdmin',
    raw: rawJson({ resellerIds: [ctx.orgs.r1], quotaPools: { 'exchange.mailboxes': '@RAW@' } }, '1e309'),
    expect: 400,
  });
  cases.push(
    jsonCase(
      'availability: quota pool on a feature that is not counted',
      'POST',
      avail,
      'hosterAdmin',
      { resellerIds: [ctx.orgs.r1], quotaPools: { 'exchange.owa': 5 } },
      '4xx',
    ),
  );
  cases.push(jsonCase('availability: by a reseller', 'POST', avail, 'r1Admin', { resellerIds: [ctx.orgs.r1] }, 403));
  cases.push(jsonCase('availability: a draft plan', 'POST', `${draft}/availability`, 'hosterAdmin', { resellerIds: [ctx.orgs.r1] }, '4xx'));

  // Plan and subscription lists and reads
  cases.push(bare('list services: an unknown token', 'GET', '/v1/services', 'bogus', 401));
  cases.push(bare('list plans: kind with SQL', 'GET', `/v1/plans?kind=${enc(SQL_INJECTION.tautology)}`, 'c1Admin', 400));
  cases.push(bare('list plans: ownerId with traversal', 'GET', `/v1/plans?ownerId=${enc(PATH_TRAVERSAL.dotdot)}`, 'c1Admin', 400));
  cases.push(bare('list plans: name with NUL', 'GET', `/v1/plans?name=corpus%00plan`, 'c1Admin', 400));
  cases.push(bare('list plans: status unknown', 'GET', '/v1/plans?status=deleted', 'c1Admin', 400));
  cases.push(bare('list plans: unknown filter', 'GET', '/v1/plans?owner_org_id=x', 'c1Admin', 400));
  cases.push(bare('list plans: limit 0', 'GET', '/v1/plans?limit=0', 'c1Admin', 400));
  cases.push(bare('list plans: limit negative', 'GET', '/v1/plans?limit=-1', 'c1Admin', 400));
  cases.push(bare('list plans: limit 2^63', 'GET', '/v1/plans?limit=9223372036854775808', 'c1Admin', 400));
  cases.push(bare('list plans: limit 1e309', 'GET', '/v1/plans?limit=1e309', 'c1Admin', 400));
  cases.push(bare('list plans: limit fractional', 'GET', '/v1/plans?limit=2.5', 'c1Admin', 400));
  cases.push(bare('list plans: limit NaN', 'GET', '/v1/plans?limit=NaN', 'c1Admin', 400));
  cases.push(bare('list subscriptions: another tenant', 'GET', `/v1/organizations/${ctx.orgs.contoso}/subscriptions`, 'c1Admin', 404));
  cases.push(bare("subscription: another tenant's", 'GET', `/v1/subscriptions/${ctx.contoso.subscriptionId}`, 'c1Admin', 404));
  cases.push(bare("subscription: a reseller reading the hoster's direct customer", 'GET', `/v1/subscriptions/${ctx.contoso.subscriptionId}`, 'r1Admin', 404));
  return cases;
};
