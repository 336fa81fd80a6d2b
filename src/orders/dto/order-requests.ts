import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { idPattern } from '../../common/ids';
import { PageQuery } from '../../common/pagination/cursor';
import { IsSafeText } from '../../common/validation/safe-text';
import { IsTimestamp } from '../../common/validation/timestamp';

export const ORDER_TYPES = [
  'subscribe',
  'add_users',
  'change_user_plan',
  'remove_users',
  'add_dns_records',
  'remove_dns_records',
  'create_site',
  'delete_site',
  'change_plan',
  'suspend',
  'resume',
  'cancel',
  'wipe_device',
] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

export const ORDER_STATUSES = ['accepted', 'provisioning', 'completed', 'failed', 'needs_attention', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const ALIAS = /^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$/;
const ALIAS_MSG = '$property must be 1-64 lower-case letters, digits, ".", "_" or "-", starting and ending with a letter or digit';
// ASCII only: internationalized names arrive as punycode, so homoglyphs cannot pass.
const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const DOMAIN_MSG = '$property must be a lower-case domain name such as contoso.example (punycode for international names)';
const PLAN_REF = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}(@\d{1,6})?$/;
const PLAN_REF_MSG = '$property must be a plan name (optionally name@version) or id';

export class OrderBase {
  @ApiProperty({ enum: ORDER_TYPES }) @IsIn(ORDER_TYPES) type: OrderType;
  @ApiProperty({ example: 'org_01jdx3m5v8k2q9w7e4r6t1y0ab', description: 'the customer organization' })
  @IsString()
  @Matches(idPattern('org'), { message: 'organizationId must be an organization id' })
  organizationId: string;
}

export class NewUser {
  @ApiProperty({ example: 'ann' }) @IsString() @MaxLength(64) @Matches(ALIAS, { message: ALIAS_MSG }) alias: string;
  @ApiProperty({ example: 'Ann Lee' }) @IsSafeText(200) displayName: string;
  @ApiProperty({ example: 'mobile-mailbox', description: 'a user plan the organization plan offers: name, name@version or id' })
  @IsString()
  @Matches(PLAN_REF, { message: PLAN_REF_MSG })
  userPlan: string;
}

