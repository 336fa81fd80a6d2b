import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../common/pagination/cursor';
import { ID_PATTERN } from '../../common/ids';
import { IsTimestamp } from '../../common/validation/timestamp';

const ID_MESSAGE = '$property must be an id such as org_01jdx3m5v8k2q9w7e4r6t1y0ab';
const TEXT = /^[\x21-\x7e]+$/;

/** The filters shared by the list and the export. Every filter narrows (AND). */
export class AuditFilterQuery {
  @ApiPropertyOptional({ example: '2026-11-01T00:00:00Z', description: 'events at or after this time (ISO 8601)' })
  @IsOptional()
  @IsTimestamp()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z', description: 'events before this time (ISO 8601, exclusive)' })
  @IsOptional()
  @IsTimestamp()
  to?: string;

  @ApiPropertyOptional({ description: 'the user who acted (for delegated actions: the reseller user)' })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  actorUser?: string;

  @ApiPropertyOptional({ description: 'the organization of the user who acted' })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  actorOrganization?: string;

  @ApiPropertyOptional({ description: 'events concerning this organization **and everything under it** (must be in your scope)' })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  organization?: string;

  @ApiPropertyOptional({ description: 'actions taken with a delegated token on behalf of this customer organization' })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  onBehalfOf?: string;

  @ApiPropertyOptional({ description: 'actions taken under this delegation' })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  delegation?: string;

  @ApiPropertyOptional({
    example: 'order.',
    description: 'exact action (`order.placed`), or a prefix ending in `.` or `*` (`order.`, `delegation.*`, `auth*`)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[a-z0-9_.:-]+\*?$/, { message: 'action must be lower-case letters, digits, ".", "_", ":" or "-", optionally ending in "*"' })
  action?: string;

  @ApiPropertyOptional({ example: 'organization' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9_.-]+$/, { message: 'resourceType must be lower-case letters, digits, ".", "_" or "-"' })
  resourceType?: string;

  @ApiPropertyOptional({ description: 'resource id (with or without resourceType)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(TEXT, { message: 'resourceId must be printable ASCII without spaces' })
  resourceId?: string;

  @ApiPropertyOptional({ enum: ['success', 'failure', 'denied'] })
  @IsOptional()
  @IsIn(['success', 'failure', 'denied'])
  outcome?: 'success' | 'failure' | 'denied';

  @ApiPropertyOptional({ description: 'the X-Request-Id of the request that caused the event' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(TEXT, { message: 'requestId must be printable ASCII without spaces' })
  requestId?: string;
}

export class AuditListQuery extends AuditFilterQuery {
  @ApiPropertyOptional({ enum: ['desc', 'asc'], default: 'desc', description: 'by sequence number: newest first (default) or oldest first' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: "opaque cursor from a previous page's nextCursor (keep the same filters and order)" })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'is not a valid cursor' })
  cursor?: string;
}

export class AuditExportQuery extends AuditFilterQuery {
  @ApiPropertyOptional({
    enum: ['ndjson', 'csv'],
    default: 'ndjson',
    description: 'NDJSON (one verifiable record per line) or CSV (header row, RFC 4180 quoting)',
  })
  @IsOptional()
  @IsIn(['ndjson', 'csv'])
  format?: 'ndjson' | 'csv';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc', description: 'oldest first by default, the order `provisio audit verify` reads' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}

export class VerifyQuery {
  @ApiPropertyOptional({ minimum: 1, description: 'first sequence number to check (default 1)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  fromSeq?: number;

  @ApiPropertyOptional({ minimum: 1, description: 'last sequence number to check (default: the chain head)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  toSeq?: number;
}

export class CheckpointListQuery extends PageQuery {}
