import { compileTrusted, namespaceDoc, problemOf, registryWith, runProgram, shippedRegistry } from '../../../test/helpers/language';
import type { NamespaceRegistry } from '../namespaces/namespace-registry';
import { createMachine, initialState } from './machine';
import type { CallOp, CompiledRequest, ForkOp, MachineState, ParallelMachine, ReadyCall } from './program';

/**
 * Parallel forEach (`parallel="N"`) in the program machine: what `ready()` offers, how branches
 * settle, fail and resume. The engine side (journal, fencing, natural keys) has its own tests.
 */

const ORG = '<organization id="org_1" domain="contoso.example"/>';
const users = (n: number) => `<users>${Array.from({ length: n }, (_, i) => `<user alias="u${i + 1}"/>`).join('')}</users>`;
/** One GetUser per user, its output mapped next to the user (each iteration writes its own node). */
const perUser = (parallel: string, inner = '') =>
  `<forEach name="u" path="users/user"${parallel}><execute namespace="Directory" procedure="GetUser"><before source="u" sourcePath="@alias" destinationPath="user" mode="merge"/><after sourcePath="user" destinationPath="seen" mode="insert"/></execute>${inner}</forEach>`;

const aliasOf = (c: ReadyCall) => (c.input!.user as { alias: string }).alias;

function calls(m: ParallelMachine): ReadyCall[] {
  const r = m.ready();
  if (r.kind !== 'calls') throw new Error('expected calls, the program is done');
  return r.calls;
}

/** Resume from a JSON round trip of the snapshot, as an engine taking the run over would. */
function resumed(compiled: CompiledRequest, m: ParallelMachine): ParallelMachine {
  return createMachine(compiled.program, JSON.parse(JSON.stringify(m.snapshot())) as MachineState);
}

/** Runs every ready call, newest first (the opposite of program order), until the end. */
function drainReverse(
  compiled: CompiledRequest,
  m: ParallelMachine,
  answer = (c: ReadyCall) => ({ user: { alias: aliasOf(c), seen: 'yes' } }),
): { data: string; maxReady: number; order: string[] } {
  let maxReady = 0;
  const order: string[] = [];
  for (let guard = 0; guard < 10_000; guard++) {
    const r = m.ready();
    if (r.kind === 'done') return { data: r.data, maxReady, order };
    maxReady = Math.max(maxReady, r.calls.length);
    for (const c of r.calls) m.start(c.pc);
    const last = r.calls[r.calls.length - 1];
    order.push(aliasOf(last));
    expect(m.completeCall(last.pc, answer(last))).toBe('continue');
  }
  throw new Error('program did not finish');
}

