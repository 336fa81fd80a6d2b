import * as fs from 'node:fs';
import * as path from 'node:path';
import { namespaceDoc, registryWith, shippedDocuments } from '../../../test/helpers/language';
import type { LeafProcedure, Provider } from '../providers/provider';
import { LEAF_SIGNATURES } from './leaf-signatures';
import { DOCUMENTS_DIR, NamespaceLoadError, NamespaceRegistry } from './namespace-registry';

async function loadError(promise: Promise<unknown>): Promise<NamespaceLoadError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof NamespaceLoadError) return e;
    throw e;
  }
  throw new Error('expected the registry to refuse loading');
}

const call = (ns: string, proc: string) => `<execute namespace="${ns}" procedure="${proc}"/>`;
const proc = (name: string, body: string, access = 'public') => `<procedure name="${name}" access="${access}">${body}</procedure>`;

function leaf(namespace: string, name: string, kind: 'read' | 'write' = 'write', withRollback = true): LeafProcedure {
  return {
    namespace,
    name,
    kind,
    description: `test ${name}`,
    parseInput: (raw) => raw,
    naturalKey: () => name,
    retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    execute: async () => ({ output: {} }),
    ...(withRollback && { rollback: async () => undefined }),
  };
}

describe('NamespaceRegistry', () => {
  it('loads the shipped documents, validated by libxml2 against namespace.xsd when asked (as this test does)', async () => {
    const registry = await NamespaceRegistry.load([], { validateXsd: true });
    const composite = registry.namespaces().filter((n) => n.kind === 'composite');
    expect(composite.map((n) => n.name)).toEqual(['Hosted DNS', 'Hosted Organization', 'Hosted Sites', 'Hosted User']);
    const procedures = Object.fromEntries(composite.map((n) => [n.name, n.procedures.map((p) => `${p.name}:${p.access}`)]));
    expect(procedures).toEqual({
      'Hosted DNS': ['AddRecords:public', 'RemoveRecords:public'],
      'Hosted Organization': ['Subscribe:public', 'ChangePlan:public', 'Suspend:public', 'Resume:public', 'Cancel:public'],
      'Hosted Sites': ['CreateSite:public', 'DeleteSite:public'],
      'Hosted User': [
        'Create:public',
        'ChangePlan:public',
        'Delete:public',
        'AddUsers:public',
        'ChangePlans:public',
        'RemoveUsers:public',
        'WipeDevice:public',
      ],
    });
    expect(registry.document('Hosted User')).toBe(fs.readFileSync(path.join(DOCUMENTS_DIR, 'hosted-user.xml'), 'utf8'));
    expect(registry.namespace('Hosted User')!.procedures[0].input).toEqual({
      organization: ['id', 'domain'],
      'policy?': ['name'],
      user: ['alias', 'displayName', 'mailboxSizeMb', 'activesync?', 'sip?', 'im?', 'presence?', 'federation?', 'conferencing?'],
    });
  });

  it('knows every leaf procedure by its signature when no provider registered it', async () => {
    const registry = await NamespaceRegistry.load([], { documents: [] });
    const leaves = registry.namespaces().filter((n) => n.kind === 'leaf');
    expect(leaves.map((n) => n.name)).toEqual(['Communications', 'DNS', 'Directory', 'Exchange', 'Mobility', 'Plans', 'SharePoint']);
    expect(leaves.flatMap((n) => n.procedures.map((p) => `${n.name}.${p.name}`)).sort()).toEqual(Object.keys(LEAF_SIGNATURES).sort());
    expect(registry.leaf('Directory', 'CreateUser')).toBeUndefined();
    expect(registry.leafRef('Directory', 'CreateUser')).toMatchObject({ kind: 'write' });
    expect(registry.resolve('Directory', 'GetUser')).toMatchObject({ type: 'leaf', leaf: { kind: 'read' } });
    expect(registry.namespace('DNS')!.procedures.find((p) => p.name === 'PublishZone')).toEqual({
      name: 'PublishZone',
      access: 'trusted',
      kind: 'write',
      summary: LEAF_SIGNATURES['DNS.PublishZone'].summary,
      input: { zone: ['name'] },
      output: ['serial'],
    });
    expect(registry.document('DNS')).toBeUndefined();
  });

  it('prefers a provider implementation and accepts procedures beyond the signatures', async () => {
    const create = leaf('Directory', 'CreateUser');
    const provider: Provider = { name: 'test', procedures: [create, leaf('Billing', 'Charge')] };
    const registry = await NamespaceRegistry.load([provider], { documents: [] });
    expect(registry.leaf('Directory', 'CreateUser')).toBe(create);
    expect(registry.hasNamespace('Billing')).toBe(true);
    expect(registry.resolve('Billing', 'Charge')).toMatchObject({ type: 'leaf', leaf: { kind: 'write', summary: 'test Charge' } });
  });

  it('refuses providers that register a procedure twice, a write without rollback, or the wrong kind', async () => {
    const e = await loadError(
      NamespaceRegistry.load(
        [
          {
            name: 'a',
            procedures: [leaf('DNS', 'AddRecord'), leaf('DNS', 'AddRecord'), leaf('DNS', 'DeleteZone', 'write', false), leaf('DNS', 'GetZone', 'write')],
          },
        ],
        { documents: [] },
      ),
    );
    expect(e.problems).toEqual([
      'leaf procedure DNS.AddRecord is registered twice (provider a)',
      'leaf procedure DNS.DeleteZone (provider a) is a write procedure without rollback',
      'leaf procedure DNS.GetZone (provider a) is write, its signature says read',
    ]);
  });

  it('rejects a cycle between composite procedures, naming it', async () => {
    const e = await loadError(
      registryWith([
        namespaceDoc('Test A', proc('X', call('Test B', 'Y'))),
        namespaceDoc('Test B', proc('Y', call('DNS', 'GetZone') + call('Test C', 'Z'))),
        namespaceDoc('Test C', proc('Z', call('Test A', 'X'))),
      ]),
    );
    expect(e.message).toContain('Composite procedures call each other in a cycle: Test A.X → Test B.Y → Test C.Z → Test A.X');
  });

  it('rejects a procedure that calls itself', async () => {
    const e = await loadError(
      registryWith([namespaceDoc('Test Self', proc('Loop', `<when source="data" sourcePath="more">${call('Test Self', 'Loop')}</when>`))]),
    );
    expect(e.message).toContain('cycle: Test Self.Loop → Test Self.Loop');
  });

  it('rejects calls to procedures that do not exist and to private procedures of another namespace', async () => {
    const e = await loadError(
      registryWith([
        namespaceDoc('Test Callee', proc('Hidden', call('DNS', 'GetZone'), 'private')),
        namespaceDoc('Test Caller', proc('Go', call('DNS', 'Fly') + call('Nowhere', 'X') + call('Test Callee', 'Hidden'))),
      ]),
    );
    expect(e.problems).toEqual([
      'Test Caller.Go (line 3): calls DNS.Fly, which does not exist',
      'Test Caller.Go (line 3): calls Nowhere.X, but there is no namespace "Nowhere"',
      'Test Caller.Go (line 3): calls Test Callee.Hidden, which is private to namespace Test Callee',
    ]);
  });

  it('rejects a composite namespace named like a leaf namespace or defined twice', async () => {
    const e = await loadError(
      registryWith([namespaceDoc('DNS', proc('X', call('DNS', 'GetZone'))), namespaceDoc('Hosted User', proc('X', call('DNS', 'GetZone')))]),
    );
    expect(e.problems).toEqual([
      expect.stringContaining('namespace "DNS" is already a leaf namespace'),
      expect.stringContaining('namespace "Hosted User" is defined twice'),
    ]);
  });

  it('rejects bad paths and sources in a body', async () => {
    const e = await loadError(
      registryWith(
        [
          namespaceDoc(
            'Test Paths',
            proc('P', '<forEach name="u" path="a | b"><execute namespace="DNS" procedure="GetZone"><before source="v"/></execute></forEach>'),
          ),
        ],
        { shipped: false },
      ),
    );
    expect(e.problems).toEqual([
      expect.stringContaining('forEach path "a | b" must be a relative location path'),
      expect.stringContaining('before source "v" is neither'),
    ]);
  });

  it('rejects nesting deeper than 16 composite levels', async () => {
    const docs = Array.from({ length: 17 }, (_, i) => namespaceDoc(`Nest${i + 1}`, proc('Go', i < 16 ? call(`Nest${i + 2}`, 'Go') : call('DNS', 'GetZone'))));
    const e = await loadError(registryWith(docs, { shipped: false }));
    expect(e.problems[0]).toContain('Nest1.Go: composite procedures nest 17 levels deep (at most 16)');
    await expect(registryWith(docs.slice(1), { shipped: false })).resolves.toBeInstanceOf(NamespaceRegistry);
  });

  it('reports schema violations found by libxml2 and by the structure reader, with the file name', async () => {
    const bad = namespaceDoc(
      'Test Bad',
      '<procedure name="P" access="internal"><execute namespace="DNS" procedure="GetZone"><after/><before source="data"/></execute></procedure>',
    );
    const e = await loadError(NamespaceRegistry.load([], { documents: [...shippedDocuments(), { file: 'bad.xml', xml: bad }] }));
    const text = e.problems.join('\n');
    // libxml2 (xmllint-wasm) …
    expect(text).toMatch(/bad\.xml:3: .*'internal' is not an element of the set/);
    // … and our own reader agree.
    expect(text).toMatch(/bad\.xml: The namespace document does not match its schema: .*access must be one of public, private/);
    expect(text).toContain('before is out of order');
  });

  it('rejects documents that are not safe XML', async () => {
    const e = await loadError(
      NamespaceRegistry.load([], {
        documents: [{ file: 'evil.xml', xml: '<!DOCTYPE n [<!ENTITY x SYSTEM "file:///etc/passwd">]><namespace/>' }],
        validateXsd: false,
      }),
    );
    expect(e.problems).toEqual([expect.stringContaining('evil.xml: DOCTYPE declarations')]);
  });
});
