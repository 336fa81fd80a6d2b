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

/** The columns behind RunRow, for SELECT and RETURNING lists (prefix with a table alias when needed). */
export function runColumns(alias?: string): string {
  const a = alias ? `${alias}.` : '';
  return [
    'id', 'seq', 'status', 'kind', 'on_failure', 'priority', 'serialization_key', 'organization_id', 'organization_path', 'order_id',
    'created_by_user_id', 'created_by_org_id', 'lease_owner', 'lease_epoch', 'lease_expires_at', 'not_before', 'attempts', 'step_count',
    'error', 'response_xml', 'parked_reason', 'resolution_reason', 'resolved_by_user_id', 'namespace_versions', 'created_at', 'updated_at',
    'started_at', 'finished_at',
  ]
    .map((c) => a + c)
    .join(', ');
}

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : date(v));
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : (v as T));

export function toRunRow(r: Record<string, any>): RunRow {
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
    leaseExpiresAt: dateOrNull(r.lease_expires_at),
    notBefore: date(r.not_before),
    attempts: r.attempts,
    stepCount: r.step_count,
    error: r.error ? json<RunError>(r.error) : null,
    responseXml: r.response_xml ?? null,
    parkedReason: r.parked_reason ?? null,
    resolutionReason: r.resolution_reason ?? null,
    resolvedByUserId: r.resolved_by_user_id ?? null,
    namespaceVersions: r.namespace_versions ? json<Record<string, string>>(r.namespace_versions) : {},
    createdAt: date(r.created_at),
    updatedAt: date(r.updated_at),
    startedAt: dateOrNull(r.started_at),
    finishedAt: dateOrNull(r.finished_at),
  };
}
