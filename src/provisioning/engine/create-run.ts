import type { Sql } from '../../database/sql';
import { newId } from '../../common/ids';
import type { CompiledRequest } from '../language/program';
import { initialStateOf } from './machine-binding';
import { type RunRow, toRunRow } from './run-row';
import { insertRun } from './runs.store';

export { RUNS_CHANNEL } from './runs.store';

/** Lower runs first. */
export const DEFAULT_RUN_PRIORITY = 100;

/** Who created a run: a user and that user's own organization (identity's Principal fits). */
export interface RunCreator {
  userId: string;
  userOrgId: string;
}

export interface CreateRunInput {
  compiled: CompiledRequest;
  /** The customer the run provisions (scopes who may see it). */
  organizationId?: string | null;
  /** Its materialized path (scopes who may see the run); give it with organizationId. */
  organizationPath?: string | null;
  /** Runs with the same key never interleave and run in creation order (e.g. `org:<id>`). */
  serializationKey?: string | null;
  /** Lower runs first; default 100. */
  priority?: number;
  orderId?: string | null;
  createdBy?: RunCreator | null;
  /** Do not start before this time. */
  notBefore?: Date | null;
  /** A pre-allocated id (`run_…`), e.g. to write it into the request's context first. */
  id?: string;
}

/**
 * Inserts a queued run and wakes the engines. Call it inside the caller's transaction (an order
 * and its run commit together): `pg_notify` is transactional, delivered only at commit.
 * Audit is the caller's: it knows the business action (`order.placed`, `request.submitted`).
 */
export async function createRun(sql: Sql, input: CreateRunInput): Promise<RunRow> {
  const { compiled } = input;
  const row = await insertRun(sql, {
    id: input.id ?? newId('run'),
    kind: compiled.kind,
    onFailure: compiled.program.onFailure,
    priority: input.priority ?? DEFAULT_RUN_PRIORITY,
    serializationKey: input.serializationKey ?? null,
    program: JSON.stringify(compiled.program),
    initialState: JSON.stringify(initialStateOf(compiled)),
    namespaceVersions: JSON.stringify(compiled.program.namespaceVersions ?? {}),
    requestXml: compiled.requestXml,
    organizationId: input.organizationId ?? null,
    organizationPath: input.organizationPath ?? null,
    orderId: input.orderId ?? null,
    createdByUserId: input.createdBy?.userId ?? null,
    createdByOrgId: input.createdBy?.userOrgId ?? null,
    notBefore: input.notBefore ? input.notBefore.toISOString() : null,
  });
  return toRunRow(row);
}
