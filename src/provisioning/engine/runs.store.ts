import type { Sql } from '../../database/sql';
import { type RunRecord } from './run-row';

/**
 * The provisioning_runs table as the engine writes it (runs.store: creating runs; the engine's
 * hot statements are in run-lease.store.ts and journal.store.ts, the operator API's in
 * ../runs/runs.store.ts). Every run row leaves the database through RUN_COLUMNS and `toRunRow`.
 */

/** The channel engines LISTEN on; a notification means "there may be something to claim". */
export const RUNS_CHANNEL = 'provisio_runs';

/** The columns behind RunRow, for SELECT and RETURNING lists (prefix with a table alias when needed). */
export function runColumns(alias?: string): string {
  const a = alias ? `${alias}.` : '';
  return [
    'id',
    'seq',
    'status',
    'kind',
    'on_failure',
    'priority',
    'serialization_key',
    'organization_id',
    'organization_path',
    'order_id',
    'created_by_user_id',
    'created_by_org_id',
    'lease_owner',
    'lease_epoch',
    'lease_expires_at',
    'not_before',
    'attempts',
    'step_count',
    'error',
    'response_xml',
    'parked_reason',
    'resolution_reason',
    'resolved_by_user_id',
    'namespace_versions',
    'created_at',
    'updated_at',
    'started_at',
    'finished_at',
  ]
    .map((c) => a + c)
    .join(', ');
}

/** A queued run as createRun inserts it. */
export interface NewRunRecord {
  id: string;
  kind: RunRecord['kind'];
  onFailure: RunRecord['on_failure'];
  priority: number;
  serializationKey: string | null;
  /** JSON text of the program, of the initial machine state, of the namespace versions. */
  program: string;
  initialState: string;
  namespaceVersions: string;
  requestXml: string;
  organizationId: string | null;
  organizationPath: string | null;
  orderId: string | null;
  createdByUserId: string | null;
  createdByOrgId: string | null;
  notBefore: string | null;
}

const INSERT_RUN_SQL = `
WITH ins AS (
  INSERT INTO provisioning_runs (id, status, kind, on_failure, priority, serialization_key, program, initial_state, state, request_xml,
                                 organization_id, organization_path, order_id, created_by_user_id, created_by_org_id,
                                 namespace_versions, not_before)
  VALUES ($1, 'queued', $2, $3, $4, $5, $6::jsonb, $7::jsonb, $7::jsonb, $8,
          $9, $10, $11, $12, $13,
          $14::jsonb, COALESCE($15::timestamptz, now()))
  RETURNING ${runColumns()})
SELECT ins.*, pg_notify('${RUNS_CHANNEL}', '') AS notified FROM ins`;

/** Inserts a queued run and notifies the engines (delivered at the caller's commit). */
export async function insertRun(sql: Sql, r: NewRunRecord): Promise<RunRecord> {
  const res = await sql.query<RunRecord>(INSERT_RUN_SQL, [
    r.id,
    r.kind,
    r.onFailure,
    r.priority,
    r.serializationKey,
    r.program,
    r.initialState,
    r.requestXml,
    r.organizationId,
    r.organizationPath,
    r.orderId,
    r.createdByUserId,
    r.createdByOrgId,
    r.namespaceVersions,
    r.notBefore,
  ]);
  return res.rows[0];
}
