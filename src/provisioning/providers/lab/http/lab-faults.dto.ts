import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { LEAF_SIGNATURES } from '../../../namespaces/leaf-signatures';
import { FAULT_EFFECTS, FAULT_PHASES, type FaultEffect, type FaultPhase } from '../lab-faults';

const PROCEDURES = Object.keys(LEAF_SIGNATURES);
const ORG_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

export class FaultRuleRequest {
  @ApiProperty({ example: 'Exchange.CreateMailbox', description: 'a leaf procedure, `Namespace.Procedure`' })
  @IsString()
  @IsIn(PROCEDURES, { message: 'procedure must be a leaf procedure such as Exchange.CreateMailbox' })
  procedure: string;

  @ApiProperty({
    enum: FAULT_EFFECTS,
    description: '`transient` (retryable LAB_TRANSIENT), `permanent` (LAB_PERMANENT), `exit` (an engine process SIGKILLs itself after the write committed)',
  })
  @IsIn(FAULT_EFFECTS)
  effect: FaultEffect;

  @ApiProperty({ example: 3, description: 'the next n matching calls' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  times: number;

  @ApiPropertyOptional({ enum: FAULT_PHASES, default: 'execute', description: 'hit the execution or the rollback of the procedure' })
  @IsOptional()
  @IsIn(FAULT_PHASES)
  phase?: FaultPhase;

  @ApiPropertyOptional({ example: 'org_01jdx3m5v8k2q9w7e4r6t1y0ab', description: 'only calls for this organization' })
  @IsOptional()
  @IsString()
  @Matches(ORG_ID, { message: 'organizationId must be an organization id' })
  organizationId?: string;
}

/** PUT replaces the whole configuration: an omitted field takes its default (no fault). */
export class LabFaultsRequest {
  @ApiPropertyOptional({ default: 0, maximum: 60_000, description: 'added to every lab call (ms)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60_000)
  latencyMs?: number;

  @ApiPropertyOptional({ default: 0, maximum: 60_000, description: 'extra random latency, uniform in [0, jitterMs]' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60_000)
  jitterMs?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: 1, description: 'probability that a call fails with a retryable LAB_TRANSIENT' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  transientErrorRate?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: 1, description: 'probability that an execution (never a rollback) fails with LAB_PERMANENT' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  permanentErrorRate?: number;

  @ApiPropertyOptional({ type: FaultRuleRequest, isArray: true, default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => FaultRuleRequest)
  rules?: FaultRuleRequest[];
}

export class LabStateQuery {
  @ApiProperty({ example: 'org_01jdx3m5v8k2q9w7e4r6t1y0ab', description: 'the customer organization' })
  @IsString()
  @Matches(ORG_ID, { message: 'organization must be an organization id' })
  organization: string;
}

export class LabDeviceSyncRequest {
  @ApiProperty({ example: 'org_01jdx3m5v8k2q9w7e4r6t1y0ab' })
  @IsString()
  @Matches(ORG_ID, { message: 'organizationId must be an organization id' })
  organizationId: string;
  @ApiProperty({ example: 'ann', description: 'a user enabled for mobility' })
  @IsString()
  @Matches(/^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$/, { message: 'alias must be a user alias' })
  alias: string;
  @ApiProperty({ example: 'iphone-7f3a' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'deviceId must be 1-64 letters, digits, "_" or "-"' })
  deviceId: string;
  @ApiPropertyOptional({ example: 'iPhone 15' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9 ._()-]{1,64}$/, { message: 'model must be 1-64 letters, digits, spaces or . _ ( ) -' })
  model?: string;
}
