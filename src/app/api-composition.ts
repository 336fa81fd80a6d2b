import type { DataSource } from 'typeorm';
import { rootLogger } from '../common/logging/logger';
import type { AppConfig } from '../config/app-config';
import { pgPoolOf } from '../database/sql';
import type { RunHookRegistry } from '../provisioning/engine/run-hooks';
import { NamespaceRegistry } from '../provisioning/namespaces/namespace-registry';
import type { ProviderSet } from '../provisioning/providers/provider-set';
import { buildProviders } from './providers';
import { createRunHooks } from './run-hooks';

/**
 * What the API process is wired with besides its modules, built once per app: the configured
 * providers (their read procedures and out-of-band operations, their probes), the namespace
 * registry over them (compiling requests and orders), and the run hooks operator actions fire.
 * Nest modules inject them by class (CoreModule provides them).
 */
export interface ApiComposition {
  providers: ProviderSet;
  registry: NamespaceRegistry;
  hooks: RunHookRegistry;
  /** /v1/lab routes: LAB_ENABLED and some namespace served by the lab. */
  labRoutes: boolean;
}

export async function composeApi(config: AppConfig, dataSource: DataSource): Promise<ApiComposition> {
  // Providers whose store lives in this database use the API's own pool; nothing connects until used.
  const providers = buildProviders({ config, pool: pgPoolOf(dataSource), log: rootLogger().child({ component: 'providers' }) });
  const registry = await NamespaceRegistry.load([...providers.providers]);
  return { providers, registry, hooks: createRunHooks(), labRoutes: config.labEnabled && providers.providers.some((p) => p.name === 'lab') };
}
