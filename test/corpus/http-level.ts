import { bare, enc, jsonCase } from './helpers';
import { PATH_TRAVERSAL, SQL_INJECTION } from './hostile-values';
import type { CaseGroup, CorpusCase, CorpusContext } from './types';

/**
 * What is hostile before any route logic: credentials, methods, headers, cursors, and (in
 * `routeSweepCases`) malformed ids in every path parameter of every route of the app.
 */

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** Every list route with a cursor, with a token that may read it. */
function listRoutes(ctx: CorpusContext): [string, CorpusCase['token']][] {
  return [
    ['/v1/organizations', 'hosterAdmin'],
    [`/v1/organizations/${ctx.orgs.c1}/users`, 'c1Admin'],
    ['/v1/delegations', 'r1Admin'],
    ['/v1/plans', 'hosterAdmin'],
    [`/v1/plans/${ctx.plans.premium}/versions`, 'hosterAdmin'],
    [`/v1/organizations/${ctx.orgs.contoso}/subscriptions`, 'contosoAdmin'],
    ['/v1/orders', 'contosoAdmin'],
    ['/v1/provisioning/runs', 'hosterAdmin'],
    ['/v1/audit/events', 'hosterAuditor'],
    ['/v1/audit/checkpoints', 'hosterAuditor'],
  ];
}

/** Cursors that are not ours: wrong alphabet, wrong shape, wrong types, absurd values. */
const BAD_CURSORS: [string, string][] = [
  ['characters outside base64url', enc('!!!')],
  ['padding', 'WyJ4Il0='],
  ['not JSON inside', b64('not json')],
  ['an object inside', b64('{"id":"x"}')],
  ['an empty array', b64('[]')],
  ['three values', b64('[1,2,3]')],
  ['a nested array', b64('[[1]]')],
  ['null inside', b64('[null]')],
  ['a string where a number belongs', b64('["abc"]')],
  ['Infinity (1e309)', b64('[1e309]')],
  ['a number past 2^63', b64('[92233720368547758070]')],
  ['a negative number', b64('[-1]')],
  ['a fraction', b64('[1.5]')],
  ['a date that is not one', b64('["2026-13-45T99:00:00Z","ord_x"]')],
  ['SQL inside', b64(`["${SQL_INJECTION.tautology}"]`)],
  ['SQL inside, two values', b64(`["2026-01-01T00:00:00Z' OR '1'='1","x"]`)],
  ['513 characters', 'A'.repeat(513)],
];