export class SubscribeOrder extends OrderBase {
  @ApiProperty({ example: 'business-premium', description: 'an organization plan offered to the customer: name, name@version, plan id or version id' })
  @IsString()
  @Matches(PLAN_REF, { message: PLAN_REF_MSG })
  plan: string;
  @ApiProperty({ example: 'contoso.example' }) @IsString() @MaxLength(253) @Matches(DOMAIN, { message: DOMAIN_MSG }) domain: string;
  @ApiPropertyOptional({ type: NewUser, isArray: true, description: 'initial users (at most 100)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => NewUser)
  users?: NewUser[];
}

/** add_users takes a whole onboarding batch (the request stays far below the language's step and size limits). */
export const MAX_USERS_ADDED = 1000;

export class AddUsersOrder extends OrderBase {
  @ApiProperty({ type: NewUser, isArray: true, description: `at most ${MAX_USERS_ADDED}` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_USERS_ADDED)
  @ValidateNested({ each: true })
  @Type(() => NewUser)
  users: NewUser[];
}

export class UserPlanChange {
  @ApiProperty({ example: 'ann' }) @IsString() @MaxLength(64) @Matches(ALIAS, { message: ALIAS_MSG }) alias: string;
  @ApiProperty({ example: 'executive' }) @IsString() @Matches(PLAN_REF, { message: PLAN_REF_MSG }) userPlan: string;
}

export class ChangeUserPlanOrder extends OrderBase {
  @ApiProperty({ type: UserPlanChange, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => UserPlanChange)
  users: UserPlanChange[];
}

export class RemoveUsersOrder extends OrderBase {
  @ApiProperty({ example: ['bob'], type: String, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  @Matches(ALIAS, { each: true, message: ALIAS_MSG })
  aliases: string[];
}

export const RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV'] as const;

export class DnsRecordSpec {
  @ApiProperty({ example: 'www', description: '@ for the zone apex, or a name inside the zone' }) @IsString() @MaxLength(253) name: string;
  @ApiProperty({ enum: RECORD_TYPES }) @IsIn(RECORD_TYPES) type: (typeof RECORD_TYPES)[number];
  @ApiProperty({ example: '203.0.113.10', description: 'A: IPv4; AAAA: IPv6; CNAME/MX: host name; TXT: text; SRV: "weight port target"' })
  @IsString()
  @MaxLength(1024)
  value: string;
  @ApiPropertyOptional({ example: 3600, minimum: 60, maximum: 604800 }) @IsOptional() @IsInt() @Min(60) @Max(604_800) ttl?: number;
  @ApiPropertyOptional({ description: 'MX and SRV only', minimum: 0, maximum: 65535 }) @IsOptional() @IsInt() @Min(0) @Max(65_535) priority?: number;
}

export class AddDnsRecordsOrder extends OrderBase {
  @ApiProperty({ type: DnsRecordSpec, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => DnsRecordSpec)
  records: DnsRecordSpec[];
}

export class DnsRecordRef {
  @ApiProperty({ example: 'www' }) @IsString() @MaxLength(253) name: string;
  @ApiProperty({ enum: RECORD_TYPES }) @IsIn(RECORD_TYPES) type: (typeof RECORD_TYPES)[number];
  @ApiProperty({ example: '203.0.113.10' }) @IsString() @MaxLength(1024) value: string;
}

export class RemoveDnsRecordsOrder extends OrderBase {
  @ApiProperty({ type: DnsRecordRef, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => DnsRecordRef)
  records: DnsRecordRef[];
}

export class CreateSiteOrder extends OrderBase {
  @ApiProperty({ example: 'https://projects.contoso.example/sites/team' }) @IsString() @MaxLength(512) url: string;
  @ApiProperty({ example: 'Team site' }) @IsSafeText(200) title: string;
  @ApiProperty({ example: 2048, description: "storage quota in MB, at most the plan's sharepoint.storage_mb" })
  @IsInt()
  @Min(100)
  @Max(1_048_576)
  quotaMb: number;
}

export class DeleteSiteOrder extends OrderBase {
  @ApiProperty({ example: 'https://projects.contoso.example/sites/team' }) @IsString() @MaxLength(512) url: string;
}

export class ChangePlanOrder extends OrderBase {
  @ApiProperty({ example: 'enterprise', description: 'another organization plan offered to the customer' })
  @IsString()
  @Matches(PLAN_REF, { message: PLAN_REF_MSG })
  plan: string;
}

export class LifecycleOrder extends OrderBase {}

/** A mobile device id as ActiveSync reports it (GET …/customer-users/{alias}/devices lists them). */
export const DEVICE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export class WipeDeviceOrder extends OrderBase {
  @ApiProperty({ example: 'ann', description: 'the user whose device it is' }) @IsString() @MaxLength(64) @Matches(ALIAS, { message: ALIAS_MSG }) alias: string;
  @ApiProperty({ example: 'iphone-7f3a', description: 'a device id from GET /v1/organizations/{id}/customer-users/{alias}/devices' })
  @IsString()
  @Matches(DEVICE_ID, { message: '$property must be 1-64 letters, digits, "_" or "-"' })
  deviceId: string;
}

export const ORDER_DTOS: Record<OrderType, new () => OrderBase> = {
  subscribe: SubscribeOrder,
  add_users: AddUsersOrder,
  change_user_plan: ChangeUserPlanOrder,
  remove_users: RemoveUsersOrder,
  add_dns_records: AddDnsRecordsOrder,
  remove_dns_records: RemoveDnsRecordsOrder,
  create_site: CreateSiteOrder,
  delete_site: DeleteSiteOrder,
  change_plan: ChangePlanOrder,
  suspend: LifecycleOrder,
  resume: LifecycleOrder,
  cancel: LifecycleOrder,
  wipe_device: WipeDeviceOrder,
};

/** A validated order body, discriminated by its type. */
export type OrderBody =
  | (SubscribeOrder & { type: 'subscribe' })
  | (AddUsersOrder & { type: 'add_users' })
  | (ChangeUserPlanOrder & { type: 'change_user_plan' })
  | (RemoveUsersOrder & { type: 'remove_users' })
  | (AddDnsRecordsOrder & { type: 'add_dns_records' })
  | (RemoveDnsRecordsOrder & { type: 'remove_dns_records' })
  | (CreateSiteOrder & { type: 'create_site' })
  | (DeleteSiteOrder & { type: 'delete_site' })
  | (ChangePlanOrder & { type: 'change_plan' })
  | (LifecycleOrder & { type: 'suspend' | 'resume' | 'cancel' })
  | (WipeDeviceOrder & { type: 'wipe_device' });

export class OrderListQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(idPattern('org'), { message: 'organizationId must be an organization id' }) organizationId?: string;
  @ApiPropertyOptional({ enum: ORDER_STATUSES }) @IsOptional() @IsIn(ORDER_STATUSES) status?: OrderStatus;
  @ApiPropertyOptional({ enum: ORDER_TYPES }) @IsOptional() @IsIn(ORDER_TYPES) type?: OrderType;
  @ApiPropertyOptional({ description: 'placed at or after (ISO 8601)' }) @IsOptional() @IsTimestamp() from?: string;
  @ApiPropertyOptional({ description: 'placed before (ISO 8601)' }) @IsOptional() @IsTimestamp() to?: string;
}

export class OrderWaitQuery {
  @ApiPropertyOptional({
    type: 'integer',
    description:
      'long-poll: answer as soon as the order reaches a terminal status, or after N whole seconds (at most MAX_WAIT_SECONDS, 60 by default: a larger N waits that long); 0 answers at once',
    minimum: 0,
    maximum: 300,
    example: 30,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(300)
  wait?: number;
}

export class CancelOrderRequest {
  @ApiPropertyOptional() @IsOptional() @IsSafeText(500) reason?: string;
}
