import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RUN_STATUSES } from '../engine/run-status';

const iso = (d: unknown): string | null => (d === null || d === undefined ? null : new Date(d as string).toISOString());

export class RunErrorView {
  @ApiProperty({ example: 'LAB_PERMANENT' }) code: string;
  @ApiProperty() message: string;
  @ApiProperty() retryable: boolean;
  @ApiProperty({ enum: ['execute', 'rollback'], description: '`rollback`: a compensation failed (the run needs attention)' }) phase: string;
  @ApiPropertyOptional() namespace?: string;
  @ApiPropertyOptional() procedure?: string;
  @ApiPropertyOptional({ example: '4/u[bob]/Hosted User.Create/2/Exchange.CreateMailbox' }) path?: string;
  @ApiPropertyOptional({ description: 'journal seq of the failed attempt' }) stepSeq?: number;
  @ApiPropertyOptional({ type: Object }) details?: Record<string, unknown>;
}

export class CurrentStepView {
  @ApiProperty({ description: 'program counter' }) pc: number;
  @ApiProperty() path: string;
  @ApiPropertyOptional() namespace?: string;
  @ApiPropertyOptional() procedure?: string;
}

export class LeaseView {
  @ApiProperty({ description: 'the engine holding the run' }) engineId: string;
  @ApiProperty({ description: 'increases with every claim; writes of older epochs are fenced off' }) epoch: number;
  @ApiProperty() expiresAt: string;
}

export class RunView {
  @ApiProperty({ example: 'run_01jdx3m5v8k2q9w7e4r6t1y0ab' }) id: string;
  @ApiProperty({ enum: RUN_STATUSES }) status: string;
  @ApiProperty({ enum: ['trusted', 'simple'] }) kind: string;
  @ApiProperty({ enum: ['rollback', 'park'] }) onFailure: string;
  @ApiProperty({ description: 'lower runs first' }) priority: number;
  @ApiPropertyOptional({ type: String, description: 'runs with the same key run one at a time, in creation order' }) serializationKey: string | null;
  @ApiPropertyOptional({ type: String }) organizationId: string | null;
  @ApiPropertyOptional({ type: String }) orderId: string | null;
  @ApiPropertyOptional({ type: String }) createdByUserId: string | null;
  @ApiProperty({ description: 'attempts made of the current step' }) attempts: number;
  @ApiProperty({ description: 'journal entries (steps and rollbacks, every attempt)' }) journalEntries: number;
  @ApiPropertyOptional({ type: CurrentStepView, nullable: true, description: 'where the program stands (queued, running, parked runs)' }) currentStep: CurrentStepView | null;
  @ApiPropertyOptional({ type: LeaseView, nullable: true }) lease: LeaseView | null;
  @ApiPropertyOptional({ type: RunErrorView, nullable: true }) error: RunErrorView | null;
  @ApiProperty({ description: 'not retried before this time (back-off)' }) notBefore: string;
  @ApiPropertyOptional({ type: String }) parkedReason: string | null;
  @ApiPropertyOptional({ type: String }) resolutionReason: string | null;
  @ApiPropertyOptional({ type: String }) resolvedByUserId: string | null;
  @ApiProperty({ type: Object, description: 'composite namespace → version the program was compiled with' }) namespaceVersions: Record<string, string>;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ type: String }) startedAt: string | null;
  @ApiPropertyOptional({ type: String }) finishedAt: string | null;
  @ApiProperty() updatedAt: string;
}

