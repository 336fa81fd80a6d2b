import { communicationsLeaves } from './communications.leaves';
import { directoryLeaves } from './directory.leaves';
import { dnsLeaves } from './dns.leaves';
import { exchangeLeaves } from './exchange.leaves';
import type { LeafDefinition } from './leaf-definition';
import { mobilityLeaves } from './mobility.leaves';
import { sharePointLeaves } from './sharepoint.leaves';

/**
 * Every leaf procedure a provider may implement, by namespace and procedure name: one definition
 * each (parse, natural key, customer), shared by all providers. `Plans` is not here: the catalog
 * owns that namespace and its provider (catalog/plans-provider.ts).
 */
export const LEAF_DEFINITIONS = {
  Directory: directoryLeaves,
  Exchange: exchangeLeaves,
  Mobility: mobilityLeaves,
  DNS: dnsLeaves,
  Communications: communicationsLeaves,
  SharePoint: sharePointLeaves,
};

/** The leaf namespaces served by configurable providers (`PROVIDER_<NAMESPACE>`). */
export type ProviderNamespace = keyof typeof LEAF_DEFINITIONS;
export const PROVIDER_NAMESPACES = Object.keys(LEAF_DEFINITIONS) as ProviderNamespace[];

type Definitions<N extends ProviderNamespace> = (typeof LEAF_DEFINITIONS)[N];
export type LeafName<N extends ProviderNamespace> = keyof Definitions<N> & string;

/** The parsed input of `N.P`, e.g. `InputOf<'Exchange', 'CreateMailbox'>`. */
export type InputOf<N extends ProviderNamespace, P extends LeafName<N>> = Definitions<N>[P] extends LeafDefinition<infer I> ? I : never;

/** Every definition, flat. */
export function allLeafDefinitions(): LeafDefinition<unknown>[] {
  return PROVIDER_NAMESPACES.flatMap((n) => Object.values(LEAF_DEFINITIONS[n]) as LeafDefinition<unknown>[]);
}

/** The definition of `Namespace.Procedure`, or undefined (unknown, or a `Plans` procedure). */
export function leafDefinition(id: string): LeafDefinition<unknown> | undefined {
  const dot = id.indexOf('.');
  const defs = LEAF_DEFINITIONS[id.slice(0, dot) as ProviderNamespace] as Record<string, LeafDefinition<unknown>> | undefined;
  return defs && Object.hasOwn(defs, id.slice(dot + 1)) ? defs[id.slice(dot + 1)] : undefined;
}

export type { LeafDefinition } from './leaf-definition';
