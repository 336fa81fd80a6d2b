import { DEFAULT_RETRY, type ExecuteResult, type LeafProcedure, type ProcedureContext, type Provider, type RetryPolicy } from './provider';
import { fieldSpec } from '../namespaces/leaf-signatures';
import { type InputOf, LEAF_DEFINITIONS, type LeafDefinition, type LeafName, type ProviderNamespace } from './leaves';

/** What a driver writes for one leaf procedure: its effect and its undo, on the parsed input. */
export interface LeafImplementation<I> {
  execute(input: I, ctx: ProcedureContext): Promise<ExecuteResult<Record<string, unknown>, unknown>>;
  /**
   * Required for write procedures. Idempotent ("already gone" is success) and able to work with
   * `rollbackData` undefined, from the input alone: a step whose outcome is unknown (the engine
   * died mid-call) is compensated without any rollback data journaled.
   */
  rollback?(input: I, rollbackData: unknown, ctx: ProcedureContext): Promise<void>;
  /** Default: reads 3 attempts from 100 ms, writes DEFAULT_RETRY. */
  retry?: RetryPolicy;
}

/** Every procedure of namespace N, typed by its shared definition. */
export type NamespaceImplementation<N extends ProviderNamespace> = { [P in LeafName<N>]: LeafImplementation<InputOf<N, P>> };

export type ProviderImplementations = { [N in ProviderNamespace]?: NamespaceImplementation<N> };

export interface ProviderSpec {
  name: string;
  /** The namespaces it serves, each implemented completely. */
  implementations: ProviderImplementations;
  operations?: Provider['operations'];
  inventory?: Provider['inventory'];
  probe?: Provider['probe'];
  close?: Provider['close'];
}

/** Reads are cheap to repeat; writes back off a little longer (the platform may be busy). */
export const READ_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 2_000 };

/** `entity.field` → required/optional, for GET /v1/namespaces. */
function inputDoc(def: LeafDefinition<unknown>): Record<string, string> {
  const doc: Record<string, string> = {};
  for (const [entity, fields] of Object.entries(def.signature.input)) {
    for (const spec of fields) {
      const { name, required } = fieldSpec(spec);
      doc[`${entity}.${name}`] = required ? 'required' : 'optional';
    }
  }
  return doc;
}

/** One leaf procedure as the engine calls it: the shared parsing and key, the driver's effect. */
export function leafProcedure<I>(def: LeafDefinition<I>, impl: LeafImplementation<I>): LeafProcedure<I> {
  const kind = def.signature.kind;
  if (kind === 'write' && !impl.rollback) throw new Error(`write procedure ${def.id} needs a rollback`);
  const procedure: LeafProcedure<I> = {
    namespace: def.namespace,
    name: def.name,
    kind,
    description: def.signature.summary,
    parseInput: (raw) => def.parse(raw ?? {}),
    naturalKey: (input) => def.naturalKey(input),
    retry: impl.retry ?? (kind === 'read' ? READ_RETRY : DEFAULT_RETRY),
    inputDoc: inputDoc(def),
    execute: (input, ctx) => impl.execute(input, ctx),
  };
  if (kind === 'write') procedure.rollback = (input, data, ctx) => impl.rollback!(input, data, ctx);
  return procedure;
}

/**
 * A provider from a driver's implementations. Throws when a served namespace is incomplete (the
 * types already demand every procedure; this guards JavaScript callers and casts).
 */
export function defineProvider(spec: ProviderSpec): Provider {
  const procedures: LeafProcedure[] = [];
  for (const namespace of Object.keys(spec.implementations) as ProviderNamespace[]) {
    const impls = spec.implementations[namespace] as Record<string, LeafImplementation<unknown>> | undefined;
    if (!impls) continue;
    const defs = LEAF_DEFINITIONS[namespace] as Record<string, LeafDefinition<unknown>>;
    const missing = Object.keys(defs).filter((p) => !impls[p]);
    const unknown = Object.keys(impls).filter((p) => !defs[p]);
    if (missing.length || unknown.length) {
      throw new Error(
        `provider ${spec.name}: ${namespace} ${missing.length ? `lacks ${missing.join(', ')}` : ''}${unknown.length ? ` has unknown procedures ${unknown.join(', ')}` : ''}`,
      );
    }
    for (const [name, def] of Object.entries(defs)) procedures.push(leafProcedure(def, impls[name]));
  }
  return { name: spec.name, procedures, operations: spec.operations, inventory: spec.inventory, probe: spec.probe, close: spec.close };
}
