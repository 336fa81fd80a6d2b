import { LEAF_SIGNATURES, type LeafSignature } from '../../namespaces/leaf-signatures';

/**
 * One leaf procedure as every provider sees it: how its generic input (executeData, see
 * leaf-signatures.ts) is parsed, the natural key that makes it idempotent, and the customer it
 * concerns. Defined once here and shared by the lab and every real driver, so a driver parses
 * exactly what the lab parses and implements only execute and rollback.
 */
export interface LeafDefinition<I> {
  /** `Namespace.Procedure`, a key of LEAF_SIGNATURES. */
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly signature: LeafSignature;
  /** Validates and normalizes the input; throws ProviderError.invalidInput naming the field. */
  parse(raw: Record<string, unknown>): I;
  /** The key that makes the call idempotent, e.g. `mailbox:org_…:ann`; journaled with the step. */
  naturalKey(input: I): string;
  /** The customer the call concerns, when the input names one (fault rules and logs filter on it). */
  organization(input: I): string | undefined;
}

interface LeafSpec<I> {
  parse(raw: Record<string, unknown>): I;
  naturalKey(input: NoInfer<I>): string;
  organization?(input: NoInfer<I>): string | undefined;
}

/** The input type is what `parse` returns. */
export function defineLeaf<I>(id: string, spec: LeafSpec<I>): LeafDefinition<I> {
  const signature = LEAF_SIGNATURES[id];
  if (!signature) throw new Error(`leaf procedure ${id} has no signature in LEAF_SIGNATURES`);
  const dot = id.indexOf('.');
  return {
    id,
    namespace: id.slice(0, dot),
    name: id.slice(dot + 1),
    signature,
    parse: spec.parse,
    naturalKey: spec.naturalKey,
    organization: spec.organization ? (input) => spec.organization!(input) : () => undefined,
  };
}
