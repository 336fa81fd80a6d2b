import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import { PageQuery } from '../../common/pagination/cursor';
import { IsOmittable } from '../../common/validation/omittable';
import { ID_PATTERN } from '../../common/ids';
import { IsSafeText } from '../../common/validation/safe-text';
import { PLAN_KINDS, type PlanKind, SERVICE_KEYS, type ServiceKey } from '../service-catalog';

export const PLAN_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/;
const FEATURE_KEY = /^[a-z][a-z0-9_]{0,30}\.[a-z][a-z0-9_]{0,40}$/;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

/**
 * An object of feature values: at most `maxKeys` keys shaped like `service.feature`, values
 * boolean, integer or null. Whether each key exists and each value fits its range is the
 * catalog's business (422 with the feature named), not the shape check's.
 */
export function IsFeatureValues(maxKeys: number, opts: { booleans: boolean }, validationOptions?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isFeatureValues',
      validator: {
        validate: (value: unknown) =>
          isPlainObject(value) &&
          Object.keys(value).length <= maxKeys &&
          Object.entries(value).every(
            ([k, v]) => FEATURE_KEY.test(k) && (v === null || (typeof v === 'number' && Number.isSafeInteger(v)) || (opts.booleans && typeof v === 'boolean')),
          ),
        defaultMessage: () =>
          `$property must be an object of at most ${maxKeys} "service.feature" keys with ${opts.booleans ? 'boolean, ' : ''}integer or null (unlimited) values`,
      },
    },
    validationOptions,
  );
}

const ID_MESSAGE = { message: '$property must be a Provisio id', each: true };

export class CreatePlanRequest {
  @ApiProperty({
    enum: PLAN_KINDS,
    example: 'organization',
    description: 'organization: what a customer subscribes to; user: per-user features the organization plan lets it assign',
  })
  @IsIn(PLAN_KINDS)
  kind: PlanKind;

  @ApiProperty({ example: 'business-basic', description: 'unique per owner: 3–64 lower-case letters, digits and dashes' })
  @IsString()
  @Matches(PLAN_NAME_PATTERN, { message: 'name must be 3-64 lower-case letters, digits or dashes, not starting or ending with a dash' })
  name: string;

  @ApiProperty({ example: 'Business Basic' })
  @IsSafeText(200)
  displayName: string;

  @ApiPropertyOptional({ example: 'Mail and DNS for small teams' })
  @IsOptional()
  @IsSafeText(2000)
  description?: string;

  @ApiPropertyOptional({
    description: "resellers: the hoster plan (made available to you) this plan derives from; required for reseller plans, not allowed for the hoster's",
  })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, ID_MESSAGE)
  basePlanId?: string;

  @ApiPropertyOptional({
    enum: SERVICE_KEYS,
    isArray: true,
    example: ['directory', 'exchange', 'dns'],
    description: "required unless derived (then the base plan's services by default)",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SERVICE_KEYS.length)
  @ArrayUnique()
  @IsIn(SERVICE_KEYS, { each: true })
  services?: ServiceKey[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { nullable: true, oneOf: [{ type: 'boolean' }, { type: 'integer' }] },
    example: { 'exchange.mailboxes': 10, 'exchange.mailbox_size_mb': 2048, 'dns.zones': 1, 'dns.records': 50 },
    description: "feature values (see GET /v1/services); omitted features take the base plan's value, else the feature's default; null = unlimited",
  })
  @IsOptional()
  @IsFeatureValues(64, { booleans: true })
  features?: Record<string, boolean | number | null>;

  @ApiPropertyOptional({ type: String, isArray: true, description: 'organization plans: the published user plans customers may assign' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(ID_PATTERN, ID_MESSAGE)
  userPlanIds?: string[];
}

export class UpdatePlanRequest {
  @ApiPropertyOptional({ example: 'Business Basic (2027)' })
  @IsOmittable()
  @IsSafeText(200)
  displayName?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null clears it' })
  @IsOptional()
  @IsSafeText(2000)
  description?: string | null;

  @ApiPropertyOptional({ enum: SERVICE_KEYS, isArray: true, description: 'replaces the list; features of removed services are dropped' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(SERVICE_KEYS.length)
  @ArrayUnique()
  @IsIn(SERVICE_KEYS, { each: true })
  services?: ServiceKey[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { nullable: true, oneOf: [{ type: 'boolean' }, { type: 'integer' }] },
    example: { 'exchange.mailboxes': 20 },
    description: 'merged feature by feature into the draft; null = unlimited',
  })
  @IsOmittable()
  @IsFeatureValues(64, { booleans: true })
  features?: Record<string, boolean | number | null>;

  @ApiPropertyOptional({ type: String, isArray: true, description: 'replaces the list of user plans' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(ID_PATTERN, ID_MESSAGE)
  userPlanIds?: string[];
}

export class PlanListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PLAN_KINDS }) @IsOptional() @IsIn(PLAN_KINDS) kind?: PlanKind;
  @ApiPropertyOptional({ enum: ['draft', 'published', 'retired'] }) @IsOptional() @IsIn(['draft', 'published', 'retired']) status?:
    'draft' | 'published' | 'retired';
  @ApiPropertyOptional({ description: 'plans owned by this organization' })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: '$property must be a Provisio id' })
  ownerId?: string;
  @ApiPropertyOptional({ example: 'business-basic' })
  @IsOptional()
  @IsString()
  @Matches(PLAN_NAME_PATTERN, { message: 'name must be a plan name' })
  name?: string;
}

export class AvailabilityRequest {
  @ApiProperty({ type: String, isArray: true, description: 'reseller organizations' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(ID_PATTERN, ID_MESSAGE)
  resellerIds: string[];

  @ApiPropertyOptional({ default: true, description: 'false withdraws the offer (existing derived plans and subscriptions stay)' })
  @IsOptional()
  @IsBoolean()
  available?: boolean;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer', nullable: true },
    example: { 'exchange.mailboxes': 500 },
    description: 'optional caps per counted feature for each reseller: all its customers together never exceed them (null = no cap)',
  })
  @IsOptional()
  @IsFeatureValues(20, { booleans: false })
  quotaPools?: Record<string, number | null>;
}