export const httpLevelCases: CaseGroup = (ctx) => {
  const cases: CorpusCase[] = [];

  // Credentials
  cases.push(bare('auth: no Authorization header', 'GET', '/v1/me', 'none', 401));
  cases.push(bare('auth: an unknown pvs_ token', 'GET', '/v1/me', 'bogus', 401));
  for (const [label, value] of [
    ['Basic credentials', 'Basic YWRtaW46YWRtaW4='],
    ['Bearer with SQL', `Bearer ${SQL_INJECTION.tautology}`],
    ['Bearer with traversal', `Bearer ${PATH_TRAVERSAL.dotdot}`],
    ['Bearer without a token', 'Bearer'],
    ['Bearer with two tokens', 'Bearer pvs_a pvs_b'],
    ['Bearer pvs_ of 100 KB', `Bearer pvs_${'A'.repeat(100_000)}`],
    ['Bearer with non-ASCII', 'Bearer pvs_\u00e9\u00e9\u00e9'],
    ['a JWT with alg none', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGVzIjpbImhvc3Rlcl9hZG1pbiJdfQ.'],
    ['Digest scheme', 'Digest username="admin", response="x"'],
  ]) {
    cases.push(bare(`auth: ${label}`, 'GET', '/v1/me', 'none', 401, { headers: { authorization: value } }));
  }
  cases.push(jsonCase('auth: a mutation with a bad token', 'POST', '/v1/organizations', 'bogus', { kind: 'customer', name: 'No Token' }, 401));
  cases.push(jsonCase('auth: a mutation without a token', 'PUT', '/v1/lab/faults', 'none', { latencyMs: 60000 }, 401));
  cases.push(bare('auth: token in the query string instead of the header', 'GET', '/v1/me?access_token=pvs_abc', 'none', 401));

  // Methods and routes that do not exist
  for (const [method, url] of [
    ['PUT', '/v1/organizations'],
    ['DELETE', '/v1/organizations'],
    ['DELETE', `/v1/plans/${ctx.plans.hosterDraft}`],
    ['PATCH', `/v1/orders/${ctx.contoso.orderId}`],
    ['DELETE', `/v1/orders/${ctx.contoso.orderId}`],
    ['POST', '/v1/audit/events'],
    ['DELETE', '/v1/audit/events'],
    ['PUT', '/v1/audit/checkpoints'],
    ['DELETE', '/v1/lab/faults'],
    ['TRACE', '/v1/me'],
    ['PUT', '/v1/me'],
    ['POST', `/v1/provisioning/runs/${ctx.contoso.runId}`],
  ] as const) {
    cases.push(bare(`method: ${method} ${url.replace(/[a-z]+_[0-9a-z]{26}/g, '{id}')}`, method, url, 'hosterAdmin', '4xx'));
  }
  cases.push(bare('route: unknown version prefix', 'GET', '/v2/organizations', 'hosterAdmin', 404));
  cases.push(bare('route: traversal out of /v1', 'GET', '/v1/../../etc/passwd', 'hosterAdmin', 404));
  cases.push(bare('route: encoded traversal', 'GET', '/v1/%2e%2e/%2e%2e/etc/passwd', 'hosterAdmin', 404));
  cases.push(bare('route: a path parameter of 10,000 characters', 'GET', `/v1/organizations/${'o'.repeat(10_000)}`, 'hosterAdmin', 404));
  cases.push(bare('route: malformed percent-encoding', 'GET', '/v1/organizations/%E0%A4%A', 'hosterAdmin', '4xx'));
  cases.push(bare('route: percent-encoded invalid UTF-8', 'GET', '/v1/organizations/%C0%AF', 'hosterAdmin', '4xx'));

  // Oversized and odd headers (inject does not enforce Node's header limit; see the http cases)
  cases.push(
    bare('header: X-Request-Id of 100 KB', 'GET', '/v1/organizations?limit=0', 'hosterAdmin', 400, { headers: { 'x-request-id': `${'r'.repeat(100_000)}` } }),
  );
  cases.push(
    bare('header: Accept application/xml on a JSON route with a bad query', 'GET', '/v1/plans?limit=-1', 'hosterAdmin', 400, {
      headers: { accept: 'application/xml' },
    }),
  );
  cases.push(
    bare('header: Content-Length larger than the body', 'POST', '/v1/organizations', 'hosterAdmin', '4xx', {
      raw: '{"kind":"customer"}',
      contentType: 'application/json',
      headers: { 'content-length': '1000' },
    }),
  );
  cases.push(
    bare('header: Content-Length negative', 'POST', '/v1/organizations', 'hosterAdmin', '4xx', {
      raw: '{"kind":"customer"}',
      contentType: 'application/json',
      headers: { 'content-length': '-1' },
    }),
  );
  cases.push(
    bare('header: Content-Encoding gzip on a plain body', 'POST', '/v1/organizations', 'hosterAdmin', 415, {
      raw: '{"kind":"customer","name":"Gzip"}',
      contentType: 'application/json',
      headers: { 'content-encoding': 'gzip' },
    }),
  );
  cases.push({
    name: 'header: 64 KB of headers over a real socket',
    method: 'GET',
    url: '/v1/me',
    token: 'hosterAdmin',
    headers: { 'x-padding': 'p'.repeat(64 * 1024) },
    expect: 431,
    transport: 'http',
  });
  cases.push({
    name: 'header: 64 KB Authorization over a real socket',
    method: 'GET',
    url: '/v1/me',
    token: 'none',
    headers: { authorization: `Bearer pvs_${'A'.repeat(64 * 1024)}` },
    expect: 431,
    transport: 'http',
  });

  // Bad cursors on every list route
  for (const [url, token] of listRoutes(ctx)) {
    const route = url.replace(/[a-z]+_[0-9a-z]{26}/g, '{id}');
    for (const [label, cursor] of BAD_CURSORS) {
      cases.push(bare(`cursor on ${route}: ${label}`, 'GET', `${url}?cursor=${cursor}`, token, 400));
    }
  }
  return cases;
};

export interface SweepRoute {
  method: string;
  /** With `{param}` placeholders. */
  path: string;
}

/** Malformed ids that can never be ours, percent-encoded for the path. */
const BAD_IDS: [string, string][] = [
  ['traversal', enc(PATH_TRAVERSAL.dotdot)],
  ['SQL', enc(SQL_INJECTION.tautology)],
  ['NUL', 'org_%00'],
  ['valid prefix, upper case', 'ORG_01JDX3M5V8K2Q9W7E4R6T1Y0AB'],
];

/**
 * For every route of the app with an `{id}` path parameter: a malformed id answers 404 (as a
 * missing one would), whatever the route does. Sent by the hoster admin, who may do anything,
 * so nothing but the id can stop the request.
 */
export function routeSweepCases(routes: SweepRoute[]): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const r of routes) {
    if (!r.path.includes('{id}')) continue;
    for (const [label, id] of BAD_IDS) {
      const url = r.path.replace('{id}', id);
      const hasBody = r.method === 'POST' || r.method === 'PATCH' || r.method === 'PUT';
      cases.push({
        name: `sweep ${r.method} ${r.path}: ${label} id`,
        method: r.method as CorpusCase['method'],
        url,
        token: 'hosterAdmin',
        ...(hasBody ? { json: {} } : {}),
        expect: 404,
      });
    }
  }
  return cases;
}
