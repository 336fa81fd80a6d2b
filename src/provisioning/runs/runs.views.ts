import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { iso } from '../../common/iso';
import { type RunError, type RunRow, toRunRow } from '../engine/run-row';
import { RUN_STATUSES } from '../engine/run-status';
import type { RunViewRecord, StepRecord } from './runs.store';

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
  @ApiPropertyOptional({ type: String, description: 'runs with the same key run one at a time, in creation order', nullable: true }) serializationKey:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) organizationId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) orderId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) createdByUserId: string | null;
  @ApiProperty({ description: 'attempts made of the current step' }) attempts: number;
  @ApiProperty({ description: 'journal entries (steps and rollbacks, every attempt)' }) journalEntries: number;
  @ApiPropertyOptional({ type: CurrentStepView, nullable: true, description: 'where the program stands (queued, running, parked runs)' })
  currentStep: CurrentStepView | null;
  @ApiPropertyOptional({ type: LeaseView, nullable: true }) lease: LeaseView | null;
  @ApiPropertyOptional({ type: RunErrorView, nullable: true }) error: RunError | null;
  @ApiProperty({ description: 'not retried before this time (back-off)' }) notBefore: string;
  @ApiPropertyOptional({ type: String, nullable: true }) parkedReason: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) resolutionReason: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) resolvedByUserId: string | null;
  @ApiProperty({ type: Object, description: 'composite namespace → version the program was compiled with' }) namespaceVersions: Record<string, string>;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ type: String, nullable: true }) startedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) finishedAt: string | null;
  @ApiProperty() updatedAt: string;
}

export class StepView {
  @ApiProperty({ description: "position in the run's journal" }) seq: number;
  @ApiProperty({ enum: ['execute', 'rollback'] }) phase: string;
  @ApiProperty() path: string;
  @ApiProperty() namespace: string;
  @ApiProperty() procedure: string;
  @ApiProperty({ enum: ['read', 'write'] }) kind: string;
  @ApiProperty({ enum: ['completed', 'failed'] }) status: string;
  @ApiProperty({ description: 'the attempt may have taken effect (timeout, engine died)' }) outcomeUnknown: boolean;
  @ApiPropertyOptional({ type: Number, description: 'rollbacks: the seq of the step they undo', nullable: true }) compensatesSeq: number | null;
  @ApiProperty() attempt: number;
  @ApiProperty() engineId: string;
  @ApiProperty() leaseEpoch: number;
  @ApiPropertyOptional({ type: String, nullable: true }) naturalKey: string | null;
  @ApiPropertyOptional({ type: Object }) input: unknown;
  @ApiPropertyOptional({ type: Object, nullable: true, description: 'what the procedure returned; null when it returned nothing' }) output: unknown;
  @ApiPropertyOptional({ type: Object, nullable: true }) error: unknown;
  @ApiProperty() startedAt: string;
  @ApiProperty() finishedAt: string;
  @ApiProperty() durationMs: number;
}

export class RunDetailView extends RunView {
  @ApiProperty({ type: StepView, isArray: true, description: 'the timeline: every step and rollback attempt' }) steps: StepView[];
  @ApiPropertyOptional({ type: String, description: 'the response document (application/xml text) once the run stopped', nullable: true }) responseXml:
    string | null;
}

export class RunPage {
  @ApiProperty({ type: RunView, isArray: true }) items: RunView[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor: string | null;
}

export class StepPage {
  @ApiProperty({ type: StepView, isArray: true }) items: StepView[];
}

/** The API view of a run; `current` is where its program stands (queued, running, parked runs). */
export function runView(r: RunRow, current: CurrentStepView | null): RunView {
  return {
    id: r.id,
    status: r.status,
    kind: r.kind,
    onFailure: r.onFailure,
    priority: r.priority,
    serializationKey: r.serializationKey,
    organizationId: r.organizationId,
    orderId: r.orderId,
    createdByUserId: r.createdByUserId,
    attempts: r.attempts,
    journalEntries: r.stepCount,
    currentStep: current,
    lease: r.leaseOwner && r.leaseExpiresAt ? { engineId: r.leaseOwner, epoch: r.leaseEpoch, expiresAt: r.leaseExpiresAt.toISOString() } : null,
    error: r.error,
    notBefore: r.notBefore.toISOString(),
    parkedReason: r.parkedReason,
    resolutionReason: r.resolutionReason,
    resolvedByUserId: r.resolvedByUserId,
    namespaceVersions: r.namespaceVersions,
    createdAt: r.createdAt.toISOString(),
    startedAt: iso(r.startedAt),
    finishedAt: iso(r.finishedAt),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** A run row with its current step, as the store reads it, to the API view. */
export function runViewOf(r: RunViewRecord): RunView {
  const op = r.current_op;
  return runView(toRunRow(r), op && r.current_pc !== null ? { pc: r.current_pc, path: op.path, namespace: op.namespace, procedure: op.procedure } : null);
}

export function stepView(s: StepRecord): StepView {
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
    startedAt: s.started_at.toISOString(),
    finishedAt: s.finished_at.toISOString(),
    durationMs: Math.round(s.duration_ms * 1000) / 1000,
  };
}