describe('parallel forEach', () => {
  let registry: NamespaceRegistry;
  beforeAll(async () => {
    registry = await shippedRegistry();
  });

  describe('compilation', () => {
    it('puts a fork op ahead of the unrolled iterations, saying where each starts', () => {
      const compiled = compileTrusted(registry, perUser(' parallel="3"'), ORG + users(4));
      const [fork, ...rest] = compiled.program.ops;
      expect(fork).toMatchObject({ op: 'fork', limit: 3, starts: [1, 2, 3, 4], endAt: 5 });
      expect(rest.map((o) => (o as CallOp).path)).toEqual([
        '1/u[u1]/Directory.GetUser',
        '1/u[u2]/Directory.GetUser',
        '1/u[u3]/Directory.GetUser',
        '1/u[u4]/Directory.GetUser',
      ]);
      expect(compiled.program.callCount).toBe(4);
    });

    it('compiles to a plain forEach when parallel is 1 or there is a single iteration', () => {
      expect(compileTrusted(registry, perUser(' parallel="1"'), ORG + users(3)).program.ops.map((o) => o.op)).toEqual(['call', 'call', 'call']);
      expect(compileTrusted(registry, perUser(' parallel="8"'), ORG + users(1)).program.ops.map((o) => o.op)).toEqual(['call']);
    });

    it('refuses a parallel attribute outside 1..64', () => {
      for (const bad of ['0', '65', 'two', '-1'])
        expect(problemOf(() => compileTrusted(registry, perUser(` parallel="${bad}"`), ORG + users(2))).code).toBe('XML_SCHEMA_VIOLATION');
    });

    it('accepts the attribute in namespace documents and expands composite calls in each iteration', async () => {
      const reg = await registryWith([
        namespaceDoc(
          'Bulk',
          `<procedure name="Add" access="public"><forEach name="u" path="users/user" parallel="2"><execute namespace="Hosted User" procedure="Create"><before source="data" sourcePath="organization" mode="insert"/><before source="u" mode="insert"/></execute></forEach></procedure>`,
        ),
      ]);
      const compiled = compileTrusted(
        reg,
        '<execute namespace="Bulk" procedure="Add"><before source="data" sourcePath="*" mode="insert"/></execute>',
        ORG + users(3).replace(/alias="(\w+)"/g, 'alias="$1" displayName="D" mailboxSizeMb="1024"'),
      );
      const fork = compiled.program.ops.find((o): o is ForkOp => o.op === 'fork')!;
      expect(fork.starts).toHaveLength(3);
      // Each iteration is enter … exit of Hosted User.Create, nothing shared between them.
      for (const start of fork.starts) expect(compiled.program.ops[start].op).toBe('enter');
    });
  });

  describe('ready(): several calls at a time', () => {
    it('offers at most `parallel` calls, in iteration order, and the next iteration as one ends', () => {
      const compiled = compileTrusted(registry, perUser(' parallel="2"'), ORG + users(5));
      const m = createMachine(compiled.program, initialState(compiled));
      let ready = calls(m);
      expect(ready.map(aliasOf)).toEqual(['u1', 'u2']);
      expect(ready.map((c) => c.iteration)).toEqual([0, 1]);
      m.start(ready[0].pc);
      m.start(ready[1].pc);
      expect(m.completeCall(ready[1].pc, { user: { alias: 'u2' } })).toBe('continue');
      ready = calls(m);
      expect(ready.map((c) => [aliasOf(c), c.started])).toEqual([
        ['u1', true],
        ['u3', false],
      ]);
    });

    it('ends with the same data as one call at a time, whatever order the calls finish in', () => {
      const compiled = compileTrusted(registry, perUser(' parallel="3"'), ORG + users(7));
      const parallel = drainReverse(compiled, createMachine(compiled.program, initialState(compiled)));
      expect(parallel.maxReady).toBe(3);
      expect(parallel.order).not.toEqual(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7']);
      const sequential = runProgram(compileTrusted(registry, perUser(''), ORG + users(7)), (_op, input) => ({
        user: { alias: (input.user as { alias: string }).alias, seen: 'yes' },
      }));
      const sorted = (xml: string) => [...xml.matchAll(/<user alias="(u\d)" seen="yes"\/>/g)].map((x) => x[1]).sort();
      expect(sorted(parallel.data)).toEqual(sorted(sequential.data!));
      expect(sorted(parallel.data)).toHaveLength(7);
    });

    it('next() steps over the fork: the iterations run one after the other, as a plain forEach', () => {
      const run = runProgram(compileTrusted(registry, perUser(' parallel="4"'), ORG + users(4)), () => ({}), { resumeEachStep: true });
      expect(run.status).toBe('done');
      expect(run.calls.map((c) => c.path)).toEqual([
        '1/u[u1]/Directory.GetUser',
        '1/u[u2]/Directory.GetUser',
        '1/u[u3]/Directory.GetUser',
        '1/u[u4]/Directory.GetUser',
      ]);
    });

    it('a state saved with calls in flight resumes with those calls marked started, the others not', () => {
      const compiled = compileTrusted(registry, perUser(' parallel="3"'), ORG + users(4));
      const m = createMachine(compiled.program, initialState(compiled));
      const first = calls(m);
      m.start(first[0].pc);
      m.start(first[2].pc);
      const again = resumed(compiled, m);
      expect(calls(again).map((c) => [aliasOf(c), c.started])).toEqual([
        ['u1', true],
        ['u2', false],
        ['u3', true],
      ]);
      const rest = drainReverse(compiled, again);
      expect(rest.order.sort()).toEqual(['u1', 'u2', 'u3', 'u4']);
    });

    it('a call whose input cannot be built is offered with its mapping error, the others run', () => {
      const body = `<forEach name="u" path="users/user" parallel="2"><execute namespace="Directory" procedure="GetUser"><before source="u" sourcePath="@alias[" destinationPath="user" mode="merge"/></execute></forEach>`;
      const compiled = compileTrusted(registry, body.replace('@alias[', '@alias'), ORG + users(2));
      // Make the first iteration's path unevaluable after compilation (the compiler rejects it otherwise).
      const broken = structuredClone(compiled);
      const first = broken.program.ops[1] as CallOp; // iterations share their mapping objects: replace, don't edit
      first.before = [{ ...first.before[0], sourcePath: 'count(' }];
      const ready = calls(createMachine(broken.program, initialState(broken)));
      expect(ready[0].mappingError).toBeDefined();
      expect(ready[0].input).toBeUndefined();
      expect(ready[1].input).toEqual({ user: { alias: 'u2' } });
    });
  });

  describe('failures', () => {
    it('a failed branch stops new calls; the started ones settle, then the run fails and its state retries the failed call', () => {
      const compiled = compileTrusted(registry, perUser(' parallel="3"'), ORG + users(6));
      const m = createMachine(compiled.program, initialState(compiled));
      const [c1, c2, c3] = calls(m);
      [c1, c2, c3].forEach((c) => m.start(c.pc));
      expect(m.failCall(c2.pc)).toBe('continue');
      // Only what is in flight is offered while failing; no new iteration starts.
      expect(calls(m).map(aliasOf)).toEqual(['u1', 'u3']);
      expect(resumed(compiled, m).snapshot().region).toMatchObject({ failing: true });
      expect(m.completeCall(c1.pc, {})).toBe('continue');
      expect(m.completeCall(c3.pc, {})).toBe('unhandled');
      // An operator's retry: the failed call runs again, then the iterations not yet done.
      const retry = resumed(compiled, m);
      const again = calls(retry);
      expect(again.map((c) => [aliasOf(c), c.started])).toEqual([
        ['u2', false],
        ['u4', false],
        ['u5', false],
      ]);
      expect(drainReverse(compiled, retry).order.sort()).toEqual(['u2', 'u4', 'u5', 'u6']);
    });

    it('the last started call to settle hands the failure to a try around the forEach', () => {
      const body = `<try>${perUser(' parallel="2"')}<catch><execute namespace="DNS" procedure="GetZone"><executeData><zone name="fallback.example"/></executeData></execute></catch></try>`;
      const compiled = compileTrusted(registry, body, ORG + users(4));
      const m = createMachine(compiled.program, initialState(compiled));
      const [c1, c2] = calls(m);
      m.start(c1.pc);
      m.start(c2.pc);
      expect(m.failCall(c1.pc)).toBe('continue');
      expect(m.failCall(c2.pc)).toBe('caught');
      const after = calls(m);
      expect(after).toHaveLength(1);
      expect(after[0].op.path).toBe('1.catch.1/DNS.GetZone');
      expect(m.snapshot().region).toBeUndefined();
    });

    it('a try inside the iteration handles its branch alone; the other branches go on', () => {
      const inner = `<try><execute namespace="DNS" procedure="GetZone"><executeData><zone name="a.example"/></executeData></execute><catch><execute namespace="DNS" procedure="GetZone"><executeData><zone name="b.example"/></executeData></execute></catch></try>`;
      const compiled = compileTrusted(registry, `<forEach name="u" path="users/user" parallel="2">${inner}</forEach>`, ORG + users(2));
      const m = createMachine(compiled.program, initialState(compiled));
      const [c1, c2] = calls(m);
      m.start(c1.pc);
      m.start(c2.pc);
      expect(m.failCall(c1.pc)).toBe('caught');
      const ready = calls(m);
      expect(ready.map((c) => [c.op.path, c.started])).toEqual([
        ['1/u[u1]/catch.1/DNS.GetZone', false],
        ['1/u[u2]/1/DNS.GetZone', true],
      ]);
      expect(m.completeCall(ready[1].pc, {})).toBe('continue');
      expect(m.completeCall(ready[0].pc, {})).toBe('continue');
      expect(m.ready().kind).toBe('done');
    });
  });

  it('a parallel forEach inside an iteration of another runs its iterations one at a time', () => {
    const body = `<forEach name="g" path="groups/group" parallel="2"><forEach name="u" root="g" path="user" parallel="5"><execute namespace="Directory" procedure="GetUser"><before source="u" sourcePath="@alias" destinationPath="user" mode="merge"/></execute></forEach></forEach>`;
    const data =
      ORG + '<groups><group name="a"><user alias="a1"/><user alias="a2"/></group><group name="b"><user alias="b1"/><user alias="b2"/></group></groups>';
    const compiled = compileTrusted(registry, body, data);
    const m = createMachine(compiled.program, initialState(compiled));
    expect(calls(m).map(aliasOf)).toEqual(['a1', 'b1']);
    expect(drainReverse(compiled, m).order).toEqual(['b1', 'b2', 'a1', 'a2']);
  });
});
