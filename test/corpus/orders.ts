import { bare, enc, jsonCase, rawJson } from './helpers';
import { BAD_DOMAINS, CONTROL, OVERSIZED, PATH_TRAVERSAL, SQL_INJECTION } from './hostile-values';
import type { CaseGroup, CorpusCase } from './types';

/**
 * POST /v1/orders, every order type with hostile values in every field, sent by Contoso's admin
 * (an active subscription with users, DNS and a site, so each order reaches the checks that need
 * the inventory). Then order reads, cancels and list filters.
 */
export const orderCases: CaseGroup = (ctx) => {
  const cases: CorpusCase[] = [];
  const org = ctx.orgs.contoso;
  const order = (name: string, body: Record<string, unknown>, expect: CorpusCase['expect'], extra: Partial<CorpusCase> = {}) =>
    cases.push(jsonCase(`order ${String(body.type)}: ${name}`, 'POST', '/v1/orders', 'contosoAdmin', body, expect, extra));
  const user = { alias: 'corpus', displayName: 'Corpus User', userPlan: 'standard-mailbox' };
  const addUsers = (u: Record<string, unknown>) => ({ type: 'add_users', organizationId: org, users: [{ ...user, ...u }] });

  // The discriminator and the organization.
  order('type unknown', { type: 'drop_database', organizationId: org }, 400);
  order('type with SQL', { type: SQL_INJECTION.tautology, organizationId: org }, 400);
  order('type is a number', { type: 7, organizationId: org }, 400);
  order('type is an array', { type: ['cancel'], organizationId: org }, 400);
  cases.push(jsonCase('order: type missing', 'POST', '/v1/orders', 'contosoAdmin', { organizationId: org }, 400));
  order('organizationId of another tenant', { type: 'suspend', organizationId: ctx.orgs.c3 }, 404);
  order('organizationId of a customer of another reseller, add_users', { ...addUsers({}), organizationId: ctx.orgs.c1 }, 404);
  order('organizationId with SQL', { type: 'cancel', organizationId: `org_${SQL_INJECTION.dropTable}` }, 400);
  order('organizationId with traversal', { type: 'cancel', organizationId: PATH_TRAVERSAL.dotdot }, 400);
  order('organizationId upper case', { type: 'cancel', organizationId: org.toUpperCase() }, 400);
  order('organizationId is a number', { type: 'cancel', organizationId: 1 }, 400);
  order('unknown top-level field', { type: 'suspend', organizationId: org, force: true }, 400);
  order('unknown field subscriptionId', { type: 'cancel', organizationId: org, subscriptionId: ctx.contoso.subscriptionId }, 400);
  cases.push(
    jsonCase(
      "order suspend: a reseller's own token (no orders.create) in its customer",
      'POST',
      '/v1/orders',
      'r1Admin',
      { type: 'suspend', organizationId: ctx.orgs.c1 },
      403,
    ),
  );
  cases.push(
    jsonCase(
      "order suspend: hoster csr for a reseller's customer it may act on, hostile extra field",
      'POST',
      '/v1/orders',
      'hosterCsr',
      { type: 'suspend', organizationId: ctx.orgs.c1, now: true },
      400,
    ),
  );
  cases.push(
    jsonCase(
      'order add_users: the delegated token of C1 ordering for C2',
      'POST',
      '/v1/orders',
      'delegated',
      { ...addUsers({}), organizationId: ctx.orgs.c2 },
      404,
    ),
  );
  cases.push(jsonCase('order add_users: an end user', 'POST', '/v1/orders', 'c1EndUser', { ...addUsers({}), organizationId: ctx.orgs.c1 }, 403));
  cases.push(
    jsonCase('order add_users: for a reseller organization', 'POST', '/v1/orders', 'hosterAdmin', { ...addUsers({}), organizationId: ctx.orgs.r1 }, '4xx'),
  );

  // subscribe (C1 has no subscription; Contoso has one already)
  const subscribe = { type: 'subscribe', organizationId: ctx.orgs.c1, plan: 'business-premium', domain: 'corpus-c1.example' };
  const sub = (name: string, body: Record<string, unknown>, expect: CorpusCase['expect']) =>
    cases.push(jsonCase(`order subscribe: ${name}`, 'POST', '/v1/orders', 'delegated', body, expect));
  for (const [key, domain] of Object.entries(BAD_DOMAINS)) sub(`domain ${key}`, { ...subscribe, domain }, 400);
  sub('domain of 300,000 characters', { ...subscribe, domain: `${OVERSIZED.string300k}.example` }, 400);
  sub('domain is an array', { ...subscribe, domain: ['corpus.example'] }, 400);
  sub('plan with SQL', { ...subscribe, plan: SQL_INJECTION.unionTokens }, 400);
  sub('plan with traversal', { ...subscribe, plan: PATH_TRAVERSAL.dotdot }, 400);
  sub('plan version enormous', { ...subscribe, plan: 'business-premium@99999999999999999999' }, 400);
  sub('plan version negative', { ...subscribe, plan: 'business-premium@-1' }, 400);
  sub('plan that is not offered to the customer', { ...subscribe, plan: 'does-not-exist' }, '4xx');
  sub('users is an object', { ...subscribe, users: { alias: 'ann' } }, 400);
  sub('101 initial users', { ...subscribe, users: Array.from({ length: 101 }, (_, i) => ({ ...user, alias: `u${i}` })) }, 400);
  sub('user with unknown nested field', { ...subscribe, users: [{ ...user, mailboxSizeMb: 999999 }] }, 400);
  sub('user alias with SQL', { ...subscribe, users: [{ ...user, alias: SQL_INJECTION.commentOut }] }, 400);
  order('second subscription for Contoso', { type: 'subscribe', organizationId: org, plan: 'business-premium', domain: 'corpus-second.example' }, '4xx');
  order('domain already used by another customer', { type: 'subscribe', organizationId: org, plan: 'business-premium', domain: ctx.contoso.domain }, '4xx');

  // add_users
  order('alias with SQL', addUsers({ alias: SQL_INJECTION.tautology }), 400);
  order('alias with traversal', addUsers({ alias: PATH_TRAVERSAL.dotdot }), 400);
  order('alias upper case', addUsers({ alias: 'Corpus' }), 400);
  order('alias of 65 characters', addUsers({ alias: 'a'.repeat(65) }), 400);
  order('alias with NUL', addUsers({ alias: 'cor\u0000pus' }), 400);
  order('alias with Cyrillic homoglyph', addUsers({ alias: 'corpus\u0430' }), 400);
  order('alias is a number', addUsers({ alias: 42 }), 400);
  order('alias that exists (ann)', addUsers({ alias: ctx.contoso.userAlias }), 409);
  order('SQL in displayName of a user that exists', addUsers({ alias: ctx.contoso.userAlias, displayName: SQL_INJECTION.dropTable }), 409);
  order('displayName with bidi override', addUsers({ displayName: CONTROL.rtlOverride }), 400);
  order('displayName with NUL', addUsers({ displayName: CONTROL.nul }), 400);
  order('displayName blank', addUsers({ displayName: CONTROL.blank }), 400);
  order('displayName of 300,000 characters', addUsers({ displayName: OVERSIZED.string300k }), 400);
  order('userPlan with SQL', addUsers({ userPlan: SQL_INJECTION.dropTable }), 400);
  order('userPlan with traversal', addUsers({ userPlan: PATH_TRAVERSAL.encoded }), 400);
  order('userPlan unknown', addUsers({ userPlan: 'platinum-unlimited' }), '4xx');
  order('userPlan an organization plan', addUsers({ userPlan: 'business-premium' }), '4xx');
  order('users empty', { type: 'add_users', organizationId: org, users: [] }, 400);
  order('users is null', { type: 'add_users', organizationId: org, users: null }, 400);
  order(
    '1,001 users (one more than add_users takes)',
    { type: 'add_users', organizationId: org, users: Array.from({ length: 1001 }, (_, i) => ({ ...user, alias: `u${i}` })) },
    400,
  );
  order('100,000 users', { type: 'add_users', organizationId: org, users: Array.from({ length: 100_000 }, () => 1) }, 400);
  order('the same alias twice', { type: 'add_users', organizationId: org, users: [user, user] }, 400);
  order('nested unknown field in a user', addUsers({ quotaMb: 1 }), 400);
  order('a user that is an array', { type: 'add_users', organizationId: org, users: [['corpus', 'Corpus', 'standard-mailbox']] }, 400);

  // change_user_plan / remove_users
  order('alias unknown', { type: 'change_user_plan', organizationId: org, users: [{ alias: 'nobody', userPlan: 'executive' }] }, '4xx');
  order(
    'userPlan with SQL',
    { type: 'change_user_plan', organizationId: org, users: [{ alias: ctx.contoso.userAlias, userPlan: SQL_INJECTION.tautology }] },
    400,
  );
  order(
    'displayName is not a field here',
    { type: 'change_user_plan', organizationId: org, users: [{ alias: ctx.contoso.userAlias, userPlan: 'executive', displayName: 'x' }] },
    400,
  );
  order('aliases is a string', { type: 'remove_users', organizationId: org, aliases: ctx.contoso.userAlias }, 400);
  order('aliases with SQL', { type: 'remove_users', organizationId: org, aliases: [SQL_INJECTION.dropTable] }, 400);
  order('aliases with traversal', { type: 'remove_users', organizationId: org, aliases: ['../ann'] }, 400);
  order('alias that does not exist', { type: 'remove_users', organizationId: org, aliases: ['nobody'] }, '4xx');
  order('aliases empty', { type: 'remove_users', organizationId: org, aliases: [] }, 400);

  // add_dns_records / remove_dns_records
  const rec = { name: 'www', type: 'A', value: '203.0.113.10' };
  const dns = (name: string, r: Record<string, unknown>, expect: CorpusCase['expect'] = 400) =>
    order(name, { type: 'add_dns_records', organizationId: org, records: [{ ...rec, ...r }] }, expect);
  dns('name with SQL', { name: SQL_INJECTION.tautology });
  dns('name with traversal', { name: PATH_TRAVERSAL.dotdot });
  dns('name with a label of 64 characters', { name: 'l'.repeat(64) });
  dns('name of 254 characters', { name: Array.from({ length: 5 }, () => 'n'.repeat(50)).join('.') });
  dns('name outside the zone', { name: 'www.evil.example.' });
  dns('name with NUL', { name: 'www\u0000' });
  dns('name with homoglyph', { name: 'w\u0461w' });
  dns('type NS (not allowed)', { type: 'NS', value: 'ns1.evil.example' });
  dns('type lower case', { type: 'a' });
  dns('A value not an address', { value: '999.1.1.1' });
  dns('A value with shell metacharacters', { value: '203.0.113.10; rm -rf /' });
  dns('A value an IPv6 address', { value: '2001:db8::1' });
  dns('AAAA value not an address', { type: 'AAAA', value: '2001:db8:::zz' });
  dns('CNAME to a homoglyph domain', { type: 'CNAME', value: BAD_DOMAINS.cyrillicA });
  dns('CNAME with SQL', { type: 'CNAME', value: SQL_INJECTION.dropTable });
  dns('MX with priority 65536', { name: '@', type: 'MX', value: 'mail.contoso.example', priority: 65_536 });
  dns('MX with negative priority', { name: '@', type: 'MX', value: 'mail.contoso.example', priority: -1 });
  dns('SRV malformed', { name: '_sip._tcp', type: 'SRV', value: 'x y z w v', priority: 1 });
  dns('TXT of 300,000 characters', { type: 'TXT', value: OVERSIZED.string300k });
  dns('TXT with NUL', { type: 'TXT', value: 'v=spf1\u0000 -all' });
  dns('TXT with escape sequence', { type: 'TXT', value: 'v=spf1 \u001b[2J -all' });
  dns('ttl zero', { ttl: 0 });
  dns('ttl negative', { ttl: -3600 });
  dns('ttl fractional', { ttl: 3600.5 });
  dns('ttl 2^63', { ttl: 9223372036854775807 });
  dns('ttl a string', { ttl: '3600' });
  cases.push({
    name: 'order add_dns_records: ttl 1e309',
    method: 'POST',
    url: '/v1/orders',
    token: 'contosoAdmin',
    raw: rawJson({ type: 'add_dns_records', organizationId: org, records: [{ ...rec, ttl: '@RAW@' }] }, '1e309'),
    expect: 400,
  });
  order('201 records', { type: 'add_dns_records', organizationId: org, records: Array.from({ length: 201 }, (_, i) => ({ ...rec, name: `h${i}` })) }, 400);
  order('the same record twice', { type: 'add_dns_records', organizationId: org, records: [rec, rec] }, 400);
  order(
    'a system record (the MX at the apex)',
    { type: 'remove_dns_records', organizationId: org, records: [{ name: '@', type: 'MX', value: `mail.${ctx.contoso.domain}` }] },
    '4xx',
  );
  order(
    'a record that does not exist',
    { type: 'remove_dns_records', organizationId: org, records: [{ name: 'nothing', type: 'A', value: '203.0.113.99' }] },
    '4xx',
  );
  order('a record with a ttl (not a field here)', { type: 'remove_dns_records', organizationId: org, records: [{ ...rec, ttl: 60 }] }, 400);
  order('a record with SQL in the value', { type: 'remove_dns_records', organizationId: org, records: [{ ...rec, value: SQL_INJECTION.castError }] }, 400);

  // create_site / delete_site
  const site = { type: 'create_site', organizationId: org, url: `https://${ctx.contoso.domain}/sites/corpus`, title: 'Corpus', quotaMb: 1024 };
  order('url with SQL', { ...site, url: SQL_INJECTION.tautology }, 400);
  order('url javascript:', { ...site, url: 'javascript:alert(1)' }, 400);
  order('url file:///etc/passwd', { ...site, url: 'file:///etc/passwd' }, 400);
  order('url with traversal', { ...site, url: `https://${ctx.contoso.domain}/sites/../../admin` }, 400);
  order('url with encoded traversal', { ...site, url: `https://${ctx.contoso.domain}/sites/%2e%2e%2fadmin` }, 400);
  order("url on another customer's domain", { ...site, url: 'https://evil.example/sites/corpus' }, '4xx');
  order('url with a homoglyph host', { ...site, url: `https://${BAD_DOMAINS.cyrillicA}/sites/corpus` }, 400);
  order('url with credentials', { ...site, url: `https://admin:secret@${ctx.contoso.domain}/sites/corpus` }, 400);
  order('url of 513 characters', { ...site, url: `https://${ctx.contoso.domain}/sites/${'s'.repeat(490)}` }, 400);
  order('title with NUL', { ...site, title: CONTROL.nul }, 400);
  order('SQL in the title, past the site quota', { ...site, title: SQL_INJECTION.unionTokens }, 409);
  order('quotaMb zero', { ...site, quotaMb: 0 }, 400);
  order('quotaMb negative', { ...site, quotaMb: -1024 }, 400);
  order('quotaMb fractional', { ...site, quotaMb: 1024.5 }, 400);
  order('quotaMb 2^63', { ...site, quotaMb: 9223372036854775808 }, 400);
  order('quotaMb a numeric string', { ...site, quotaMb: '1024' }, 400);
  order('quotaMb above the plan', { ...site, quotaMb: 1_048_576 }, '4xx');
  cases.push({
    name: 'order create_site: quotaMb 1e309',
    method: 'POST',
    url: '/v1/orders',
    token: 'contosoAdmin',
    raw: rawJson({ ...site, quotaMb: '@RAW@' }, '1e309'),
    expect: 400,
  });
  order('the site that exists', { ...site, url: ctx.contoso.siteUrl }, '4xx');
  order('a site that does not exist', { type: 'delete_site', organizationId: org, url: `https://${ctx.contoso.domain}/sites/nothing` }, '4xx');
  order('url with traversal', { type: 'delete_site', organizationId: org, url: `${ctx.contoso.siteUrl}/../../..` }, '4xx');

  // change_plan
  order('plan with SQL', { type: 'change_plan', organizationId: org, plan: SQL_INJECTION.stackedSleep }, 400);
  order('plan unknown', { type: 'change_plan', organizationId: org, plan: 'nonexistent-plan' }, '4xx');
  order('a user plan as the organization plan', { type: 'change_plan', organizationId: org, plan: 'standard-mailbox' }, '4xx');
  order('the plan already in use', { type: 'change_plan', organizationId: org, plan: 'business-premium' }, '4xx');

  // suspend / resume / cancel
  order('resume an active subscription', { type: 'resume', organizationId: org }, '4xx');
  order('cancel with a reason field', { type: 'cancel', organizationId: org, reason: 'x' }, 400);
  order('suspend with users', { type: 'suspend', organizationId: org, users: [] }, 400);

  // Idempotency-Key on an otherwise valid order: the key alone must stop it.
  const valid = addUsers({ alias: 'idem' });
  for (const [label, key] of [
    ['256 characters', 'k'.repeat(256)],
    ['non-ASCII', 'cl\u00e9-1'],
    ['with spaces', 'key with spaces'],
    ['with a tab', 'key\twith-tab'],
    ['empty', ''],
    ['10,000 characters', 'k'.repeat(10_000)],
  ] as const) {
    order(`Idempotency-Key ${label}`, valid, 400, { headers: { 'idempotency-key': key } });
  }
  order('Idempotency-Key given on an invalid body', addUsers({ alias: SQL_INJECTION.tautology }), 400, { headers: { 'idempotency-key': 'corpus-key-1' } });

  // Reads, cancel and lists
  cases.push(bare("GET order: another tenant's order", 'GET', `/v1/orders/${ctx.contoso.orderId}`, 'c1Admin', 404));
  cases.push(bare("GET order request XML: another tenant's", 'GET', `/v1/orders/${ctx.contoso.orderId}/request`, 'c1Admin', 404));
  cases.push(bare("GET order response XML: another tenant's", 'GET', `/v1/orders/${ctx.contoso.orderId}/response`, 'c1Csr', 404));
  cases.push(bare("GET order timeline: another tenant's", 'GET', `/v1/orders/${ctx.contoso.orderId}/timeline`, 'c1Auditor', 404));
  cases.push(jsonCase("cancel order: another tenant's", 'POST', `/v1/orders/${ctx.contoso.orderId}/cancel`, 'c1Admin', {}, 404));
  cases.push(
    jsonCase(
      'cancel order: reason with escape sequence',
      'POST',
      `/v1/orders/${ctx.contoso.orderId}/cancel`,
      'contosoAdmin',
      { reason: CONTROL.escapeSeq },
      400,
    ),
  );
  cases.push(
    jsonCase(
      'cancel order: SQL in the reason of a completed order',
      'POST',
      `/v1/orders/${ctx.contoso.orderId}/cancel`,
      'contosoAdmin',
      { reason: SQL_INJECTION.stackedSleep },
      409,
    ),
  );
  cases.push(jsonCase('cancel order: a completed order', 'POST', `/v1/orders/${ctx.contoso.orderId}/cancel`, 'contosoAdmin', {}, '4xx'));
  for (const [label, wait] of [
    ['negative', '-1'],
    ['above 300', '301'],
    ['1e309', '1e309'],
    ['fractional', '0.5'],
    ['SQL', enc('1; SELECT pg_sleep(10)')],
  ]) {
    cases.push(bare(`GET order: ?wait= ${label}`, 'GET', `/v1/orders/${ctx.contoso.orderId}?wait=${wait}`, 'contosoAdmin', 400));
  }
  const list = '/v1/orders';
  for (const [label, query] of [
    ['organizationId with SQL', `organizationId=${enc(SQL_INJECTION.tautology)}`],
    ['status unknown', 'status=deleted'],
    ['type with traversal', `type=${enc(PATH_TRAVERSAL.dotdot)}`],
    ['from not a date', 'from=yesterday'],
    ['from month 13', 'from=2026-13-45'],
    ['to with SQL', `to=${enc("2026-01-01' OR '1'='1")}`],
    ['to day 99', 'to=2026-01-99T99:99:99Z'],
    ['unknown filter', 'owner=root'],
    ['limit 201', 'limit=201'],
  ]) {
    cases.push(bare(`list orders: ${label}`, 'GET', `${list}?${query}`, 'contosoAdmin', 400));
  }
  // PUT /v1/organizations/{id}/customer-users/{alias}/password (write-only; never changes anything here)
  const pw = (
    name: string,
    body: unknown,
    expect: CorpusCase['expect'],
    url = `/v1/organizations/${org}/customer-users/${ctx.contoso.userAlias}/password`,
    token: CorpusCase['token'] = 'contosoAdmin',
  ) => cases.push(jsonCase(`password: ${name}`, 'PUT', url, token, body, expect));
  pw('too short', { password: 'short' }, 400);
  pw('missing', {}, 400);
  pw('a number', { password: 12345678901 }, 400);
  pw('an array', { password: ['Correct-Horse-7391'] }, 400);
  pw('of 300,000 characters', { password: OVERSIZED.string300k }, 400);
  // Spaces are fine in a passphrase and an empty suffix is the valid password itself.
  for (const [label, value] of Object.entries(CONTROL)) {
    if (label !== 'blank' && label !== 'empty') pw(`control characters (${label})`, { password: `Correct-Horse-7391${value}` }, 400);
  }
  pw('unknown field next to it', { password: 'Correct-Horse-7391', alias: 'root' }, 400);
  pw('alias that does not exist', { password: 'Correct-Horse-7391' }, 404, `/v1/organizations/${org}/customer-users/nobody/password`);
  pw('alias with SQL', { password: 'Correct-Horse-7391' }, 404, `/v1/organizations/${org}/customer-users/${enc(SQL_INJECTION.tautology)}/password`);
  pw('alias with traversal', { password: 'Correct-Horse-7391' }, 404, `/v1/organizations/${org}/customer-users/${enc(PATH_TRAVERSAL.dotdot)}/password`);
  pw(
    'organization of another tenant',
    { password: 'Correct-Horse-7391' },
    404,
    `/v1/organizations/${ctx.orgs.c3}/customer-users/${ctx.contoso.userAlias}/password`,
  );
  pw('organization id malformed', { password: 'Correct-Horse-7391' }, 404, `/v1/organizations/${enc(SQL_INJECTION.dropTable)}/customer-users/ann/password`);
  pw('by an auditor', { password: 'Correct-Horse-7391' }, 403, undefined, 'hosterAuditor');
  pw('by an end user', { password: 'Correct-Horse-7391' }, '4xx', undefined, 'c1EndUser');

  return cases;
};
