import { ConfigError, loadConfig } from '../config/app-config';
import { PROVIDER_NAMESPACES } from '../provisioning/providers/leaves';
import type { ProviderFactory } from './provider-catalog';
import { providerChoices, providerConfigProblems } from './providers';

const lab: ProviderFactory = { name: 'lab', namespaces: PROVIDER_NAMESPACES, create: () => ({ name: 'lab', procedures: [] }) };
const dir: ProviderFactory = {
  name: 'dir',
  namespaces: ['Directory'],
  check: (c) => (c.host === 'localhost' ? [] : [`HOST=${JSON.stringify(c.host)}: the dir provider needs HOST=localhost (stands in for its own settings)`]),
  create: () => ({ name: 'dir', procedures: [] }),
};
const catalog = [lab, dir];
const check = (env: Record<string, string>) => providerConfigProblems(loadConfig(env), catalog);

describe('provider selection (PROVIDER_<NAMESPACE>)', () => {
  it('has a variable for every configurable leaf namespace, the lab by default', () => {
    expect(providerChoices(loadConfig({}))).toEqual(Object.fromEntries(PROVIDER_NAMESPACES.map((ns) => [ns, 'lab'])));
    expect(check({})).toEqual([]);
  });

  it('names the variable of an unknown provider and of a provider that cannot serve its namespace', () => {
    expect(check({ PROVIDER_DNS: 'bind', PROVIDER_MOBILITY: 'dir', PROVIDER_DIRECTORY: 'dir', HOST: 'localhost' })).toEqual([
      'PROVIDER_MOBILITY="dir": the dir provider does not serve Mobility (it serves Directory)',
      'PROVIDER_DNS="bind": no provider of that name (known: lab, dir)',
    ]);
  });

  it('checks the settings of the providers chosen, and only of those', () => {
    expect(check({ PROVIDER_DIRECTORY: 'dir' })).toEqual(['HOST="127.0.0.1": the dir provider needs HOST=localhost (stands in for its own settings)']);
    expect(check({ HOST: 'example' })).toEqual([]);
  });

  it('fails start-up listing bad provider choices with every other bad variable', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ PORT: 'eighty', PROVIDER_DNS: 'Bad Name!', PROVIDER_SHAREPOINT: 'nope' }, [(c) => providerConfigProblems(c, catalog)]);
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems).toEqual([
      'PORT="eighty": must be an integer',
      'PROVIDER_DNS="Bad Name!": must be a provider name such as lab',
      'PROVIDER_SHAREPOINT="nope": no provider of that name (known: lab, dir)',
    ]);
  });
});
