import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileTrusted, EXAMPLES_DIR, namespaceDoc, registryWith, runProgram, shippedRegistry } from '../../../test/helpers/language';
import type { NamespaceRegistry } from '../namespaces/namespace-registry';
import { compileRequest } from './compiler';
import { createMachine, initialState } from './machine';

const ORG = '<organization id="org_1" domain="contoso.example"/>';
const USERS = '<users><user alias="ann" displayName="Ann"/><user alias="bob" displayName="Bob"/></users>';

/** One read call (Directory.GetUser) with the given mappings; returns its input. */
function inputOf(registry: NamespaceRegistry, mappings: string, data = ORG + USERS): Record<string, unknown> {
  const compiled = compileTrusted(registry, `<execute namespace="Directory" procedure="GetUser">${mappings}</execute>`, data);
  return runProgram(compiled).calls[0].input;
}

/** One call whose output goes through `after` mappings; returns the final data. */
function dataAfter(registry: NamespaceRegistry, output: Record<string, unknown>, afters: string, data = ORG): string {
  const compiled = compileTrusted(registry, `<execute namespace="Directory" procedure="GetUser">${afters}</execute>`, data);
  return runProgram(compiled, () => output).data!;
}

describe('program machine', () => {
  let registry: NamespaceRegistry;
  beforeAll(async () => {
    registry = await shippedRegistry();
  });

  describe('before mappings build the call input', () => {
    it('insert appends a copy of each selected element', () => {
      expect(inputOf(registry, '<before source="data" sourcePath="users/user" mode="insert"/>')).toEqual({
        user: [
          { alias: 'ann', displayName: 'Ann' },
          { alias: 'bob', displayName: 'Bob' },
        ],
      });
    });

    it('a selected attribute is copied as an attribute of the destination, which is created when missing', () => {
      expect(
        inputOf(
          registry,
          '<before source="data" sourcePath="organization/@id" destinationPath="organization" mode="merge"/><before source="data" sourcePath="users/user[2]/@alias" destinationPath="target/user" mode="insert"/>',
        ),
      ).toEqual({
        organization: { id: 'org_1' },
        target: { user: { alias: 'bob' } },
      });
    });

    it('literal executeData comes first; merge overwrites same-named attributes and replaces a same-named element in place', () => {
      const input = inputOf(
        registry,
        '<executeData><organization id="old" keep="yes"/><user alias="x" extra="1"/><tail/></executeData>' +
          '<before source="data" sourcePath="organization/@id" destinationPath="organization" mode="merge"/>' +
          '<before source="data" sourcePath="users/user[1]" mode="merge"/>',
      );
      expect(input).toEqual({ organization: { id: 'org_1', keep: 'yes' }, user: { alias: 'ann', displayName: 'Ann' }, tail: '' });
      expect(Object.keys(input)).toEqual(['organization', 'user', 'tail']);
    });

    it('replace removes the destination content (not its attributes) before copying', () => {
      const input = inputOf(
        registry,
        '<executeData><users kind="list"><user alias="old"/><note>x</note></users></executeData><before source="data" sourcePath="users/user[2]" destinationPath="users" mode="replace"/>',
      );
      expect(input).toEqual({ users: { kind: 'list', user: { alias: 'bob', displayName: 'Bob' } } });
    });

    it('text-only elements become strings; repeated names arrays; nested elements objects; text next to attributes #text', () => {
      const input = inputOf(registry, '<executeData><a>1</a><b><c>2</c><c>3</c></b><d k="v">t</d><e/></executeData>');
      expect(input).toEqual({ a: '1', b: { c: ['2', '3'] }, d: { k: 'v', '#text': 't' }, e: '' });
    });

    it('a forEach variable is the source node of its iteration', () => {
      const compiled = compileTrusted(
        registry,
        '<forEach name="u" path="users/user"><execute namespace="Directory" procedure="GetUser"><before source="u" sourcePath="@alias" destinationPath="user" mode="merge"/></execute></forEach>',
        ORG + USERS,
      );
      expect(runProgram(compiled).calls.map((c) => c.input)).toEqual([{ user: { alias: 'ann' } }, { user: { alias: 'bob' } }]);
    });
  });

  describe('output and after mappings', () => {
    it('writes output fields as elements of executeData and maps them into data', () => {
      const out = dataAfter(
        registry,
        { ouPath: 'OU=contoso', nested: { a: 1, list: [{ k: 'v' }, { k: 'w' }] }, many: ['x', 'y'], skipped: null },
        '<after sourcePath="ouPath" destinationPath="organization" mode="merge"/><after sourcePath="nested | many" destinationPath="extra" mode="insert"/>',
      );
      expect(out).toBe(
        '<data><organization id="org_1" domain="contoso.example"><ouPath>OU=contoso</ouPath></organization><extra><nested a="1"><list k="v"/><list k="w"/></nested><many>x</many><many>y</many></extra></data>',
      );
    });

    it('the call executeData shows input and output after completion (what after mappings see)', () => {
      const out = dataAfter(registry, { primarySmtpAddress: 'ann@contoso.example' }, '<after mode="replace" destinationPath="copy"/>', ORG);
      expect(out).toBe(
        '<data><organization id="org_1" domain="contoso.example"/><copy><executeData><primarySmtpAddress>ann@contoso.example</primarySmtpAddress></executeData></copy></data>',
      );
    });

    it('merge of an element replaces the same-named child; insert appends another', () => {
      const body = '<execute namespace="Directory" procedure="GetUser"><after sourcePath="ouPath" destinationPath="organization" mode="merge"/></execute>';
      const compiled = compileTrusted(registry, body + body, '<organization id="o"/>');
      let n = 0;
      expect(runProgram(compiled, () => ({ ouPath: `v${++n}` })).data).toBe('<data><organization id="o"><ouPath>v2</ouPath></organization></data>');
      const inserting = compileTrusted(registry, (body + body).replace(/merge/g, 'insert'), '<organization id="o"/>');
      n = 0;
      expect(runProgram(inserting, () => ({ ouPath: `v${++n}` })).data).toBe(
        '<data><organization id="o"><ouPath>v1</ouPath><ouPath>v2</ouPath></organization></data>',
      );
    });
  });

  describe('when', () => {
    const body =
      '<execute namespace="Directory" procedure="GetUser"><after sourcePath="disabled" destinationPath="state" mode="merge"/></execute>' +
      '<when source="data" sourcePath="state/disabled" equals="true"><execute namespace="Directory" procedure="DeleteUser"/></when>' +
      '<when source="data" sourcePath="state/disabled" equals="true" not="true"><execute namespace="Directory" procedure="SetUserProperties"/></when>' +
      '<when source="data" sourcePath="missing"><execute namespace="Directory" procedure="CreateUser"/></when>';

    it('is evaluated when reached, so it sees what an earlier after wrote', () => {
      const compiled = compileTrusted(registry, body, ORG);
      expect(runProgram(compiled, () => ({ disabled: 'true' })).calls.map((c) => c.procedure)).toEqual(['Directory.GetUser', 'Directory.DeleteUser']);
      expect(runProgram(compiled, () => ({ disabled: 'false' })).calls.map((c) => c.procedure)).toEqual(['Directory.GetUser', 'Directory.SetUserProperties']);
    });

    it('equals holds when any selected node has that string value', () => {
      const compiled = compileTrusted(
        registry,
        '<when source="data" sourcePath="users/user/@alias" equals="bob"><execute namespace="Directory" procedure="GetUser"/></when>',
        USERS,
      );
      expect(runProgram(compiled).calls).toHaveLength(1);
    });
  });

  describe('try / catch', () => {
    const tryBody = (catchBody: string) =>
      `<try><execute namespace="Directory" procedure="CreateUser"/><execute namespace="Exchange" procedure="CreateMailbox"/><catch>${catchBody}</catch></try><execute namespace="Plans" procedure="CommitQuota"/>`;
    const failing = (name: string) => (op: { namespace: string; procedure: string }) => (`${op.namespace}.${op.procedure}` === name ? 'fail' : {});

    it('a failure inside try is caught: the catch body runs, then what follows; done steps stay done', () => {
      const compiled = compileTrusted(registry, tryBody('<execute namespace="Directory" procedure="DeleteUser"/>'));
      const r = runProgram(compiled, failing('Exchange.CreateMailbox'));
      expect(r.status).toBe('done');
      expect(r.calls.map((c) => [c.procedure, c.outcome])).toEqual([
        ['Directory.CreateUser', 'completed'],
        ['Exchange.CreateMailbox', 'caught'],
        ['Directory.DeleteUser', 'completed'],
        ['Plans.CommitQuota', 'completed'],
      ]);
      expect(r.state.handlers).toEqual([]);
    });

    it('without a failure the catch body is skipped', () => {
      const r = runProgram(compileTrusted(registry, tryBody('<execute namespace="Directory" procedure="DeleteUser"/>')));
      expect(r.calls.map((c) => c.procedure)).toEqual(['Directory.CreateUser', 'Exchange.CreateMailbox', 'Plans.CommitQuota']);
    });

    it('a failure outside any try is unhandled, and the state stays on the failed call', () => {
      const compiled = compileTrusted(registry, tryBody(''));
      const r = runProgram(compiled, failing('Plans.CommitQuota'));
      expect(r.status).toBe('failed');
      expect(r.calls[r.calls.length - 1]).toMatchObject({ procedure: 'Plans.CommitQuota', outcome: 'unhandled' });
      const resumed = createMachine(compiled.program, r.state).next();
      expect(resumed.kind === 'call' && resumed.op.procedure).toBe('CommitQuota');
    });

    it('a failing catch body propagates to the enclosing try, or fails the run', () => {
      const inner = tryBody('<execute namespace="Directory" procedure="DeleteUser"/>');
      const nested = compileTrusted(registry, `<try>${inner}<catch><execute namespace="Plans" procedure="ReleaseQuota"/></catch></try>`);
      const bothFail = (op: { namespace: string; procedure: string }) => (['CreateMailbox', 'DeleteUser'].includes(op.procedure) ? 'fail' : {});
      expect(runProgram(nested, bothFail).calls.map((c) => [c.procedure, c.outcome])).toEqual([
        ['Directory.CreateUser', 'completed'],
        ['Exchange.CreateMailbox', 'caught'],
        ['Directory.DeleteUser', 'caught'],
        ['Plans.ReleaseQuota', 'completed'],
      ]);
      const single = runProgram(compileTrusted(registry, inner), bothFail);
      expect(single.status).toBe('failed');
      expect(single.calls.map((c) => c.outcome)).toEqual(['completed', 'caught', 'unhandled']);
    });

    it('a failure inside a composite procedure drops its frame and the catch runs in the caller frame', async () => {
      const reg = await registryWith([
        namespaceDoc(
          'Test Inner',
          '<procedure name="Work" access="public"><execute namespace="Directory" procedure="CreateUser"><before source="data" sourcePath="user" mode="insert"/></execute></procedure>',
        ),
      ]);
      const compiled = compileTrusted(
        reg,
        '<try><execute namespace="Test Inner" procedure="Work"><before source="data" sourcePath="users/user[1]" mode="insert"/></execute>' +
          '<catch><execute namespace="Directory" procedure="GetUser"><before source="data" sourcePath="users/user[2]" mode="insert"/><after sourcePath="user/@alias" destinationPath="handled" mode="merge"/></execute></catch></try>',
        USERS,
      );
      const r = runProgram(compiled, (op) => (op.procedure === 'CreateUser' ? 'fail' : {}));
      expect(r.status).toBe('done');
      expect(r.calls[0].input).toEqual({ user: { alias: 'ann', displayName: 'Ann' } });
      expect(r.state.frames).toHaveLength(1);
      expect(r.data).toContain('<handled alias="bob"/>');
    });
  });

  describe('composite frames', () => {
    it('enter builds a frame from the caller data; exit maps the frame back through the caller after mappings', async () => {
      const reg = await registryWith([
        namespaceDoc(
          'Test Frames',
          '<procedure name="Tag" access="public"><execute namespace="Directory" procedure="GetUser"><before source="data" sourcePath="user" mode="insert"/><after sourcePath="userPrincipalName" destinationPath="user" mode="merge"/></execute></procedure>',
        ),
      ]);
      const compiled = compileTrusted(
        reg,
        '<forEach name="u" path="users/user"><execute namespace="Test Frames" procedure="Tag"><before source="u" mode="insert"/><after sourcePath="user/userPrincipalName" destinationPath="principals" mode="insert"/></execute></forEach>',
        USERS,
      );
      const r = runProgram(compiled, (_op, input) => ({ userPrincipalName: `${(input.user as any).alias}@contoso.example` }));
      expect(r.data).toBe(
        `<data>${USERS}<principals><userPrincipalName>ann@contoso.example</userPrincipalName><userPrincipalName>bob@contoso.example</userPrincipalName></principals></data>`,
      );
    });

    it('a simple call runs on a copy of the data and writes the frame back as the new data', async () => {
      const reg = await shippedRegistry();
      const xml = fs.readFileSync(path.join(EXAMPLES_DIR, 'subscribe.xml'), 'utf8');
      const compiled = compileRequest(xml, { registry: reg, context: {}, allowTrusted: false });
      const r = runProgram(compiled, (op) => (op.procedure === 'CreateOrganization' ? { ouPath: 'OU=Contoso,DC=hoster' } : {}));
      expect(r.data).toContain(
        '<organization id="org_01jdx3m5v8k2q9w7e4r6t1y0ab" name="Contoso" domain="contoso.example" resellerId="org_01jdx3m0000000000000000r01"><ouPath>OU=Contoso,DC=hoster</ouPath></organization>',
      );
      expect(r.data).toMatch(/^<data><order /);
    });
  });

  it('a forEach binding whose node was replaced away maps nothing', () => {
    const compiled = compileTrusted(
      registry,
      '<forEach name="u" path="users/user"><execute namespace="Directory" procedure="GetUser"><before source="u" sourcePath="@alias" destinationPath="user" mode="merge"/><after sourcePath="gone" destinationPath="users" mode="replace"/></execute></forEach>',
      USERS,
    );
    // The first call's after empties users; bob's iteration then finds no node: user stays empty.
    expect(runProgram(compiled).calls.map((c) => c.input)).toEqual([{ user: { alias: 'ann' } }, { user: '' }]);
  });

  describe('snapshots', () => {
    const respond = (op: { procedure: string }, input: Record<string, unknown>) => {
      if (op.procedure === 'CreateOrganization') return { ouPath: 'OU=Contoso' };
      if (op.procedure === 'CreateMailbox') return { primarySmtpAddress: `${(input.user as any).alias}@contoso.example` };
      if (op.procedure === 'PublishZone') return { serial: 2024010101 };
      return {};
    };

    it('resuming from a JSON snapshot at every step gives the same calls and the same result', async () => {
      const reg = await shippedRegistry();
      const expected: Record<string, string> = {
        'subscribe.xml': 'done',
        'trusted-reset-mailboxes.xml': 'done',
        'change-user-plans.xml': 'done',
        'cancel.xml': 'failed',
      };
      for (const file of Object.keys(expected)) {
        const compiled = compileRequest(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'), { registry: reg, context: {}, allowTrusted: true });
        // bob's quota fails inside the trusted request's try (caught); the cancel fails for good at DeleteZone.
        const failOnBob = (op: any, input: any) =>
          (op.procedure === 'SetMailboxQuota' && op.path.includes('u[bob]')) || op.procedure === 'DeleteZone' ? ('fail' as const) : respond(op, input);
        const straight = runProgram(compiled, failOnBob);
        const resumed = runProgram(compiled, failOnBob, { resumeEachStep: true });
        expect(resumed.calls).toEqual(straight.calls);
        expect(resumed.data).toBe(straight.data);
        expect(straight.status).toBe(expected[file]);
        expect(straight.calls.length).toBeGreaterThan(1);
      }
    });

    it('next() is idempotent and complete() works on a machine recreated while the call was pending', async () => {
      const reg = await shippedRegistry();
      const compiled = compileRequest(fs.readFileSync(path.join(EXAMPLES_DIR, 'subscribe.xml'), 'utf8'), { registry: reg, context: {}, allowTrusted: false });
      const a = createMachine(compiled.program, initialState(compiled));
      const first = a.next();
      expect(a.next()).toEqual(first);
      const pending = a.snapshot();
      const b = createMachine(compiled.program, pending);
      expect(b.next()).toEqual(first);
      a.complete({ ouPath: 'OU=x' });
      createMachine(compiled.program, pending).complete({ ouPath: 'OU=x' });
      const c = createMachine(compiled.program, pending);
      c.complete({ ouPath: 'OU=x' });
      expect(c.snapshot()).toEqual(a.snapshot());
    });
  });
});
