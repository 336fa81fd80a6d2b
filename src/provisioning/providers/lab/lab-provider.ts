import type { Pool } from 'pg';
import { LEAF_SIGNATURES, fieldSpec } from '../../namespaces/leaf-signatures';
import { DEFAULT_RETRY, type LeafProcedure, type Provider, type RetryPolicy } from '../provider';
import { FaultInjector, type FaultInjectorOptions, type FaultPhase } from './lab-faults';
import type { LabProcedureSpec } from './lab-procedure';
import { LabStore } from './lab-store';
import { communicationsProcedures } from './procedures/communications.procedures';
import { directoryProcedures } from './procedures/directory.procedures';
import { dnsProcedures } from './procedures/dns.procedures';
import { exchangeProcedures } from './procedures/exchange.procedures';
import { mobilityProcedures } from './procedures/mobility.procedures';
import { sharePointProcedures } from './procedures/sharepoint.procedures';

/** Every lab procedure; the lab implements every leaf namespace but `Plans` (the catalog's). */
export const LAB_PROCEDURE_SPECS: LabProcedureSpec[] = [
  ...directoryProcedures,
  ...exchangeProcedures,
  ...mobilityProcedures,
  ...dnsProcedures,
  ...communicationsProcedures,
  ...sharePointProcedures,
];

export const LAB_NAMESPACES = ['Directory', 'Exchange', 'Mobility', 'DNS', 'Communications', 'SharePoint'] as const;

/** Reads are cheap to repeat; writes back off a little longer (the platform may be busy). */
const READ_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 2_000 };

export interface LabProviderOptions {
  faults?: FaultInjectorOptions;
}

function inputDoc(id: string): Record<string, string> {
  const doc: Record<string, string> = {};
  for (const [entity, fields] of Object.entries(LEAF_SIGNATURES[id].input)) {
    for (const spec of fields) {
      const { name, required } = fieldSpec(spec);
      doc[`${entity}.${name}`] = required ? 'required' : 'optional';
    }
  }
  return doc;
}

/**
 * Wires one spec into a LeafProcedure: fault injection around every call (latency and injected
 * errors before it; a simulated engine crash after its write committed), the store bound in (a
 * guarded one when the call was admitted from the cached fault configuration).
 */
function wire(spec: LabProcedureSpec, store: LabStore, faults: FaultInjector): LeafProcedure {
  const sig = LEAF_SIGNATURES[spec.id];
  const [namespace, name] = spec.id.split('.');
  const orgOf = (input: unknown, ctxOrg: string | null | undefined) => ctxOrg ?? spec.organization?.(input) ?? null;
  const guarded = <T>(phase: FaultPhase, input: unknown, ctxOrg: string | null | undefined, call: (store: LabStore) => Promise<T>): Promise<T> =>
    faults.run(spec.id, phase, orgOf(input, ctxOrg), store, call);
  const procedure: LeafProcedure = {
    namespace,
    name,
    kind: sig.kind,
    description: sig.summary,
    parseInput: (raw) => spec.parse(raw ?? {}),
    naturalKey: (input) => spec.naturalKey(input),
    retry: sig.kind === 'read' ? READ_RETRY : DEFAULT_RETRY,
    inputDoc: inputDoc(spec.id),
    execute: (input, ctx) => guarded('execute', input, ctx?.organizationId, (s) => spec.execute(s, input, ctx)),
  };
  if (sig.kind === 'write') {
    if (!spec.rollback) throw new Error(`lab write procedure ${spec.id} has no rollback`);
    const rollback = spec.rollback;
    procedure.rollback = (input, data, ctx) => guarded('rollback', input, ctx?.organizationId, (s) => rollback(s, input, data, ctx));
  }
  return procedure;
}

/**
 * The lab provider (name `lab`): every leaf procedure of LEAF_SIGNATURES except `Plans.*`, backed
 * by the `lab` schema through `pool`. Each write runs in its own transaction on that pool, never
 * inside the engine's journal transaction.
 */
export function createLabProvider(pool: Pool, opts: LabProviderOptions = {}): Provider {
  const store = new LabStore(pool);
  const faults = new FaultInjector(pool, opts.faults);
  const expected = Object.keys(LEAF_SIGNATURES).filter((id) => !id.startsWith('Plans.'));
  const have = new Set(LAB_PROCEDURE_SPECS.map((s) => s.id));
  const missing = expected.filter((id) => !have.has(id));
  if (missing.length || have.size !== LAB_PROCEDURE_SPECS.length) throw new Error(`lab provider does not match LEAF_SIGNATURES: missing ${missing.join(', ') || 'none'}`);
  return { name: 'lab', procedures: LAB_PROCEDURE_SPECS.map((s) => wire(s, store, faults)) };
}
