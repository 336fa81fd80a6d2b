import type { InputOf, LeafName, ProviderNamespace } from '../leaves';
import { type ExecuteResult, type ProcedureContext, ProviderError } from '../provider';
import type { LabStore } from './lab.store';

/**
 * One lab procedure before wiring: only its effect on the lab platform. Parsing, natural key and
 * the customer concerned come from the shared leaf definitions (../leaves), as for every driver.
 */
export interface LabImplementation<I> {
  execute(store: LabStore, input: I, ctx: ProcedureContext): Promise<ExecuteResult<Record<string, unknown>, unknown>>;
  /** Required for write procedures; idempotent, and works without rollback data. */
  rollback?(store: LabStore, input: I, rollbackData: unknown, ctx: ProcedureContext): Promise<void>;
}

/** The lab's implementation of every procedure of namespace N. */
export type LabNamespace<N extends ProviderNamespace> = { [P in LeafName<N>]: LabImplementation<InputOf<N, P>> };

/** The run that owns what a call creates (see `created_by_run`); null outside runs. */
export function runOf(ctx: ProcedureContext): string | null {
  return ctx?.runId ?? null;
}

/** The run of a write or a rollback: those happen only inside runs (ProviderSet.read refuses writes). */
export function writingRun(ctx: ProcedureContext): string {
  if (!ctx.runId) throw new ProviderError('INVALID_INPUT', 'lab writes and rollbacks happen only inside a provisioning run', false);
  return ctx.runId;
}
