import { defineProvider, leafProcedure, type NamespaceImplementation } from './define-provider';
import { leafDefinition } from './leaves';
import { ProviderSet } from './provider-set';
import { ProviderError, type Provider } from './provider';

/** A DNS "platform" in a Map: enough to exercise the provider plumbing, not a platform under test. */
function memoryDns(name = 'memory-dns'): { provider: Provider; zones: Map<string, { published: boolean }> } {
  const zones = new Map<string, { published: boolean }>();
  const dns: NamespaceImplementation<'DNS'> = {
    CreateZone: {
      execute: async (i) => (zones.set(i.zone, zones.get(i.zone) ?? { published: false }), { output: {} }),
      rollback: async (i) => void zones.delete(i.zone),
    },
    PublishZone: { execute: async (i) => ((zones.get(i.zone)!.published = true), { output: { serial: 1 } }), rollback: async () => undefined },
    DeleteZone: { execute: async (i) => (zones.delete(i.zone), { output: {} }), rollback: async () => undefined },
    AddRecord: { execute: async () => ({ output: {} }), rollback: async () => undefined },
    RemoveRecord: { execute: async () => ({ output: {} }), rollback: async () => undefined },
    GetZone: {
      execute: async (i) => {
        const z = zones.get(i.zone);
        if (!z) throw new ProviderError('ZONE_NOT_FOUND', `no zone ${i.zone}`, false);
        return { output: { published: z.published, records: [] } };
      },
    },
  };
  return { provider: defineProvider({ name, implementations: { DNS: dns } }), zones };
}

describe('defineProvider and ProviderSet', () => {
  it("builds procedures that parse with the shared definitions and call only the driver's effect", async () => {
    const { provider, zones } = memoryDns();
    expect(provider.procedures.map((p) => p.name).sort()).toEqual(['AddRecord', 'CreateZone', 'DeleteZone', 'GetZone', 'PublishZone', 'RemoveRecord']);
    const create = provider.procedures.find((p) => p.name === 'CreateZone')!;
    const input = create.parseInput({ organization: { id: 'org_1' }, zone: { name: 'Contoso.Example' } });
    expect(create.naturalKey(input)).toBe('dns-zone:contoso.example');
    await create.execute(input, { runId: 'run_1', stepSeq: 1, attempt: 1, engineId: 'eng_1', organizationId: 'org_1' });
    expect([...zones.keys()]).toEqual(['contoso.example']);
    expect(provider.procedures.find((p) => p.name === 'GetZone')).toMatchObject({ kind: 'read', retry: { maxAttempts: 3 } });
  });

  it('refuses an incomplete namespace and a write without rollback', () => {
    expect(() =>
      defineProvider({
        name: 'half',
        implementations: { DNS: { CreateZone: { execute: async () => ({ output: {} }), rollback: async () => undefined } } as never },
      }),
    ).toThrow(/DNS lacks PublishZone/);
    expect(() => leafProcedure(leafDefinition('DNS.AddRecord')!, { execute: async () => ({ output: {} }) })).toThrow(/DNS.AddRecord needs a rollback/);
    expect(leafProcedure(leafDefinition('DNS.GetZone')!, { execute: async () => ({ output: {} }) }).rollback).toBeUndefined();
  });

  it('knows which provider serves which namespace, and names every namespace left without one', () => {
    const set = new ProviderSet([memoryDns().provider]);
    expect(set.forNamespace('DNS')?.name).toBe('memory-dns');
    expect(set.unservedNamespaces()).toEqual(['Directory', 'Exchange', 'Mobility', 'Communications', 'SharePoint', 'Plans']);
    expect(() => set.requireEveryNamespace()).toThrow(
      /No provider serves the leaf namespaces Directory, Exchange, Mobility, Communications, SharePoint, Plans: set PROVIDER_DIRECTORY, /,
    );
    expect(() => new ProviderSet([memoryDns('a').provider, memoryDns('b').provider])).toThrow(/DNS is served by two providers: a and b/);
    const partial = memoryDns('partial').provider;
    expect(() => new ProviderSet([{ ...partial, procedures: partial.procedures.filter((p) => p.name !== 'GetZone') }])).toThrow(
      /partial serves DNS without DNS.GetZone/,
    );
  });

  it('calls read procedures directly (nothing journaled) and refuses writes outside runs', async () => {
    const { provider } = memoryDns();
    const set = new ProviderSet([provider]);
    await expect(set.read('DNS.GetZone', { zone: { name: 'contoso.example' } }, { organizationId: 'org_1' })).rejects.toMatchObject({ code: 'ZONE_NOT_FOUND' });
    await expect(set.read('DNS.GetZone', { zone: { name: 'not a domain' } }, { organizationId: null })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(set.read('DNS.CreateZone', { organization: { id: 'org_1' }, zone: { name: 'contoso.example' } }, { organizationId: 'org_1' })).rejects.toThrow(
      /writes happen only in provisioning runs/,
    );
    await expect(set.read('Mobility.GetDevices', {}, { organizationId: null })).rejects.toMatchObject({ code: 'PROCEDURE_UNAVAILABLE' });
    const slow = {
      ...provider,
      procedures: provider.procedures.map((p) => (p.name === 'GetZone' ? { ...p, execute: () => new Promise<never>(() => undefined) } : p)),
    };
    await expect(
      new ProviderSet([slow]).read('DNS.GetZone', { zone: { name: 'contoso.example' } }, { organizationId: null, timeoutMs: 20 }),
    ).rejects.toMatchObject({ code: 'PROVIDER_TIMEOUT', retryable: true });
  });

  it('probes every provider without ever throwing', async () => {
    const up = { ...memoryDns('up').provider, probe: async () => ({ ok: true }) };
    const broken = { name: 'broken', procedures: [], probe: async () => Promise.reject(new Error('boom')) };
    expect(await new ProviderSet([up, broken]).probe()).toEqual([
      { provider: 'up', namespaces: ['DNS'], ok: true },
      { provider: 'broken', namespaces: [], ok: false, detail: 'probe failed: boom' },
    ]);
  });
});
