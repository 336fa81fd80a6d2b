import type { RunStatus } from './run-status';

/** Why a run failed (or why its compensation got stuck): what the response's errorContext shows. */
export interface RunError {
  code: string;
  message: string;
  retryable: boolean;
  /** `execute` when a step failed, `rollback` when a compensation failed. */
  phase: 'execute' | 'rollback';
  namespace?: string;
  procedure?: string;
  /** The step's readable path (`2/u[bob]/Exchange.CreateMailbox`). */
  path?: string;
  /** Journal seq of the failed attempt. */
  stepSeq?: number;
  details?: Record<string, unknown>;
}

/** A provisioning run as other modules see it (without the heavy program and state documents). */
export interface RunRow {
  id: string;
  seq: number;
  status: RunStatus;
  kind: 'trusted' | 'simple';
  onFailure: 'rollback' | 'park';
  priority: number;
  serializationKey: string | null;
  organizationId: string | null;
  organizationPath: string | null;
  orderId: string | null;
  createdByUserId: string | null;
  createdByOrgId: string | null;
  leaseOwner: string | null;
  leaseEpoch: number;
  leaseExpiresAt: Date | null;
  notBefore: Date;
  /** Attempts made of the current step (reset when it completes). */
  attempts: number;
  /** Journal rows written so far (the seq of the last one). */
  stepCount: number;
  error: RunError | null;
  responseXml: string | null;
  parkedReason: string | null;
  resolutionReason: string | null;
  resolvedByUserId: string | null;
  namespaceVersions: Record<string, string>;
  createdAt: Date;
  updatedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** A provisioning_runs row as the database returns the RunRow columns (RUN_COLUMNS, runs.store.ts). */
export interface RunRecord {
  id: string;
  /** bigserial: pg returns it as text. */
  seq: string | number;
  status: RunStatus;
  kind: RunRow['kind'];
  on_failure: RunRow['onFailure'];
  priority: number;
  serialization_key: string | null;
  organization_id: string | null;
  organization_path: string | null;
  order_id: string | null;
  created_by_user_id: string | null;
  created_by_org_id: string | null;
  lease_owner: string | null;
  lease_epoch: number;
  lease_expires_at: Date | null;
  not_before: Date;
  attempts: number;
  step_count: number;
  error: RunError | null;
  response_xml: string | null;
  parked_reason: string | null;
  resolution_reason: string | null;
  resolved_by_user_id: string | null;
  namespace_versions: Record<string, string> | null;
  created_at: Date;
  updated_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

/** The one mapper from a run row to what other modules see. */
export function toRunRow(r: RunRecord): RunRow {
  return {
    id: r.id,
    seq: Number(r.seq),
    status: r.status,
    kind: r.kind,
    onFailure: r.on_failure,
    priority: r.priority,
    serializationKey: r.serialization_key ?? null,
    organizationId: r.organization_id ?? null,
    organizationPath: r.organization_path ?? null,
    orderId: r.order_id ?? null,
    createdByUserId: r.created_by_user_id ?? null,
    createdByOrgId: r.created_by_org_id ?? null,
    leaseOwner: r.lease_owner ?? null,
    leaseEpoch: r.lease_epoch,
    leaseExpiresAt: r.lease_expires_at ?? null,
    notBefore: r.not_before,
    attempts: r.attempts,
    stepCount: r.step_count,
    error: r.error ?? null,
    responseXml: r.response_xml ?? null,
    parkedReason: r.parked_reason ?? null,
    resolutionReason: r.resolution_reason ?? null,
    resolvedByUserId: r.resolved_by_user_id ?? null,
    namespaceVersions: r.namespace_versions ?? {},
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    startedAt: r.started_at ?? null,
    finishedAt: r.finished_at ?? null,
  };
}