export class StepView {
  @ApiProperty({ description: 'position in the run\'s journal' }) seq: number;
  @ApiProperty({ enum: ['execute', 'rollback'] }) phase: string;
  @ApiProperty() path: string;
  @ApiProperty() namespace: string;
  @ApiProperty() procedure: string;
  @ApiProperty({ enum: ['read', 'write'] }) kind: string;
  @ApiProperty({ enum: ['completed', 'failed'] }) status: string;
  @ApiProperty({ description: 'the attempt may have taken effect (timeout, engine died)' }) outcomeUnknown: boolean;
  @ApiPropertyOptional({ type: Number, description: 'rollbacks: the seq of the step they undo' }) compensatesSeq: number | null;
  @ApiProperty() attempt: number;
  @ApiProperty() engineId: string;
  @ApiProperty() leaseEpoch: number;
  @ApiPropertyOptional({ type: String }) naturalKey: string | null;
  @ApiPropertyOptional({ type: Object }) input: unknown;
  @ApiPropertyOptional({ type: Object }) output: unknown;
  @ApiPropertyOptional({ type: Object, nullable: true }) error: unknown;
  @ApiProperty() startedAt: string;
  @ApiProperty() finishedAt: string;
  @ApiProperty() durationMs: number;
}

export class RunDetailView extends RunView {
  @ApiProperty({ type: StepView, isArray: true, description: 'the timeline: every step and rollback attempt' }) steps: StepView[];
  @ApiPropertyOptional({ type: String, description: 'the response document (application/xml text) once the run stopped' }) responseXml: string | null;
}

export class RunPage {
  @ApiProperty({ type: RunView, isArray: true }) items: RunView[];
  @ApiPropertyOptional({ type: String }) nextCursor: string | null;
}

export class StepPage {
  @ApiProperty({ type: StepView, isArray: true }) items: StepView[];
}

/** Columns the views read (`r` = provisioning_runs). */
export const RUN_VIEW_COLUMNS = `r.id, r.seq, r.status, r.kind, r.on_failure, r.priority, r.serialization_key, r.organization_id, r.order_id,
  r.created_by_user_id, r.attempts, r.step_count, r.lease_owner, r.lease_epoch, r.lease_expires_at, r.error, r.not_before,
  r.parked_reason, r.resolution_reason, r.resolved_by_user_id, r.namespace_versions, r.created_at, r.started_at, r.finished_at, r.updated_at,
  CASE WHEN r.status IN ('queued', 'running', 'parked') THEN (r.state->>'pc')::int END AS current_pc,
  CASE WHEN r.status IN ('queued', 'running', 'parked') THEN r.program->'ops'->((r.state->>'pc')::int) END AS current_op`;

export function runView(r: any): RunView {
  const op = r.current_op;
  const leased = r.lease_owner && r.lease_expires_at;
  return {
    id: r.id,
    status: r.status,
    kind: r.kind,
    onFailure: r.on_failure,
    priority: r.priority,
    serializationKey: r.serialization_key ?? null,
    organizationId: r.organization_id ?? null,
    orderId: r.order_id ?? null,
    createdByUserId: r.created_by_user_id ?? null,
    attempts: r.attempts,
    journalEntries: r.step_count,
    currentStep: op ? { pc: r.current_pc, path: op.path, namespace: op.namespace, procedure: op.procedure } : null,
    lease: leased ? { engineId: r.lease_owner, epoch: r.lease_epoch, expiresAt: iso(r.lease_expires_at)! } : null,
    error: r.error ?? null,
    notBefore: iso(r.not_before)!,
    parkedReason: r.parked_reason ?? null,
    resolutionReason: r.resolution_reason ?? null,
    resolvedByUserId: r.resolved_by_user_id ?? null,
    namespaceVersions: r.namespace_versions ?? {},
    createdAt: iso(r.created_at)!,
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
    updatedAt: iso(r.updated_at)!,
  };
}

export function stepView(s: any): StepView {
  return {
    seq: s.seq,
    phase: s.phase,
    path: s.path,
    namespace: s.namespace,
    procedure: s.procedure,
    kind: s.kind,
    status: s.status,
    outcomeUnknown: s.outcome_unknown,
    compensatesSeq: s.compensates_seq ?? null,
    attempt: s.attempt,
    engineId: s.engine_id,
    leaseEpoch: s.lease_epoch,
    naturalKey: s.natural_key ?? null,
    input: s.input ?? null,
    output: s.output ?? null,
    error: s.error ?? null,
    startedAt: iso(s.started_at)!,
    finishedAt: iso(s.finished_at)!,
    durationMs: Math.round(s.duration_ms * 1000) / 1000,
  };
}
