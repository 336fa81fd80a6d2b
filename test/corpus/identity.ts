import { bare, enc, jsonCase } from './helpers';
import { BAD_DOMAINS, CONTROL, OVERSIZED, PATH_TRAVERSAL, SQL_INJECTION } from './hostile-values';
import type { CaseGroup, CorpusCase } from './types';

/**
 * Identity routes: organizations, users and roles, tokens, delegations. Free-text fields (names,
 * reasons) legitimately accept quotes, so an SQL string there is sent where the request must fail
 * anyway (another tenant's id, a stale If-Match): the string travels the whole pipeline and the
 * answer must still be a clean 4xx with nothing changed.
 */
export const identityCases: CaseGroup = (ctx) => {
  const cases: CorpusCase[] = [];
  const newCustomer = { kind: 'customer', name: 'Corpus Customer' };

  // POST /v1/organizations — wrong types, unknown fields, hostile names, bad nested objects.
  const orgBodies: [string, unknown][] = [
    ['kind is a number', { ...newCustomer, kind: 1 }],
    ['kind hoster (not creatable)', { ...newCustomer, kind: 'hoster' }],
    ['kind with SQL', { ...newCustomer, kind: SQL_INJECTION.dropTable }],
    ['name is a number', { ...newCustomer, name: 12345 }],
    ['name is an array', { ...newCustomer, name: ['Corpus'] }],
    ['name is an object', { ...newCustomer, name: { first: 'Corpus' } }],
    ['name is null', { ...newCustomer, name: null }],
    ['name of 300,000 characters', { ...newCustomer, name: OVERSIZED.string300k }],
    ['unknown top-level field', { ...newCustomer, isAdmin: true }],
    ['unknown field status', { ...newCustomer, status: 'active', path: '/' }],
    ['unknown nested field in admin', { ...newCustomer, admin: { username: 'corpus.admin', displayName: 'Corpus Admin', roles: ['hoster_admin'] } }],
    ['admin is a string', { ...newCustomer, admin: 'corpus.admin' }],
    ['admin is an array', { ...newCustomer, admin: [{ username: 'corpus.admin', displayName: 'A' }] }],
    ['admin username with SQL', { ...newCustomer, admin: { username: SQL_INJECTION.tautology, displayName: 'Corpus Admin' } }],
    ['admin username with traversal', { ...newCustomer, admin: { username: PATH_TRAVERSAL.dotdot, displayName: 'Corpus Admin' } }],
    ['admin username upper case with homoglyph', { ...newCustomer, admin: { username: 'c\u043erpus.admin', displayName: 'Corpus Admin' } }],
    ['admin username of 65 characters', { ...newCustomer, admin: { username: 'a'.repeat(65), displayName: 'Corpus Admin' } }],
    ['admin email that is not one', { ...newCustomer, admin: { username: 'corpus.admin', displayName: 'A', email: "x@y'; DROP TABLE users; --" } }],
    [
      'admin email with CRLF header injection',
      { ...newCustomer, admin: { username: 'corpus.admin', displayName: 'A', email: 'a@b.example\r\nBcc: victim@evil.example' } },
    ],
    ['parentId with SQL', { ...newCustomer, parentId: SQL_INJECTION.tautology }],
    ['parentId with traversal', { ...newCustomer, parentId: PATH_TRAVERSAL.dotdot }],
    ['parentId of 10,000 characters', { ...newCustomer, parentId: 'org_'.padEnd(10_000, '0') }],
    ['parentId is a number', { ...newCustomer, parentId: 7 }],
    ['delegation on a customer created by the hoster with huge duration', { ...newCustomer, delegation: { roles: ['org_admin'], duration: '999999y' } }],
    ['delegation with negative duration', { ...newCustomer, delegation: { roles: ['org_admin'], duration: '-1h' } }],
    ['delegation with zero duration', { ...newCustomer, delegation: { roles: ['org_admin'], duration: '0h' } }],
    ['delegation with fractional duration', { ...newCustomer, delegation: { roles: ['org_admin'], duration: '1.5h' } }],
    ['delegation roles is a string', { ...newCustomer, delegation: { roles: 'org_admin', duration: '30d' } }],
    ['delegation roles include hoster_admin', { ...newCustomer, delegation: { roles: ['hoster_admin'], duration: '30d' } }],
    ['delegation with unknown nested field', { ...newCustomer, delegation: { roles: ['org_admin'], duration: '30d', approved: true } }],
  ];
  for (const [name, body] of orgBodies) cases.push(jsonCase(`POST /v1/organizations: ${name}`, 'POST', '/v1/organizations', 'hosterAdmin', body, '4xx'));
  for (const [key, value] of Object.entries(CONTROL)) {
    cases.push(jsonCase(`POST /v1/organizations: name with ${key}`, 'POST', '/v1/organizations', 'hosterAdmin', { ...newCustomer, name: value }, 400));
  }
  cases.push(
    jsonCase(
      "POST /v1/organizations: customer under another reseller's customer (other tenant as parent)",
      'POST',
      '/v1/organizations',
      'r1Admin',
      { ...newCustomer, parentId: ctx.orgs.c3 },
      404,
    ),
  );
  cases.push(
    jsonCase(
      'POST /v1/organizations: SQL in the name, parent of another tenant',
      'POST',
      '/v1/organizations',
      'r1Admin',
      { ...newCustomer, name: SQL_INJECTION.dropTable, parentId: ctx.orgs.r2 },
      404,
    ),
  );
  cases.push(
    jsonCase(
      'POST /v1/organizations: homoglyph domain as a name, parent of another tenant',
      'POST',
      '/v1/organizations',
      'r1Admin',
      { ...newCustomer, name: BAD_DOMAINS.cyrillicA, parentId: ctx.orgs.c3 },
      404,
    ),
  );
  cases.push(jsonCase('POST /v1/organizations: a customer admin creating an organization', 'POST', '/v1/organizations', 'c1Admin', newCustomer, 422));

  // PATCH /v1/organizations/{id}
  const patchOrg = `/v1/organizations/${ctx.orgs.c1}`;
  cases.push(jsonCase('PATCH organization: unknown field kind', 'PATCH', patchOrg, 'c1Admin', { kind: 'reseller' }, 400));
  cases.push(jsonCase('PATCH organization: unknown field parentId (re-parenting)', 'PATCH', patchOrg, 'c1Admin', { parentId: ctx.orgs.c3 }, 400));
  cases.push(jsonCase('PATCH organization: name null', 'PATCH', patchOrg, 'c1Admin', { name: null }, 400));
  cases.push(jsonCase('PATCH organization: name an empty object', 'PATCH', patchOrg, 'c1Admin', { name: {} }, 400));
  cases.push(jsonCase('PATCH organization: name with bidi override', 'PATCH', patchOrg, 'c1Admin', { name: CONTROL.rtlOverride }, 400));
  cases.push(jsonCase('PATCH organization: name with NUL', 'PATCH', patchOrg, 'c1Admin', { name: CONTROL.nul }, 400));
  cases.push(jsonCase('PATCH organization: name of 201 characters', 'PATCH', patchOrg, 'c1Admin', { name: 'N'.repeat(201) }, 400));
  cases.push(
    jsonCase('PATCH organization: SQL name with a stale If-Match', 'PATCH', patchOrg, 'c1Admin', { name: SQL_INJECTION.dropTable }, 412, {
      headers: { 'if-match': '"999999"' },
    }),
  );
  for (const [label, value] of [
    ['non-numeric', '"abc"'],
    ['SQL', `"1' OR '1'='1"`],
    ['negative', '"-1"'],
    ['enormous', '"99999999999999999999999999"'],
    ['wildcard list', '"1", "2", *'],
    ['empty quotes', '""'],
  ]) {
    cases.push(
      jsonCase(`PATCH organization: If-Match ${label}`, 'PATCH', patchOrg, 'c1Admin', { name: 'If Match Probe' }, 412, { headers: { 'if-match': value } }),
    );
  }
  cases.push(
    jsonCase("PATCH organization: another tenant's organization", 'PATCH', `/v1/organizations/${ctx.orgs.c3}`, 'c1Admin', { name: 'Taken Over' }, 404),
  );
  cases.push(
    jsonCase(
      "PATCH organization: another tenant's, SQL in the name",
      'PATCH',
      `/v1/organizations/${ctx.orgs.c3}`,
      'c1Admin',
      { name: SQL_INJECTION.unionTokens },
      404,
    ),
  );
  cases.push(jsonCase('PATCH organization: reseller R1 renaming R2', 'PATCH', `/v1/organizations/${ctx.orgs.r2}`, 'r1Admin', { name: 'Taken Over' }, 404));
  cases.push(
    jsonCase(
      'PATCH organization: delegated token renaming another customer of R1',
      'PATCH',
      `/v1/organizations/${ctx.orgs.c2}`,
      'delegated',
      { name: 'Taken Over' },
      404,
    ),
  );

  // Suspend / resume
  cases.push(jsonCase('suspend: another tenant', 'POST', `/v1/organizations/${ctx.orgs.c3}/suspend`, 'r1Admin', { reason: 'corpus' }, 404));
  cases.push(
    jsonCase(
      'suspend: SQL in the reason, another tenant',
      'POST',
      `/v1/organizations/${ctx.orgs.c3}/suspend`,
      'r1Admin',
      { reason: SQL_INJECTION.dropTable },
      404,
    ),
  );
  cases.push(jsonCase('suspend: reason missing', 'POST', `/v1/organizations/${ctx.orgs.c2}/suspend`, 'r1Admin', {}, 400));
  cases.push(
    jsonCase('suspend: reason with escape sequences', 'POST', `/v1/organizations/${ctx.orgs.c2}/suspend`, 'r1Admin', { reason: CONTROL.escapeSeq }, 400),
  );
  cases.push(
    jsonCase('suspend: reason of 300,000 characters', 'POST', `/v1/organizations/${ctx.orgs.c2}/suspend`, 'r1Admin', { reason: OVERSIZED.string300k }, 400),
  );
  cases.push(jsonCase('resume: reason is an object', 'POST', `/v1/organizations/${ctx.orgs.c2}/resume`, 'r1Admin', { reason: { text: 'x' } }, 400));

  // Users
  const usersUrl = `/v1/organizations/${ctx.orgs.c1}/users`;
  const newUser = { username: 'corpus.user', displayName: 'Corpus User' };
  cases.push(jsonCase('create user: username with SQL', 'POST', usersUrl, 'c1Admin', { ...newUser, username: SQL_INJECTION.commentOut }, 400));
  cases.push(jsonCase('create user: username with NUL', 'POST', usersUrl, 'c1Admin', { ...newUser, username: 'corpus\u0000user' }, 400));
  cases.push(jsonCase('create user: username with Cyrillic homoglyph', 'POST', usersUrl, 'c1Admin', { ...newUser, username: 'corpus.\u0430dmin' }, 400));
  cases.push(jsonCase('create user: displayName with line separator', 'POST', usersUrl, 'c1Admin', { ...newUser, displayName: CONTROL.lineSeparator }, 400));
  cases.push(jsonCase('create user: roles is a string', 'POST', usersUrl, 'c1Admin', { ...newUser, roles: 'org_admin' }, 400));
  cases.push(jsonCase('create user: roles with an unknown role', 'POST', usersUrl, 'c1Admin', { ...newUser, roles: ['superuser'] }, 400));
  cases.push(jsonCase('create user: 60,000 roles', 'POST', usersUrl, 'c1Admin', { ...newUser, roles: Array.from({ length: 60_000 }, () => 'end_user') }, 400));
  cases.push(jsonCase('create user: roles above the creator (hoster_admin)', 'POST', usersUrl, 'c1Admin', { ...newUser, roles: ['hoster_admin'] }, 403));
  cases.push(jsonCase('create user: unknown field organizationId', 'POST', usersUrl, 'c1Admin', { ...newUser, organizationId: ctx.orgs.c3 }, 400));
  cases.push(jsonCase('create user: in another tenant', 'POST', `/v1/organizations/${ctx.orgs.c3}/users`, 'c1Admin', newUser, 404));
  cases.push(jsonCase('create user: reseller without delegation inside its customer', 'POST', usersUrl, 'r1Admin', newUser, 404));
  cases.push(bare('list organizations: parentId with SQL', 'GET', `/v1/organizations?parentId=${enc(SQL_INJECTION.tautology)}`, 'hosterAdmin', 400));
  cases.push(bare('list organizations: parentId with traversal', 'GET', `/v1/organizations?parentId=${enc(PATH_TRAVERSAL.dotdot)}`, 'hosterAdmin', 400));
  cases.push(bare('list organizations: kind unknown', 'GET', '/v1/organizations?kind=root', 'hosterAdmin', 400));
  cases.push(bare('list delegations: customerId with SQL', 'GET', `/v1/delegations?customerId=${enc(SQL_INJECTION.unionTokens)}`, 'r1Admin', 400));
  cases.push(bare('list delegations: status unknown', 'GET', '/v1/delegations?status=forever', 'r1Admin', 400));
  cases.push(bare('list tokens: without a token', 'GET', '/v1/tokens', 'none', 401));
  cases.push(bare('list users: another tenant', 'GET', `/v1/organizations/${ctx.orgs.c3}/users`, 'c1Admin', 404));

  const userUrl = `/v1/users/${ctx.users.c1EndUser}`;
  cases.push(jsonCase('PATCH user: displayName with bidi isolate', 'PATCH', userUrl, 'c1Admin', { displayName: CONTROL.isolate }, 400));
  cases.push(jsonCase('PATCH user: disabled as a string', 'PATCH', userUrl, 'c1Admin', { disabled: 'true' }, 400));
  cases.push(jsonCase('PATCH user: displayName null', 'PATCH', userUrl, 'c1Admin', { displayName: null }, 400));
  cases.push(jsonCase('PATCH user: disabled null', 'PATCH', userUrl, 'c1Admin', { disabled: null }, 400));
  cases.push(jsonCase('PATCH user: unknown field roles', 'PATCH', userUrl, 'c1Admin', { roles: ['org_admin'] }, 400));
  cases.push(jsonCase('PATCH user: unknown field username', 'PATCH', userUrl, 'c1EndUser', { username: 'root' }, 400));
  cases.push(
    jsonCase(
      'PATCH user: end user, SQL in its displayName with a stale If-Match',
      'PATCH',
      userUrl,
      'c1EndUser',
      { displayName: SQL_INJECTION.castError },
      412,
      { headers: { 'if-match': '"424242"' } },
    ),
  );
  cases.push(jsonCase("PATCH user: another tenant's user", 'PATCH', `/v1/users/${ctx.users.c3Admin}`, 'c1Admin', { disabled: true }, 404));
  cases.push(jsonCase('PATCH user: end user editing its admin', 'PATCH', `/v1/users/${ctx.users.c1Admin}`, 'c1EndUser', { displayName: 'Pwned' }, 404));
  cases.push(bare("GET user: another tenant's user", 'GET', `/v1/users/${ctx.users.c3Admin}`, 'c1Admin', 404));
  cases.push(bare("DELETE user: another tenant's user", 'DELETE', `/v1/users/${ctx.users.c3Admin}`, 'c1Admin', 404));
  cases.push(bare('DELETE user: the hoster admin by a reseller', 'DELETE', `/v1/users/${ctx.users.hosterAdmin}`, 'r1Admin', 404));

  // Roles
  const rolesUrl = `/v1/users/${ctx.users.c1EndUser}/roles`;
  cases.push(jsonCase('grant role: unknown role', 'POST', rolesUrl, 'c1Admin', { role: 'root' }, 400));
  cases.push(jsonCase('grant role: role is an array', 'POST', rolesUrl, 'c1Admin', { role: ['org_admin'] }, 400));
  cases.push(jsonCase('grant role: role with SQL', 'POST', rolesUrl, 'c1Admin', { role: `org_admin${SQL_INJECTION.dropTable}` }, 400));
  cases.push(jsonCase('grant role: above the granter (hoster_admin)', 'POST', rolesUrl, 'c1Admin', { role: 'hoster_admin' }, 403));
  cases.push(jsonCase("grant role: to another tenant's user", 'POST', `/v1/users/${ctx.users.c3Admin}/roles`, 'c1Admin', { role: 'org_csr' }, 404));
  cases.push(bare('revoke role: no role given', 'DELETE', rolesUrl, 'c1Admin', 400));
  cases.push(bare('revoke role: SQL in ?role=', 'DELETE', `${rolesUrl}?role=${enc(SQL_INJECTION.tautology)}`, 'c1Admin', 400));
  cases.push(bare('revoke role: role given twice', 'DELETE', `${rolesUrl}?role=end_user&role=org_csr`, 'c1Admin', 400));
  cases.push(bare("revoke role: another tenant's user", 'DELETE', `/v1/users/${ctx.users.c3Admin}/roles?role=org_admin`, 'c1Admin', 404));

  // Tokens
  cases.push(jsonCase('create token: expiresIn zero', 'POST', '/v1/tokens', 'c1Admin', { expiresIn: '0s' }, 400));
  cases.push(jsonCase('create token: expiresIn negative', 'POST', '/v1/tokens', 'c1Admin', { expiresIn: '-30d' }, 400));
  cases.push(jsonCase('create token: expiresIn beyond the maximum', 'POST', '/v1/tokens', 'c1Admin', { expiresIn: '999999y' }, 422));
  cases.push(jsonCase('create token: expiresIn is a number', 'POST', '/v1/tokens', 'c1Admin', { expiresIn: 3600 }, 400));
  cases.push(jsonCase('create token: expiresIn as 1e309 (Infinity)', 'POST', '/v1/tokens', 'c1Admin', { expiresIn: '1e309' }, 400));
  cases.push(jsonCase('create token: roles the owner does not hold', 'POST', '/v1/tokens', 'c1Admin', { roles: ['hoster_admin'] }, '4xx'));
  cases.push(jsonCase('create token: duplicate roles', 'POST', '/v1/tokens', 'c1Admin', { roles: ['org_admin', 'org_admin'] }, 400));
  cases.push(jsonCase('create token: name with CRLF', 'POST', '/v1/tokens', 'c1Admin', { name: CONTROL.crlfHeader }, 400));
  cases.push(jsonCase('create token: unknown field userId', 'POST', '/v1/tokens', 'c1Admin', { userId: ctx.users.hosterAdmin }, 400));
  cases.push(jsonCase('create token: unknown field delegationId', 'POST', '/v1/tokens', 'r1Admin', { delegationId: ctx.delegation }, 400));
  cases.push(
    jsonCase(
      'create token: SQL in the name, roles the owner does not hold',
      'POST',
      '/v1/tokens',
      'c1Admin',
      { name: SQL_INJECTION.dropTable, roles: ['hoster_admin'] },
      '4xx',
    ),
  );
  cases.push(bare("revoke token: another tenant's token", 'DELETE', `/v1/tokens/${ctx.otherTokenId}`, 'c1Admin', 404));
  cases.push(jsonCase("issue token: to another tenant's user", 'POST', `/v1/users/${ctx.users.c3Admin}/tokens`, 'c1Admin', {}, 404));
  cases.push(jsonCase('issue token: to your own admin (above you)', 'POST', `/v1/users/${ctx.users.c1Admin}/tokens`, 'c1Csr', {}, '4xx'));
  cases.push(
    jsonCase('issue token: hostile expiresIn', 'POST', `/v1/users/${ctx.users.c1EndUser}/tokens`, 'c1Admin', { expiresIn: "1h'; DROP TABLE tokens; --" }, 400),
  );

  // Delegations
  const delegation = { customerId: ctx.orgs.c1, roles: ['org_admin'], duration: '30d' };
  cases.push(
    jsonCase("request delegation: on another reseller's customer", 'POST', '/v1/delegations', 'r1Admin', { ...delegation, customerId: ctx.orgs.c3 }, 404),
  );
  cases.push(
    jsonCase('request delegation: customerId with SQL', 'POST', '/v1/delegations', 'r1Admin', { ...delegation, customerId: SQL_INJECTION.tautology }, '4xx'),
  );
  cases.push(
    jsonCase(
      'request delegation: customerId with traversal',
      'POST',
      '/v1/delegations',
      'r1Admin',
      { ...delegation, customerId: PATH_TRAVERSAL.encoded },
      '4xx',
    ),
  );
  cases.push(jsonCase('request delegation: duration 3 years', 'POST', '/v1/delegations', 'r1Admin', { ...delegation, duration: '3y' }, '4xx'));
  cases.push(jsonCase('request delegation: duration 1 minute', 'POST', '/v1/delegations', 'r1Admin', { ...delegation, duration: '1m' }, '4xx'));
  cases.push(jsonCase('request delegation: duration zero', 'POST', '/v1/delegations', 'r1Admin', { ...delegation, duration: '0d' }, '4xx'));
  cases.push(
    jsonCase('request delegation: duration enormous digits', 'POST', '/v1/delegations', 'r1Admin', { ...delegation, duration: `${'9'.repeat(400)}d` }, 400),
  );
  cases.push(
    jsonCase('request delegation: roles include reseller_admin', 'POST', '/v1/delegations', 'r1Admin', { ...delegation, roles: ['reseller_admin'] }, 400),
  );
  cases.push(jsonCase('request delegation: empty roles', 'POST', '/v1/delegations', 'r1Admin', { ...delegation, roles: [] }, '4xx'));
  cases.push(jsonCase('request delegation: note with RTL override', 'POST', '/v1/delegations', 'r1Admin', { ...delegation, note: CONTROL.rtlOverride }, 400));
  cases.push(jsonCase('request delegation: unknown field status', 'POST', '/v1/delegations', 'r1Admin', { ...delegation, status: 'active' }, 400));
  cases.push(
    jsonCase(
      "request delegation: SQL in the note, on another reseller's customer",
      'POST',
      '/v1/delegations',
      'r1Admin',
      { ...delegation, customerId: ctx.orgs.c3, note: SQL_INJECTION.unionTokens },
      404,
    ),
  );
  cases.push(jsonCase('request delegation: by a customer admin', 'POST', '/v1/delegations', 'c1Admin', delegation, 403));
  cases.push(jsonCase("approve delegation: another tenant's", 'POST', `/v1/delegations/${ctx.otherDelegation}/approve`, 'c1Admin', {}, 404));
  cases.push(jsonCase('approve delegation: by the reseller that requested it', 'POST', `/v1/delegations/${ctx.otherDelegation}/approve`, 'r2Admin', {}, 403));
  cases.push(jsonCase("revoke delegation: another tenant's", 'POST', `/v1/delegations/${ctx.otherDelegation}/revoke`, 'c1Admin', { reason: 'corpus' }, 404));
  cases.push(jsonCase('revoke delegation: reason with NUL', 'POST', `/v1/delegations/${ctx.delegation}/revoke`, 'c1Admin', { reason: CONTROL.nul }, 400));
  cases.push(jsonCase('revoke delegation: unknown field', 'POST', `/v1/delegations/${ctx.delegation}/revoke`, 'c1Admin', { reason: 'x', cascade: false }, 400));
  cases.push(jsonCase("delegated token: on another reseller's delegation", 'POST', `/v1/delegations/${ctx.otherDelegation}/tokens`, 'r1Admin', {}, 404));
  cases.push(
    jsonCase('delegated token: roles beyond the delegation', 'POST', `/v1/delegations/${ctx.delegation}/tokens`, 'r1Admin', { roles: ['reseller_admin'] }, 400),
  );
  cases.push(jsonCase('delegated token: expiresIn zero', 'POST', `/v1/delegations/${ctx.delegation}/tokens`, 'r1Admin', { expiresIn: '0ms' }, 400));
  cases.push(jsonCase('delegated token: a delegated token asking for another', 'POST', `/v1/delegations/${ctx.delegation}/tokens`, 'delegated', {}, '4xx'));
  return cases;
};
