import { LEAF_SIGNATURES } from '../../namespaces/leaf-signatures';
import { ProviderError } from '../provider';
import { allLeafDefinitions, LEAF_DEFINITIONS, leafDefinition, PROVIDER_NAMESPACES } from '.';

describe('shared leaf definitions', () => {
  it("define every leaf procedure of LEAF_SIGNATURES once, except the catalog's Plans", () => {
    const defined = allLeafDefinitions()
      .map((d) => d.id)
      .sort();
    const signed = Object.keys(LEAF_SIGNATURES)
      .filter((id) => !id.startsWith('Plans.'))
      .sort();
    expect(defined).toEqual(signed);
    for (const ns of PROVIDER_NAMESPACES) {
      for (const [name, def] of Object.entries(LEAF_DEFINITIONS[ns])) expect(def).toMatchObject({ namespace: ns, name, id: `${ns}.${name}` });
    }
    expect(leafDefinition('Plans.CommitQuota')).toBeUndefined();
    expect(leafDefinition('Exchange.toString')).toBeUndefined();
  });

  it('parse, key and attribute an input the way every provider will see it', () => {
    const def = leafDefinition('Exchange.CreateMailbox')!;
    const input = def.parse({
      organization: { id: 'org_1', domain: 'Contoso.Example.' },
      user: { alias: 'Ann', displayName: ' Ann Lee ', mailboxSizeMb: '2048', extra: 'ignored' },
    });
    expect(input).toEqual({ organizationId: 'org_1', domain: 'contoso.example', alias: 'ann', displayName: 'Ann Lee', mailboxSizeMb: 2048 });
    expect(def.naturalKey(input)).toBe('mailbox:org_1:ann');
    expect(def.organization(input)).toBe('org_1');
    expect(() => def.parse({ organization: { id: 'org_1', domain: 'contoso.example' }, user: { alias: 'ann', displayName: 'Ann' } })).toThrow(ProviderError);
  });

  it('give the same record the same natural key however it is written', () => {
    const def = leafDefinition('DNS.AddRecord')!;
    const key = (record: Record<string, string>) => def.naturalKey(def.parse({ zone: { name: 'contoso.example' }, record }));
    expect(key({ name: 'WWW.contoso.example.', type: 'a', value: '192.0.2.1' })).toBe(key({ name: 'www', type: 'A', value: '192.0.2.1', ttl: '300' }));
    // DNS procedures name only the zone: no customer unless the input names one.
    expect(def.organization(def.parse({ zone: { name: 'contoso.example' }, record: { name: '@', type: 'TXT', value: 'x' } }))).toBeUndefined();
  });
});
