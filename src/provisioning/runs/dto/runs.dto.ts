import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ID_PATTERN } from '../../../common/ids';
import { PageQuery } from '../../../common/pagination/cursor';
import { IsSafeText } from '../../../common/validation/safe-text';
import { IsTimestamp } from '../../../common/validation/timestamp';
import { RUN_STATUSES } from '../../engine/run-status';

export class RunListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'one status or several, comma-separated', example: 'parked,needs_attention' })
  @IsOptional()
  @Transform(({ value }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : value,
  )
  @IsArray()
  @ArrayMaxSize(RUN_STATUSES.length)
  @IsIn(RUN_STATUSES, { each: true })
  status?: string[];

  @ApiPropertyOptional({ description: 'runs of this organization and the organizations under it' })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: 'is not an organization id' })
  organization?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: 'is not an order id' })
  order?: string;

  @ApiPropertyOptional({ description: 'created at or after (ISO 8601)' })
  @IsOptional()
  @IsTimestamp()
  createdFrom?: string;

  @ApiPropertyOptional({ description: 'created before (ISO 8601)' })
  @IsOptional()
  @IsTimestamp()
  createdTo?: string;
}

export class ResolveRunRequest {
  @ApiProperty({ description: 'why the run can be closed (mandatory, audited)', example: 'site created by hand, ticket OPS-1234' })
  @IsSafeText(1000)
  reason: string;
}

export class SubmitRequestQuery {
  @ApiPropertyOptional({ description: 'the organization the request provisions (scopes the run); written into the context' })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: 'is not an organization id' })
  organization?: string;

  @ApiPropertyOptional({ description: 'runs with the same key never interleave and run in submission order', example: 'org:org_01jd…' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(/^[\x21-\x7e]+$/, { message: 'must be printable ASCII without spaces' })
  serializationKey?: string;

  @ApiPropertyOptional({ description: 'lower runs first (default 100)', minimum: 0, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1000)
  priority?: number;
}
