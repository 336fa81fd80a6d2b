import { type AppConfig, ConfigError, envNameOf, PROVIDER_SETTINGS } from '../config/app-config';
import { createPlansProvider } from '../catalog/plans-provider';
import { PROVIDER_NAMESPACES, type ProviderNamespace } from '../provisioning/providers/leaves';
import { ProviderSet } from '../provisioning/providers/provider-set';
import { PROVIDER_CATALOG, type ProviderFactory, type ProviderSetup } from './provider-catalog';

/** The provider name chosen for each configurable leaf namespace. */
export function providerChoices(config: AppConfig): Record<ProviderNamespace, string> {
  return Object.fromEntries(PROVIDER_NAMESPACES.map((ns) => [ns, config[PROVIDER_SETTINGS[ns]]])) as Record<ProviderNamespace, string>;
}

/**
 * The provider selection of a configuration, checked against the catalog: an unknown name, a
 * provider that cannot serve the namespace it was given, and the settings of every chosen provider.
 * A ConfigCheck (config/app-config.ts), so these problems are listed with every other bad variable.
 */
export function providerConfigProblems(config: AppConfig, catalog: readonly ProviderFactory[] = PROVIDER_CATALOG): string[] {
  const problems: string[] = [];
  const chosen = new Set<ProviderFactory>();
  for (const [ns, name] of Object.entries(providerChoices(config)) as [ProviderNamespace, string][]) {
    const env = envNameOf(PROVIDER_SETTINGS[ns]);
    const factory = catalog.find((f) => f.name === name);
    if (!factory) problems.push(`${env}=${JSON.stringify(name)}: no provider of that name (known: ${catalog.map((f) => f.name).join(', ')})`);
    else if (!factory.namespaces.includes(ns))
      problems.push(`${env}=${JSON.stringify(name)}: the ${name} provider does not serve ${ns} (it serves ${factory.namespaces.join(', ')})`);
    else chosen.add(factory);
  }
  for (const factory of chosen) problems.push(...(factory.check?.(config) ?? []));
  return problems;
}

/**
 * Every provider of this process: each chosen catalog provider for its namespaces, and the
 * catalog's `Plans` provider. Throws ConfigError on a bad selection and an Error naming each leaf
 * namespace left without a provider. Nothing connects before the first call.
 */
export function buildProviders(setup: ProviderSetup, catalog: readonly ProviderFactory[] = PROVIDER_CATALOG): ProviderSet {
  const problems = providerConfigProblems(setup.config, catalog);
  if (problems.length) throw new ConfigError(problems);
  const byFactory = new Map<ProviderFactory, ProviderNamespace[]>();
  for (const [ns, name] of Object.entries(providerChoices(setup.config)) as [ProviderNamespace, string][]) {
    const factory = catalog.find((f) => f.name === name)!;
    byFactory.set(factory, [...(byFactory.get(factory) ?? []), ns]);
  }
  const providers = [...byFactory].map(([factory, namespaces]) => factory.create(setup, namespaces));
  const set = new ProviderSet([...providers, createPlansProvider(setup.pool)]);
  set.requireEveryNamespace();
  return set;
}
