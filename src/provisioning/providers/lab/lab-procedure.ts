import { LEAF_SIGNATURES } from '../../namespaces/leaf-signatures';
import type { ExecuteResult, ProcedureContext } from '../provider';
import type { LabStore } from './lab-store';

/**
 * One lab procedure before wiring: the signature (kind, summary, documented fields) comes from
 * LEAF_SIGNATURES, so the lab cannot drift from what the composite namespaces call.
 */
export interface LabProcedureSpec<I = any> {
  /** `Namespace.Procedure`, a key of LEAF_SIGNATURES. */
  id: string;
  parse(raw: Record<string, unknown>): I;
  naturalKey(input: I): string;
  /** The customer the call concerns (fault rules filter on it), when the input names one. */
  organization?(input: I): string | undefined;
  execute(store: LabStore, input: I, ctx: ProcedureContext): Promise<ExecuteResult<Record<string, unknown>, any>>;
  /** Required for `write` procedures; must be idempotent and work without rollback data. */
  rollback?(store: LabStore, input: I, rollbackData: any, ctx: ProcedureContext): Promise<void>;
}

export function labProcedure<I>(spec: LabProcedureSpec<I>): LabProcedureSpec<I> {
  if (!LEAF_SIGNATURES[spec.id]) throw new Error(`lab procedure ${spec.id} has no leaf signature`);
  return spec;
}

/** The run that owns what a call creates (see `created_by_run`); null outside runs. */
export function runOf(ctx: ProcedureContext): string | null {
  return ctx?.runId ?? null;
}

/** Outputs carry no secrets and only primitives or arrays of flat objects. */
export function isoOrNull(v: unknown): string | null {
  return v ? new Date(v as string).toISOString() : null;
}
