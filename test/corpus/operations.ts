import { bare, enc, jsonCase, rawJson } from './helpers';
import { CONTROL, OVERSIZED, PATH_TRAVERSAL, SQL_INJECTION } from './hostile-values';
import type { CaseGroup, CorpusCase } from './types';

/** Lab faults and state, audit queries, runs and their operator actions, namespaces and schemas. */
export const operationsCases: CaseGroup = (ctx) => {
  const cases: CorpusCase[] = [];

  // PUT /v1/lab/faults
  const faults = (name: string, body: unknown, expect: CorpusCase['expect'] = 400) =>
    cases.push(jsonCase(`PUT /v1/lab/faults: ${name}`, 'PUT', '/v1/lab/faults', 'hosterAdmin', body, expect));
  const rule = { procedure: 'Exchange.CreateMailbox', effect: 'transient', times: 1 };
  faults('latencyMs negative', { latencyMs: -1 });
  faults('latencyMs above a minute', { latencyMs: 60_001 });
  faults('latencyMs fractional', { latencyMs: 1.5 });
  faults('latencyMs 2^63', { latencyMs: 9223372036854775807 });
  faults('latencyMs a string', { latencyMs: '5' });
  faults('jitterMs an array', { jitterMs: [5] });
  faults('transientErrorRate above 1', { transientErrorRate: 1.01 });
  faults('transientErrorRate negative', { transientErrorRate: -0.1 });
  faults('permanentErrorRate a string', { permanentErrorRate: '0.5' });
  faults('rules is an object', { rules: rule });
  faults('rule procedure unknown', { rules: [{ ...rule, procedure: 'Shell.Exec' }] });
  faults('rule procedure with SQL', { rules: [{ ...rule, procedure: SQL_INJECTION.dropTable }] });
  faults('rule procedure with traversal', { rules: [{ ...rule, procedure: PATH_TRAVERSAL.dotdot }] });
  faults('rule effect unknown', { rules: [{ ...rule, effect: 'rm -rf' }] });
  faults('rule times zero', { rules: [{ ...rule, times: 0 }] });
  faults('rule times negative', { rules: [{ ...rule, times: -5 }] });
  faults('rule times fractional', { rules: [{ ...rule, times: 2.5 }] });
  faults('rule times 2^63', { rules: [{ ...rule, times: 9223372036854775808 }] });
  faults('rule phase unknown', { rules: [{ ...rule, phase: 'commit' }] });
  faults('rule organizationId with SQL', { rules: [{ ...rule, organizationId: SQL_INJECTION.tautology }] });
  faults('rule organizationId of 300,000 characters', { rules: [{ ...rule, organizationId: OVERSIZED.string300k }] });
  faults('rule with unknown field', { rules: [{ ...rule, command: 'kill -9 1' }] });
  faults('101 rules', { rules: Array.from({ length: 101 }, () => rule) });
  faults('unknown top-level field', { latencyMs: 0, enabled: false });
  for (const [label, raw] of [
    ['latencyMs 1e309', rawJson({ latencyMs: '@RAW@' }, '1e309')],
    ['transientErrorRate NaN', '{"transientErrorRate":NaN}'],
    ['rule times 1e309', rawJson({ rules: [{ ...rule, times: '@RAW@' }] }, '1e309')],
    ['permanentErrorRate -1e309', rawJson({ permanentErrorRate: '@RAW@' }, '-1e309')],
  ]) {
    cases.push({ name: `PUT /v1/lab/faults: ${label}`, method: 'PUT', url: '/v1/lab/faults', token: 'hosterAdmin', raw, expect: 400 });
  }
  cases.push(jsonCase('PUT /v1/lab/faults: by hoster csr', 'PUT', '/v1/lab/faults', 'hosterCsr', {}, 403));
  cases.push(jsonCase('PUT /v1/lab/faults: by a customer admin', 'PUT', '/v1/lab/faults', 'c1Admin', {}, 403));

  // POST /v1/lab/devices (a simulated phone sync)
  const device = { organizationId: ctx.orgs.contoso, alias: ctx.contoso.userAlias, deviceId: 'corpus-phone' };
  const sync = (name: string, body: unknown, expect: CorpusCase['expect'] = 400, token: CorpusCase['token'] = 'hosterAdmin') =>
    cases.push(jsonCase(`POST /v1/lab/devices: ${name}`, 'POST', '/v1/lab/devices', token, body, expect));
  sync('deviceId with traversal', { ...device, deviceId: PATH_TRAVERSAL.dotdot });
  sync('deviceId with SQL', { ...device, deviceId: SQL_INJECTION.dropTable });
  sync('alias with SQL', { ...device, alias: SQL_INJECTION.tautology });
  sync('model of 300,000 characters', { ...device, model: OVERSIZED.string300k });
  sync('unknown field', { ...device, wipe: true });
  sync('a user without mobility', { ...device, alias: 'no-such-user' });
  sync('by a customer admin', device, 403, 'c1Admin');
  cases.push(bare('GET /v1/lab/faults: by a reseller admin', 'GET', '/v1/lab/faults', 'r1Admin', 403));
  cases.push(bare('GET /v1/lab/state: no organization', 'GET', '/v1/lab/state', 'hosterAdmin', 400));
  cases.push(bare('GET /v1/lab/state: organization with SQL', 'GET', `/v1/lab/state?organization=${enc(SQL_INJECTION.tautology)}`, 'hosterAdmin', 400));
  cases.push(bare('GET /v1/lab/state: organization with traversal', 'GET', `/v1/lab/state?organization=${enc(PATH_TRAVERSAL.dotdot)}`, 'hosterAdmin', 400));
  cases.push(
    bare('GET /v1/lab/state: organization that does not exist', 'GET', '/v1/lab/state?organization=org_00000000000000000000000000', 'hosterAdmin', 404),
  );
  cases.push(bare('GET /v1/platform/objects: no organization', 'GET', '/v1/platform/objects', 'hosterAdmin', 400));
  cases.push(
    bare('GET /v1/platform/objects: organization with SQL', 'GET', `/v1/platform/objects?organization=${enc(SQL_INJECTION.tautology)}`, 'hosterAdmin', 400),
  );
  cases.push(
    bare(
      'GET /v1/platform/objects: organization that does not exist',
      'GET',
      '/v1/platform/objects?organization=org_00000000000000000000000000',
      'hosterAdmin',
      404,
    ),
  );
  cases.push(bare('GET /v1/platform/objects: by a customer admin', 'GET', `/v1/platform/objects?organization=${ctx.orgs.contoso}`, 'contosoAdmin', 403));
  cases.push(bare('GET /v1/platform/objects: by a reseller admin', 'GET', `/v1/platform/objects?organization=${ctx.orgs.c1}`, 'r1Admin', '4xx'));
  cases.push(
    bare(
      'GET /v1/lab/state: organization given twice',
      'GET',
      `/v1/lab/state?organization=${ctx.orgs.contoso}&organization=${ctx.orgs.c1}`,
      'hosterAdmin',
      400,
    ),
  );

  // Audit queries
  const events = '/v1/audit/events';
  for (const [label, query] of [
    ['from not a date', 'from=yesterday'],
    ['from 30 February', 'from=2026-02-30T00:00:00Z'],
    ['from hour 25', 'from=2026-01-01T25:00:00Z'],
    ['from an ISO week date', 'from=2026-W01-1'],
    ['from an ISO ordinal date', 'from=2026-001'],
    ['from year 99999', 'from=99999-01-01T00:00:00Z'],
    ['to with SQL', `to=${enc("2026-01-01' OR '1'='1")}`],
    ['actorUser with SQL', `actorUser=${enc(SQL_INJECTION.unionTokens)}`],
    ['actorOrganization with traversal', `actorOrganization=${enc(PATH_TRAVERSAL.dotdot)}`],
    ['organization with SQL', `organization=${enc(SQL_INJECTION.tautology)}`],
    ['onBehalfOf with NUL', 'onBehalfOf=org_%00'],
    ['delegation upper case', `delegation=${ctx.delegation.toUpperCase()}`],
    ['action with SQL', `action=${enc(SQL_INJECTION.dropTable)}`],
    ['action with a LIKE wildcard', 'action=%25'],
    ['action with an underscore wildcard and star in the middle', 'action=a*b'],
    ['resourceType with a space', 'resourceType=org%20anization'],
    ['resourceId of 201 characters', `resourceId=${'r'.repeat(201)}`],
    ['resourceId with a bidi override', `resourceId=${enc(CONTROL.rtlOverride)}`],
    ['outcome unknown', 'outcome=maybe'],
    ['requestId with a space', 'requestId=a%20b'],
    ['order unknown', 'order=random'],
    ['limit 0', 'limit=0'],
    ['limit 201', 'limit=201'],
    ['limit 1e309', 'limit=1e309'],
    ['unknown filter', 'details=x'],
  ]) {
    cases.push(bare(`audit events: ${label}`, 'GET', `${events}?${query}`, 'hosterAuditor', 400));
  }
  cases.push(bare('audit events: from after to', 'GET', `${events}?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z`, 'hosterAuditor', '4xx'));
  cases.push(bare('audit events: a customer auditor asking for another tenant', 'GET', `${events}?organization=${ctx.orgs.c3}`, 'c1Auditor', 404));
  cases.push(bare('audit events: a reseller auditor asking for the hoster', 'GET', `${events}?organization=${ctx.orgs.hoster}`, 'c1Auditor', 404));
  cases.push(bare('audit events: an end user', 'GET', events, 'c1EndUser', 403));
  cases.push(bare('audit export: format xml', 'GET', '/v1/audit/events/export?format=xml', 'hosterAuditor', 400));
  cases.push(bare('audit export: format with traversal', 'GET', `/v1/audit/events/export?format=${enc(PATH_TRAVERSAL.dotdot)}`, 'hosterAuditor', 400));
  cases.push(bare('audit export: another tenant', 'GET', `/v1/audit/events/export?organization=${ctx.orgs.c3}`, 'c1Auditor', 404));
  cases.push(bare('audit export: cursor is not a filter here', 'GET', '/v1/audit/events/export?cursor=abc', 'hosterAuditor', 400));
  for (const [label, query] of [
    ['fromSeq zero', 'fromSeq=0'],
    ['fromSeq negative', 'fromSeq=-1'],
    ['fromSeq 2^53', 'fromSeq=9007199254740992'],
    ['toSeq 1e309', 'toSeq=1e309'],
    ['toSeq with SQL', `toSeq=${enc('1 OR 1=1')}`],
  ]) {
    cases.push(bare(`audit verify: ${label}`, 'GET', `/v1/audit/verify?${query}`, 'hosterAuditor', 400));
  }
  cases.push(bare('audit verify: toSeq before fromSeq', 'GET', '/v1/audit/verify?fromSeq=10&toSeq=2', 'hosterAuditor', '4xx'));
  cases.push(bare('audit verify: a customer auditor', 'GET', '/v1/audit/verify', 'c1Auditor', 403));
  cases.push(bare('audit checkpoint: created by an auditor', 'POST', '/v1/audit/checkpoints', 'hosterAuditor', 403));

  // Runs
  const runs = '/v1/provisioning/runs';
  for (const [label, query] of [
    ['status unknown', 'status=exploded'],
    ['status list with SQL', `status=${enc("queued,'; DROP TABLE provisioning_runs; --")}`],
    ['organization with SQL', `organization=${enc(SQL_INJECTION.tautology)}`],
    ['order with traversal', `order=${enc(PATH_TRAVERSAL.dotdot)}`],
    ['createdFrom not a date', 'createdFrom=now'],
    ['createdFrom an ISO week date', 'createdFrom=2026-W01-1'],
    ['createdTo 30 February', 'createdTo=2026-02-30'],
    ['limit negative', 'limit=-5'],
  ]) {
    cases.push(bare(`list runs: ${label}`, 'GET', `${runs}?${query}`, 'hosterAdmin', 400));
  }
  cases.push(bare('list runs: organization of another tenant', 'GET', `${runs}?organization=${ctx.orgs.contoso}`, 'c1Auditor', 404));
  cases.push(bare("GET run: another tenant's", 'GET', `${runs}/${ctx.contoso.runId}`, 'c1Auditor', 404));
  cases.push(bare("GET run steps: another tenant's", 'GET', `${runs}/${ctx.contoso.runId}/steps`, 'r1Csr', '4xx'));
  cases.push(jsonCase('retry run: a completed run', 'POST', `${runs}/${ctx.contoso.runId}/retry`, 'hosterAdmin', {}, 409));
  cases.push(jsonCase('rollback run: a completed run', 'POST', `${runs}/${ctx.contoso.runId}/rollback`, 'hosterAdmin', {}, 409));
  cases.push(jsonCase('resolve run: no reason', 'POST', `${runs}/${ctx.contoso.runId}/resolve`, 'hosterAdmin', {}, 400));
  cases.push(jsonCase('resolve run: reason with NUL', 'POST', `${runs}/${ctx.contoso.runId}/resolve`, 'hosterAdmin', { reason: CONTROL.nul }, 400));
  cases.push(
    jsonCase('resolve run: reason of 300,000 characters', 'POST', `${runs}/${ctx.contoso.runId}/resolve`, 'hosterAdmin', { reason: OVERSIZED.string300k }, 400),
  );
  cases.push(
    jsonCase(
      'resolve run: SQL reason on a completed run',
      'POST',
      `${runs}/${ctx.contoso.runId}/resolve`,
      'hosterAdmin',
      { reason: SQL_INJECTION.dollarQuote },
      409,
    ),
  );
  cases.push(jsonCase('retry run: by a customer admin', 'POST', `${runs}/${ctx.contoso.runId}/retry`, 'contosoAdmin', {}, 403));

  // Engines, namespaces and schemas
  cases.push(bare('GET /v1/engines: by a customer admin', 'GET', '/v1/engines', 'c1Admin', 403));
  cases.push(bare('GET /v1/namespaces: without a token', 'GET', '/v1/namespaces', 'none', 401));
  for (const [label, name] of [
    ['traversal', enc(PATH_TRAVERSAL.dotdot)],
    ['encoded traversal', PATH_TRAVERSAL.dotsEncoded],
    ['SQL', enc(SQL_INJECTION.tautology)],
    ['NUL', 'Hosted%20DNS%00'],
    ['250 characters', 'n'.repeat(250)],
  ]) {
    cases.push(bare(`GET namespace: ${label}`, 'GET', `/v1/namespaces/${name}`, 'hosterAdmin', 404));
  }
  for (const [label, file] of [
    ['traversal to package.json', enc('../../../package.json')],
    ['encoded traversal to /etc/passwd', PATH_TRAVERSAL.encoded],
    ['double-encoded traversal', PATH_TRAVERSAL.doubleEncoded],
    ['NUL before .xsd', 'request%00.xsd'],
    ['absolute path', enc('/etc/passwd.xsd')],
    ['backslashes', enc('..\\..\\request.xsd')],
    ['SQL', enc("request.xsd' OR '1'='1")],
  ]) {
    cases.push(bare(`GET schema: ${label}`, 'GET', `/v1/schemas/${file}`, 'none', 404));
  }
  return cases;
};
