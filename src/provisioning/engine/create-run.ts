import type { Sql } from '../../database/sql';
import { newId } from '../../common/ids';
import type { CompiledRequest } from '../language/program';
import { initialStateOf } from './machine-binding';
import { runColumns, type RunRow, toRunRow } from './run-row';

/** The channel engines LISTEN on; a notification means "there may be something to claim". */
export const RUNS_CHANNEL = 'provisio_runs';

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
  const state = initialStateOf(compiled);
  const r = await sql.query(
    `WITH ins AS (
       INSERT INTO provisioning_runs (id, status, kind, on_failure, priority, serialization_key, program, initial_state, state, request_xml,
                                      organization_id, organization_path, order_id, created_by_user_id, created_by_org_id,
                                      namespace_versions, not_before)
       VALUES ($1, 'queued', $2, $3, $4, $5, $6::jsonb, $7::jsonb, $7::jsonb, $8,
               $9, $10, $11, $12, $13,
               $14::jsonb, COALESCE($15::timestamptz, now()))
       RETURNING ${runColumns()})
     SELECT ins.*, pg_notify('${RUNS_CHANNEL}', '') AS notified FROM ins`,
    [
      input.id ?? newId('run'),
      compiled.kind,
      compiled.program.onFailure,
      input.priority ?? DEFAULT_RUN_PRIORITY,
      input.serializationKey ?? null,
      JSON.stringify(compiled.program),
      JSON.stringify(state),
      compiled.requestXml,
      input.organizationId ?? null,
      input.organizationPath ?? null,
      input.orderId ?? null,
      input.createdBy?.userId ?? null,
      input.createdBy?.userOrgId ?? null,
      JSON.stringify(compiled.program.namespaceVersions ?? {}),
      input.notBefore ? input.notBefore.toISOString() : null,
    ],
  );
  return toRunRow(r.rows[0]);
}
