import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { AppConfig } from '../../config/app-config';
import { catalogPlugin } from '../../catalog/catalog.plugin';
import { ordersPlugin } from '../../orders/orders.plugin';
import { createLabProvider } from '../providers/lab';
import type { Provider } from '../providers/provider';
import { type RunHookRegistry, runHooks } from './run-hooks';

/** What a plugin gets to build its providers in an engine process. */
export interface EngineSetup {
  /** A pool for providers whose store lives in this database (default durability; not the engine's journal pool). */
  pool: Pool;
  config: AppConfig;
  log: Logger;
}

/**
 * How other modules extend the engines without touching the engine: providers for leaf
 * namespaces, and run hooks (e.g. the orders module moving its order when its run ends).
 * Add your plugin to ENGINE_PLUGINS with one line.
 */
export interface EnginePlugin {
  name: string;
  /** Providers this plugin contributes in engine processes. */
  providers?(setup: EngineSetup): Provider[] | Promise<Provider[]>;
  /**
   * Registers run hooks. Called once per process, in engines *and* in the API (operator actions
   * change run statuses there), before any run changes status.
   */
  registerHooks?(hooks: RunHookRegistry): void;
}

/** The built-in lab platform, when LAB_ENABLED (the default). */
const labPlugin: EnginePlugin = {
  name: 'lab',
  providers: ({ pool, config }) => (config.labEnabled ? [createLabProvider(pool)] : []),
};

export const ENGINE_PLUGINS: EnginePlugin[] = [labPlugin, catalogPlugin, ordersPlugin];

let hooksRegistered = false;

/** Registers every plugin's run hooks on the process-wide registry, once. */
export function registerPluginHooks(hooks: RunHookRegistry = runHooks): void {
  if (hooks === runHooks) {
    if (hooksRegistered) return;
    hooksRegistered = true;
  }
  for (const p of ENGINE_PLUGINS) p.registerHooks?.(hooks);
}

/** Every plugin's providers for one engine process. */
export async function pluginProviders(setup: EngineSetup): Promise<Provider[]> {
  const out: Provider[] = [];
  for (const p of ENGINE_PLUGINS) if (p.providers) out.push(...(await p.providers(setup)));
  return out;
}
