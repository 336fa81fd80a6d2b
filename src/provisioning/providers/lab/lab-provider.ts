import type { Pool } from 'pg';
import { sqlOfPg } from '../../../database/sql';
import { defineProvider, type LeafImplementation, type NamespaceImplementation, type ProviderImplementations } from '../define-provider';
import { LEAF_DEFINITIONS, type LeafDefinition, type ProviderNamespace } from '../leaves';
import type { Provider } from '../provider';
import { FaultInjector, type FaultInjectorOptions, type FaultPhase } from './lab-faults';
import type { LabImplementation, LabNamespace } from './lab-procedure';
import { foreignParentMirrors } from './lab-foreign-parents.store';
import { labSetPassword } from './lab-password.store';
import { labState } from './lab-state.store';
import { LabStore } from './lab.store';
import { communicationsLab } from './procedures/communications.procedures';
import { directoryLab } from './procedures/directory.procedures';
import { dnsLab } from './procedures/dns.procedures';
import { exchangeLab } from './procedures/exchange.procedures';
import { mobilityLab } from './procedures/mobility.procedures';
import { sharePointLab } from './procedures/sharepoint.procedures';

/** The lab implements every leaf namespace but `Plans` (the catalog's). */
const LAB: { [N in ProviderNamespace]: LabNamespace<N> } = {
  Directory: directoryLab,
  Exchange: exchangeLab,
  Mobility: mobilityLab,
  DNS: dnsLab,
  Communications: communicationsLab,
  SharePoint: sharePointLab,
};

export const LAB_NAMESPACES = Object.keys(LAB) as ProviderNamespace[];

export interface LabProviderOptions {
  faults?: FaultInjectorOptions;
  /** The namespaces the lab serves here (default: all of LAB_NAMESPACES). */
  namespaces?: readonly ProviderNamespace[];
}

/**
 * Wires one lab procedure: fault injection around every call (latency and injected errors before
 * it; a simulated engine crash after its write committed), the store bound in (a guarded one when
 * the call was admitted from the cached fault configuration).
 */
function wire<I>(
  def: LeafDefinition<I>,
  impl: LabImplementation<I>,
  store: LabStore,
  faults: FaultInjector,
  mirror?: (s: LabStore, input: I) => Promise<void>,
): LeafImplementation<I> {
  const guarded = <T>(phase: FaultPhase, input: I, ctxOrg: string | null | undefined, call: (store: LabStore) => Promise<T>): Promise<T> =>
    faults.run(def.id, phase, ctxOrg ?? def.organization(input) ?? null, store, call);
  const rollback = impl.rollback;
  return {
    execute: (input, ctx) =>
      guarded('execute', input, ctx?.organizationId, async (s) => {
        if (mirror) await mirror(s, input);
        return impl.execute(s, input, ctx);
      }),
    ...(rollback && { rollback: (input: I, data: unknown, ctx) => guarded('rollback', input, ctx?.organizationId, (s) => rollback(s, input, data, ctx)) }),
  };
}

function wireNamespace<N extends ProviderNamespace>(
  namespace: N,
  store: LabStore,
  faults: FaultInjector,
  mirrors: ReturnType<typeof foreignParentMirrors>,
): NamespaceImplementation<N> {
  const defs = LEAF_DEFINITIONS[namespace] as Record<string, LeafDefinition<unknown>>;
  const impls = LAB[namespace] as Record<string, LabImplementation<unknown>>;
  return Object.fromEntries(
    Object.entries(defs).map(([name, def]) => [name, wire(def, impls[name], store, faults, mirrors[def.id])]),
  ) as NamespaceImplementation<N>;
}

/**
 * The lab provider (name `lab`): the simulated platform in the `lab` schema, through `pool`. Each
 * write runs in its own transaction on that pool, never inside the engine's journal transaction.
 */
export function createLabProvider(pool: Pool, opts: LabProviderOptions = {}): Provider {
  const store = new LabStore(pool);
  const faults = new FaultInjector(pool, opts.faults);
  const implementations: ProviderImplementations = {};
  const served = opts.namespaces ?? LAB_NAMESPACES;
  // Parents kept by another provider (the directory on OpenLDAP) are mirrored for the lab's foreign keys.
  const mirrors = foreignParentMirrors(served);
  for (const namespace of served) {
    (implementations as Record<string, unknown>)[namespace] = wireNamespace(namespace, store, faults, mirrors);
  }
  const directory = served.includes('Directory');
  return defineProvider({
    name: 'lab',
    implementations,
    operations: directory ? { 'Directory.SetUserPassword': (i) => labSetPassword(pool, i) } : {},
    inventory: async (organizationId) => ({ ...(await labState(sqlOfPg(pool), organizationId)) }),
    probe: () => store.probe(),
  });
}
