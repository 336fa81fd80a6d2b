import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  compileTrusted,
  EXAMPLES_DIR,
  namespaceDoc,
  problemOf,
  registryWith,
  runProgram,
  shippedRegistry,
  simpleRequest,
  trustedRequest,
} from '../../../test/helpers/language';
import type { NamespaceRegistry } from '../namespaces/namespace-registry';
import { compileRequest, iterationKeys, MAX_CALL_STEPS } from './compiler';
import type { CompositeProcedure, ProcedureCatalog } from './procedure-catalog';
import type { CallOp, Op } from './program';
import { newDocument, rootOf } from './xml-dom';

const example = (file: string) => fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8');
const callPaths = (ops: Op[]) => ops.filter((o): o is CallOp => o.op === 'call').map((o) => o.path);

describe('compileRequest', () => {
  let registry: NamespaceRegistry;
  beforeAll(async () => {
    registry = await shippedRegistry();
  });
  const simple = (xml: string) => compileRequest(xml, { registry, context: {}, allowTrusted: false });

  describe('a simple request (call of a public procedure)', () => {
    it('expands Hosted Organization.Subscribe into readable, stable step paths', () => {
      const compiled = simple(example('subscribe.xml'));
      expect(compiled.kind).toBe('simple');
      expect(compiled.program.namespaceVersions).toEqual({ 'Hosted Organization': '1', 'Hosted User': '1' });
      expect(callPaths(compiled.program.ops)).toEqual([
        'Hosted Organization.Subscribe/1/Directory.CreateOrganization',
        'Hosted Organization.Subscribe/2/DNS.CreateZone',
        'Hosted Organization.Subscribe/3/records[@]/DNS.AddRecord',
        'Hosted Organization.Subscribe/3/records[autodiscover]/DNS.AddRecord',
        'Hosted Organization.Subscribe/3/records[_sip._tls]/DNS.AddRecord',
        'Hosted Organization.Subscribe/4.1/Exchange.EnableOrganization',
        'Hosted Organization.Subscribe/4.2/Exchange.AddAcceptedDomain',
        'Hosted Organization.Subscribe/5.1/policies[pin-3-devices]/Mobility.CreatePolicy',
        'Hosted Organization.Subscribe/6.1/Communications.CreateSipDomain',
        'Hosted Organization.Subscribe/7.1/sites[1]/SharePoint.CreateSiteCollection',
        'Hosted Organization.Subscribe/8/users[ann]/Hosted User.Create/1/Directory.CreateUser',
        'Hosted Organization.Subscribe/8/users[ann]/Hosted User.Create/2/Exchange.CreateMailbox',
        'Hosted Organization.Subscribe/8/users[ann]/Hosted User.Create/3.1/Mobility.EnableUser',
        'Hosted Organization.Subscribe/8/users[ann]/Hosted User.Create/4.1/Communications.EnableUser',
        'Hosted Organization.Subscribe/8/users[bob]/Hosted User.Create/1/Directory.CreateUser',
        'Hosted Organization.Subscribe/8/users[bob]/Hosted User.Create/2/Exchange.CreateMailbox',
        'Hosted Organization.Subscribe/8/users[bob]/Hosted User.Create/3.1/Mobility.EnableUser',
        'Hosted Organization.Subscribe/8/users[bob]/Hosted User.Create/4.1/Communications.EnableUser',
        'Hosted Organization.Subscribe/9/DNS.PublishZone',
        'Hosted Organization.Subscribe/10/Plans.CommitQuota',
        'Hosted Organization.Subscribe/11/Plans.ActivateSubscription',
      ]);
      expect(compiled.program.callCount).toBe(21);
      expect(compiled.program.ops.filter((o) => o.op === 'call').every((o) => (o as CallOp).kind === 'write')).toBe(true);
      // Step paths are unique.
      expect(new Set(callPaths(compiled.program.ops)).size).toBe(21);
    });

    it('runs the Subscribe effects in the documented order (when evaluated at run time)', () => {
      const r = runProgram(simple(example('subscribe.xml')));
      expect(r.calls.map((c) => c.procedure)).toEqual([
        'Directory.CreateOrganization',
        'DNS.CreateZone',
        'DNS.AddRecord',
        'DNS.AddRecord',
        'DNS.AddRecord',
        'Exchange.EnableOrganization',
        'Exchange.AddAcceptedDomain',
        'Mobility.CreatePolicy',
        'Communications.CreateSipDomain',
        'SharePoint.CreateSiteCollection',
        'Directory.CreateUser',
        'Exchange.CreateMailbox',
        'Mobility.EnableUser',
        'Communications.EnableUser',
        'Directory.CreateUser',
        'Exchange.CreateMailbox',
        'DNS.PublishZone',
        'Plans.CommitQuota',
        'Plans.ActivateSubscription',
      ]);
      // Inputs carry exactly what each leaf signature needs.
      expect(r.calls[12].input).toEqual({ organization: { id: 'org_01jdx3m5v8k2q9w7e4r6t1y0ab' }, user: { alias: 'ann' }, policy: { name: 'pin-3-devices' } });
    });

    it('stores the request with the server-written context and keeps data namespace-free', () => {
      const compiled = compileRequest(example('add-users.xml'), {
        registry,
        context: { order: 'ord_1', organization: 'org_1', actor: 'usr_1', onBehalfOf: null, request: 'req_1' },
        allowTrusted: false,
      });
      expect(compiled.requestXml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<!-- An add_users order')).toBe(true);
      expect(compiled.requestXml.match(/<\?xml/g)).toHaveLength(1);
      expect(compiled.requestXml).toContain(
        '<request xmlns="urn:provisio:request:1">\n  <context order="ord_1" organization="org_1" actor="usr_1" request="req_1"/>\n  <data>',
      );
      expect(compiled.data).toMatch(/^<data><order id="ord_01jdx4a0000000000000000001"\/><organization /);
      expect(compiled.data).not.toContain('xmlns');
    });

    it('writes the context with the prefix the document uses', () => {
      const xml = '<r:request xmlns:r="urn:provisio:request:1"><r:data><x/></r:data><r:call namespace="Hosted DNS" procedure="AddRecords"/></r:request>';
      const compiled = compileRequest(xml.replace('<x/>', '<zone name="z.example"><record name="a" type="A" value="1.2.3.4"/></zone>'), {
        registry,
        context: { order: 'ord_9' },
        allowTrusted: false,
      });
      expect(compiled.requestXml).toContain('<r:request xmlns:r="urn:provisio:request:1"><r:context order="ord_9"/><r:data>');
      expect(compiled.data).toBe('<data><zone name="z.example"><record name="a" type="A" value="1.2.3.4"/></zone></data>');
    });

    it('compiles every shipped example', () => {
      for (const file of fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.xml'))) {
        const compiled = compileRequest(example(file), { registry, context: {}, allowTrusted: true });
        expect(compiled.program.callCount).toBeGreaterThan(0);
      }
    });

    it('rejects a client-written context', () => {
      const xml = example('add-users.xml').replace('<data>', '<context actor="usr_admin"/>\n  <data>');
      expect(problemOf(() => simple(xml))).toMatchObject({ code: 'REQUEST_CONTEXT_FORBIDDEN', status: 400 });
    });

    it('names only public composite procedures', () => {
      expect(problemOf(() => simple(simpleRequest('Directory', 'CreateUser')))).toMatchObject({ code: 'PROCEDURE_NOT_PUBLIC', status: 422 });
      expect(problemOf(() => simple(simpleRequest('Hosted User', 'Fly')))).toMatchObject({ code: 'PROCEDURE_UNKNOWN', status: 422 });
      expect(problemOf(() => simple(simpleRequest('Nowhere', 'Create')))).toMatchObject({ code: 'NAMESPACE_UNKNOWN', status: 422 });
    });

    it('rejects data that lacks what the procedure declares as required', () => {
      const p = problemOf(() =>
        simple(
          simpleRequest(
            'Hosted User',
            'AddUsers',
            '<order id="o"/><organization id="org"/><users><user alias="a" displayName="A" mailboxSizeMb="1"/><user alias="b"/></users>',
          ),
        ),
      );
      expect(p).toMatchObject({ code: 'REQUEST_DATA_INVALID', status: 422 });
      expect((p.extra.errors ?? []).map((e) => e.path)).toEqual([
        'data/organization/@domain',
        'data/users/user[2]/@displayName',
        'data/users/user[2]/@mailboxSizeMb',
      ]);
    });
  });

  describe('a trusted request (procedure body)', () => {
    it('is refused unless the caller may submit trusted requests', () => {
      const xml = trustedRequest('<execute namespace="Directory" procedure="GetUser"/>');
      expect(problemOf(() => compileRequest(xml, { registry, context: {}, allowTrusted: false }))).toMatchObject({
        code: 'TRUSTED_REQUEST_FORBIDDEN',
        status: 403,
      });
      expect(compileRequest(xml, { registry, context: {}, allowTrusted: true }).kind).toBe('trusted');
    });

    it('numbers statements, nests when/try positions, names forEach iterations and omits the position of a single-statement forEach body', () => {
      const compiled = compileTrusted(
        registry,
        '<execute namespace="Directory" procedure="GetUser"/>' +
          '<forEach name="u" path="users/user"><execute namespace="Exchange" procedure="CreateMailbox"/></forEach>' +
          '<forEach name="u" path="users/user"><execute namespace="Directory" procedure="GetUser"/><when source="u" sourcePath="@vip"><execute namespace="Exchange" procedure="SetMailboxQuota"/></when></forEach>' +
          '<try><execute namespace="DNS" procedure="GetZone"/><catch><execute namespace="DNS" procedure="CreateZone"/></catch></try>' +
          '<execute namespace="Hosted DNS" procedure="RemoveRecords"><before source="data" sourcePath="zone" mode="insert"/></execute>',
        '<users><user alias="ann" vip="yes"/><user alias="bob"/></users><zone name="z.example"><record name="www" type="A" value="1.2.3.4"/></zone>',
      );
      expect(callPaths(compiled.program.ops)).toEqual([
        '1/Directory.GetUser',
        '2/u[ann]/Exchange.CreateMailbox',
        '2/u[bob]/Exchange.CreateMailbox',
        '3/u[ann]/1/Directory.GetUser',
        '3/u[ann]/2.1/Exchange.SetMailboxQuota',
        '3/u[bob]/1/Directory.GetUser',
        '3/u[bob]/2.1/Exchange.SetMailboxQuota',
        '4.1/DNS.GetZone',
        '4.catch.1/DNS.CreateZone',
        '5/Hosted DNS.RemoveRecords/1/records[www]/DNS.RemoveRecord',
        '5/Hosted DNS.RemoveRecords/2.1/Plans.ReleaseQuota',
      ]);
      const kinds = compiled.program.ops.filter((o): o is CallOp => o.op === 'call').map((o) => o.kind);
      expect(kinds.slice(0, 2)).toEqual(['read', 'write']);
    });

    it('lays out when as a skip jump and try/catch as handler ops', () => {
      const { ops } = compileTrusted(
        registry,
        '<when source="data" sourcePath="x"><execute namespace="DNS" procedure="GetZone"/></when><try><execute namespace="DNS" procedure="GetZone"/><catch><execute namespace="DNS" procedure="CreateZone"/></catch></try><execute namespace="DNS" procedure="PublishZone"/>',
      ).program;
      expect(ops.map((o) => o.op)).toEqual(['when', 'call', 'try', 'call', 'endTry', 'call', 'call']);
      expect(ops[0]).toMatchObject({ op: 'when', skipTo: 2, condition: { source: 'data', sourcePath: 'x' } });
      expect(ops[2]).toMatchObject({ op: 'try', catchAt: 5, endAt: 6 });
      expect(ops[4]).toMatchObject({ op: 'endTry', endAt: 6 });
    });

    it('gives duplicate or unusual forEach keys a position and escapes path characters', () => {
      const doc = newDocument('d');
      const root = rootOf(doc);
      for (const attrs of [{ name: '@' }, { name: '@' }, { alias: 'a/b[c]' }, {}, { id: '3' }, { name: 'x'.repeat(80) }]) {
        const el = doc.createElement('n');
        Object.entries(attrs).forEach(([k, v]) => el.setAttribute(k, v));
        root.appendChild(el);
      }
      expect(iterationKeys(Array.from(root.childNodes as any))).toEqual(['@#1', '@#2', 'a%2Fb%5Bc%5D', '4', '3#5', `${'x'.repeat(64)}#6`]);
    });

    it('nests forEach over an outer forEach node, with bindings that find the node again', () => {
      const compiled = compileTrusted(
        registry,
        '<forEach name="z" path="zones/zone"><forEach name="r" root="z" path="record"><execute namespace="DNS" procedure="AddRecord"><before source="z" sourcePath="@name" destinationPath="zone" mode="merge"/><before source="r" mode="insert"/></execute></forEach></forEach>',
        '<zones><zone name="a.example"><record name="www" type="A" value="1"/></zone><zone name="b.example"><record name="www" type="A" value="2"/><record name="mail" type="A" value="3"/></zone></zones>',
      );
      const calls = compiled.program.ops.filter((o): o is CallOp => o.op === 'call');
      expect(calls.map((c) => c.path)).toEqual([
        '1/z[a.example]/r[www]/DNS.AddRecord',
        '1/z[b.example]/r[www]/DNS.AddRecord',
        '1/z[b.example]/r[mail]/DNS.AddRecord',
      ]);
      expect(calls[2].bindings.r).toEqual({ frameDepth: 0, path: '(zones/zone)[2]/record', index: 2, key: 'mail' });
      expect(runProgram(compiled).calls.map((c) => c.input)).toEqual([
        { zone: { name: 'a.example' }, record: { name: 'www', type: 'A', value: '1' } },
        { zone: { name: 'b.example' }, record: { name: 'www', type: 'A', value: '2' } },
        { zone: { name: 'b.example' }, record: { name: 'mail', type: 'A', value: '3' } },
      ]);
    });

    it('unrolls forEach inside a composite over the frame its before mappings build from the submitted data', async () => {
      const reg = await registryWith([
        namespaceDoc(
          'Test Loop',
          '<procedure name="EachUser" access="public"><forEach name="u" path="picked/user"><execute namespace="Directory" procedure="GetUser"><before source="u" mode="insert"/></execute></forEach></procedure>',
        ),
      ]);
      const compiled = compileTrusted(
        reg,
        '<forEach name="team" path="teams/team"><execute namespace="Test Loop" procedure="EachUser"><before source="team" sourcePath="user[@active=\'true\']" destinationPath="picked" mode="insert"/></execute></forEach>',
        '<teams><team name="red"><user alias="ann" active="true"/><user alias="bob" active="false"/></team><team name="blue"><user alias="cy" active="true"/><user alias="di" active="true"/></team></teams>',
      );
      expect(callPaths(compiled.program.ops)).toEqual([
        '1/team[red]/Test Loop.EachUser/1/u[ann]/Directory.GetUser',
        '1/team[blue]/Test Loop.EachUser/1/u[cy]/Directory.GetUser',
        '1/team[blue]/Test Loop.EachUser/1/u[di]/Directory.GetUser',
      ]);
      expect(runProgram(compiled).calls.map((c) => (c.input.user as any).alias)).toEqual(['ann', 'cy', 'di']);
    });

    it('does not iterate nodes that after mappings add later (forEach is static)', () => {
      const compiled = compileTrusted(
        registry,
        '<execute namespace="Directory" procedure="ListUsers"><after sourcePath="user" destinationPath="users" mode="insert"/></execute><forEach name="u" path="users/user"><execute namespace="Directory" procedure="DeleteUser"><before source="u" mode="insert"/></execute></forEach>',
        '<users><user alias="ann"/></users>',
      );
      const r = runProgram(compiled, (op) => (op.procedure === 'ListUsers' ? { user: [{ alias: 'late' }] } : {}));
      expect(r.calls.map((c) => c.path)).toEqual(['1/Directory.ListUsers', '2/u[ann]/Directory.DeleteUser']);
      expect(r.data).toContain('<user alias="late"/>');
    });

    it('rejects invalid programs with 422 REQUEST_INVALID and every problem listed', () => {
      const p = problemOf(() =>
        compileTrusted(
          registry,
          '<execute namespace="DNS" procedure="GetZone"><before source="nobody" mode="insert"/><before source="data" sourcePath="a[" mode="insert"/><after sourcePath="count(x)"/></execute>' +
            '<forEach name="data" path="x"/><forEach name="u" path="/abs"/><forEach name="v" path="a | b"/>' +
            '<forEach name="u" path="x"><forEach name="u" root="u" path="y"/></forEach><when source="ghost"/>',
        ),
      );
      expect(p).toMatchObject({ code: 'REQUEST_INVALID', status: 422 });
      const messages = (p.extra.errors ?? []).map((e) => e.message).join('\n');
      for (const bit of ['"nobody"', '"a["', 'count(x)', 'reserved', '"/abs"', '"a | b"', 'hides an enclosing', '"ghost"']) expect(messages).toContain(bit);
    });

    it('rejects unknown and private procedures inside a body', async () => {
      expect(problemOf(() => compileTrusted(registry, '<execute namespace="DNS" procedure="Nope"/>'))).toMatchObject({ code: 'PROCEDURE_UNKNOWN' });
      expect(problemOf(() => compileTrusted(registry, '<execute namespace="Nope" procedure="X"/>'))).toMatchObject({ code: 'NAMESPACE_UNKNOWN' });
      const reg = await registryWith([
        namespaceDoc(
          'Test Private',
          '<procedure name="Hidden" access="private"><execute namespace="DNS" procedure="GetZone"/></procedure><procedure name="Open" access="public"><execute namespace="Test Private" procedure="Hidden"/></procedure>',
        ),
      ]);
      expect(problemOf(() => compileTrusted(reg, '<execute namespace="Test Private" procedure="Hidden"/>'))).toMatchObject({ code: 'PROCEDURE_NOT_PUBLIC' });
      expect(callPaths(compileTrusted(reg, '<execute namespace="Test Private" procedure="Open"/>').program.ops)).toEqual([
        '1/Test Private.Open/1/Test Private.Hidden/1/DNS.GetZone',
      ]);
    });
  });

  describe('schema', () => {
    it.each([
      ['a wrong root element', '<requests xmlns="urn:provisio:request:1"/>', '/requests'],
      ['a root in no namespace', '<request><call namespace="Hosted DNS" procedure="AddRecords"/></request>', '/request'],
      ['neither procedure nor call', '<request xmlns="urn:provisio:request:1"><data/></request>', '/request'],
      ['procedure and call', '<request xmlns="urn:provisio:request:1"><procedure/><call namespace="A" procedure="B"/></request>', '/request/call'],
      ['data after procedure', '<request xmlns="urn:provisio:request:1"><procedure/><data/></request>', '/request/data'],
      ['an unknown statement', trustedRequest('<run namespace="DNS" procedure="GetZone"/>'), '/request/procedure/run[1]'],
      ['an unknown attribute', trustedRequest('<execute namespace="DNS" procedure="GetZone" retry="3"/>'), '/request/procedure/execute[1]/@retry'],
      ['a missing attribute', trustedRequest('<execute namespace="DNS"/>'), '/request/procedure/execute[1]/@procedure'],
      [
        'a bad mode',
        trustedRequest('<execute namespace="DNS" procedure="GetZone"><before source="data" mode="append"/></execute>'),
        '/request/procedure/execute[1]/before[1]/@mode',
      ],
      [
        'before after after',
        trustedRequest('<execute namespace="DNS" procedure="GetZone"><after/><before source="data"/></execute>'),
        '/request/procedure/execute[1]/before[1]',
      ],
      [
        'a destination other than executeData',
        trustedRequest('<execute namespace="DNS" procedure="GetZone"><before source="data" destination="data"/></execute>'),
        '/request/procedure/execute[1]/before[1]/@destination',
      ],
      [
        'a destinationPath that is not a plain path',
        trustedRequest('<execute namespace="DNS" procedure="GetZone"><after destinationPath="a[1]"/></execute>'),
        '/request/procedure/execute[1]/after[1]/@destinationPath',
      ],
      ['text in a procedure', trustedRequest('hello'), '/request/procedure'],
      ['try without catch', trustedRequest('<try><execute namespace="DNS" procedure="GetZone"/></try>'), '/request/procedure/try[1]'],
      ['retries out of range', trustedRequest('<execute namespace="DNS" procedure="GetZone" retries="99"/>'), '/request/procedure/execute[1]/@retries'],
      [
        'a bad onFailure',
        '<request xmlns="urn:provisio:request:1" onFailure="ignore"><call namespace="Hosted DNS" procedure="AddRecords"/></request>',
        '/request/@onFailure',
      ],
    ])('rejects %s with 422 XML_SCHEMA_VIOLATION at its path', (_what, xml, where) => {
      const p = problemOf(() => compileRequest(xml, { registry, context: {}, allowTrusted: true }));
      expect(p).toMatchObject({ code: 'XML_SCHEMA_VIOLATION', status: 422 });
      expect((p.extra.errors ?? []).map((e) => e.path)).toContain(where);
    });

    it('accepts schema-valid variants: defaults, xsi attributes, comments, whitespace', () => {
      const xml = `<?xml version="1.0"?>
<!-- ops request -->
<request xmlns="urn:provisio:request:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:provisio:request:1 request.xsd" onFailure="park">
  <procedure>
    <!-- one call -->
    <execute namespace="DNS" procedure="GetZone" id="probe" retries=" 3 " timeoutMs="5000"><executeData><zone name="z"/></executeData><before source="data"/><after/></execute>
  </procedure>
</request>`;
      const { program } = compileRequest(xml, { registry, context: {}, allowTrusted: true });
      expect(program.onFailure).toBe('park');
      expect(program.ops[0]).toMatchObject({
        op: 'call',
        id: 'probe',
        retries: 3,
        timeoutMs: 5000,
        literal: '<zone name="z"/>',
        before: [{ source: 'data', mode: 'insert' }],
        after: [{ mode: 'insert' }],
      });
    });
  });

  describe('limits', () => {
    const users = (n: number) => `<users>${Array.from({ length: n }, (_, i) => `<u a="${i}"/>`).join('')}</users>`;
    const loop = '<forEach name="u" path="users/u"><execute namespace="DNS" procedure="GetZone"/></forEach>';

    it(`accepts ${MAX_CALL_STEPS} steps and rejects one more with REQUEST_TOO_MANY_STEPS`, () => {
      expect(compileTrusted(registry, loop, users(MAX_CALL_STEPS)).program.callCount).toBe(MAX_CALL_STEPS);
      expect(problemOf(() => compileTrusted(registry, loop, users(MAX_CALL_STEPS + 1)))).toMatchObject({ code: 'REQUEST_TOO_MANY_STEPS', status: 422 });
    });

    it('stops expanding at the limit instead of building the whole plan', async () => {
      // 2,000 users × a composite of 100 calls would be 200,000 steps.
      const hundred = Array.from({ length: 100 }, () => '<execute namespace="DNS" procedure="GetZone"/>').join('');
      const reg = await registryWith([namespaceDoc('Test Wide', `<procedure name="Hundred" access="public">${hundred}</procedure>`)]);
      const wide = '<forEach name="u" path="users/u"><execute namespace="Test Wide" procedure="Hundred"/></forEach>';
      let seen = 0;
      const counting: ProcedureCatalog = {
        hasNamespace: (n) => reg.hasNamespace(n),
        resolve: (n, p) => {
          seen++;
          return reg.resolve(n, p);
        },
      };
      const p = problemOf(() => compileRequest(trustedRequest(wide, users(2000)), { registry: counting, context: {}, allowTrusted: true }));
      expect(p.code).toBe('REQUEST_TOO_MANY_STEPS');
      expect(seen).toBeLessThan(MAX_CALL_STEPS + 200);
    });

    it('refuses XPath beyond the fast subset on a large document instead of spending minutes on it', () => {
      const p = problemOf(() =>
        compileTrusted(registry, '<forEach name="u" path="users/u[position() > 0]"><execute namespace="DNS" procedure="GetZone"/></forEach>', users(2000)),
      );
      expect(p).toMatchObject({ code: 'REQUEST_INVALID', status: 422 });
      expect(
        compileTrusted(registry, '<forEach name="u" path="users/u[position() > 1]"><execute namespace="DNS" procedure="GetZone"/></forEach>', users(5)).program
          .callCount,
      ).toBe(4);
    });

    it('bounds forEach iterations even when they produce no step', () => {
      const p = problemOf(() => compileTrusted(registry, '<forEach name="u" path="users/u"><forEach name="v" root="u" path="../u"/></forEach>', users(400)));
      expect(p.code).toBe('REQUEST_TOO_MANY_STEPS');
    });

    it('rejects composite nesting deeper than 16 with NAMESPACE_NESTING_TOO_DEEP', () => {
      // The registry refuses such documents at load; the compiler checks again for any catalog.
      const chain = (depth: number): ProcedureCatalog => {
        const proc = (i: number): CompositeProcedure => ({
          namespace: `Level${i}`,
          version: '1',
          name: 'Go',
          access: 'public',
          input: [],
          body: [
            { type: 'execute', namespace: i < depth ? `Level${i + 1}` : 'DNS', procedure: i < depth ? 'Go' : 'GetZone', literal: '', before: [], after: [] },
          ],
        });
        return {
          hasNamespace: () => true,
          resolve: (ns, p) => (ns === 'DNS' ? registry.resolve(ns, p) : { type: 'composite', composite: proc(Number(ns.slice(5))) }),
        };
      };
      const xml = trustedRequest('<execute namespace="Level1" procedure="Go"/>');
      expect(compileRequest(xml, { registry: chain(16), context: {}, allowTrusted: true }).program.callCount).toBe(1);
      expect(problemOf(() => compileRequest(xml, { registry: chain(17), context: {}, allowTrusted: true }))).toMatchObject({
        code: 'NAMESPACE_NESTING_TOO_DEEP',
        status: 422,
      });
    });
  });
});
