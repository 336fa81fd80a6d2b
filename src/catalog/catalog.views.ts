import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { VersionRow } from './plans.store';
import { FEATURES, SERVICE_KEYS, SERVICES, type FeatureDefinition, type ServiceDefinition } from './service-catalog';
import { iso } from '../common/iso';

const FEATURES_EXAMPLE = {
  'exchange.mailboxes': 10,
  'exchange.mailbox_size_mb': 2048,
  'exchange.owa': true,
  'dns.zones': 1,
  'dns.records': 50,
  'directory.users': null,
};

export class FeatureDefinitionView {
  @ApiProperty({ example: 'exchange.mailboxes' }) key: string;
  @ApiProperty({ enum: SERVICE_KEYS }) service: string;
  @ApiProperty({ enum: ['boolean', 'count', 'limit'] }) type: string;
  @ApiProperty({ example: 'Mailboxes' }) title: string;
  @ApiProperty() description: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'mailboxes' }) unit: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 0 }) min: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 100000 }) max: number | null;
  @ApiProperty({ description: 'whether null (unlimited) is an accepted value' }) unlimitedAllowed: boolean;
  @ApiProperty({
    description: 'value when a plan includes the service but does not name the feature',
    nullable: true,
    oneOf: [{ type: 'boolean' }, { type: 'integer' }],
  })
  default: boolean | number | null;
  @ApiProperty({ enum: ['organization', 'user'], isArray: true }) appliesTo: string[];
  @ApiProperty({ description: 'counted by the quota ledger (usage and reservations per subscription)' }) ledgered: boolean;
}

export class ServiceView {
  @ApiProperty({ enum: SERVICE_KEYS }) key: string;
  @ApiProperty({ example: 'Exchange' }) name: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: SERVICE_KEYS, isArray: true, description: 'services a plan including this one must also include', example: ['directory'] })
  requires: string[];
  @ApiProperty({ type: FeatureDefinitionView, isArray: true }) features: FeatureDefinitionView[];
}

export class ServiceListView {
  @ApiProperty({ type: ServiceView, isArray: true }) items: ServiceView[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor: string | null;
}

function featureView(f: FeatureDefinition): FeatureDefinitionView {
  return {
    key: f.key,
    service: f.service,
    type: f.type,
    title: f.title,
    description: f.description,
    unit: f.unit,
    min: f.min,
    max: f.max,
    unlimitedAllowed: f.unlimitedAllowed,
    default: f.default,
    appliesTo: [...f.appliesTo],
    ledgered: f.ledgered,
  };
}

export function serviceView(s: ServiceDefinition): ServiceView {
  return {
    key: s.key,
    name: s.name,
    description: s.description,
    requires: [...s.requires],
    features: FEATURES.filter((f) => f.service === s.key).map(featureView),
  };
}

export function serviceListView(): ServiceListView {
  return { items: SERVICES.map(serviceView), nextCursor: null };
}

export class UserPlanRefView {
  @ApiProperty({ example: 'plan_01jdx3m5v8k2q9w7e4r6t1y0ab' }) planId: string;
  @ApiProperty({ example: 'standard-mailbox' }) name: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the user plan version pinned when this version was published (null in a draft)' })
  versionId: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 1 }) version: number | null;
}

export class PlanVersionView {
  @ApiProperty({ example: 'plv_01jdx3m5v8k2q9w7e4r6t1y0ab' }) id: string;
  @ApiProperty() planId: string;
  @ApiProperty({ example: 1 }) number: number;
  @ApiProperty({ enum: ['draft', 'published'] }) status: string;
  @ApiProperty({ example: 'Business Basic' }) displayName: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Mail and DNS for small teams' }) description: string | null;
  @ApiProperty({ enum: SERVICE_KEYS, isArray: true, example: ['directory', 'exchange', 'dns'] }) services: string[];
  @ApiProperty({
    description: 'every feature of the included services: booleans, integers, null = unlimited',
    type: 'object',
    additionalProperties: { nullable: true, oneOf: [{ type: 'boolean' }, { type: 'integer' }] },
    example: FEATURES_EXAMPLE,
  })
  features: Record<string, boolean | number | null>;
  @ApiProperty({ type: UserPlanRefView, isArray: true, description: 'user plans this organization plan lets a customer assign' }) userPlans: UserPlanRefView[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'derived plans: the base plan version this version was checked against at publish' })
  baseVersionId: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({ type: String, nullable: true }) publishedAt: string | null;
}

export class PlanView {
  @ApiProperty({ example: 'plan_01jdx3m5v8k2q9w7e4r6t1y0ab' }) id: string;
  @ApiProperty({ enum: ['organization', 'user'] }) kind: string;
  @ApiProperty({ example: 'business-basic', description: 'unique per owner; lower case, digits and dashes' }) name: string;
  @ApiProperty() ownerOrganizationId: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'reseller plans: the hoster plan this one is derived from' }) basePlanId: string | null;
  @ApiProperty({ enum: ['draft', 'published', 'retired'], description: 'draft: never published; retired: no new subscriptions' }) status: string;
  @ApiPropertyOptional({ type: PlanVersionView, nullable: true, description: 'the latest published version (what new subscriptions get)' })
  currentVersion: PlanVersionView | null;
  @ApiPropertyOptional({ type: PlanVersionView, nullable: true, description: 'the version being edited (shown to those who may edit the plan)' })
  draftVersion: PlanVersionView | null;
  @ApiPropertyOptional({ type: String, isArray: true, description: 'hoster staff only: resellers this plan is available to' }) availableTo?: string[];
  @ApiProperty({ description: 'changes with every edit; the ETag' }) revision: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({ type: String, nullable: true }) retiredAt: string | null;
}

export class PlanListView {
  @ApiProperty({ type: PlanView, isArray: true }) items: PlanView[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor: string | null;
}

export class PlanVersionListView {
  @ApiProperty({ type: PlanVersionView, isArray: true }) items: PlanVersionView[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor: string | null;
}

export function planVersionView(r: VersionRow, userPlans: UserPlanRefView[]): PlanVersionView {
  return {
    id: r.id,
    planId: r.plan_id,
    number: r.number,
    status: r.status,
    displayName: r.display_name,
    description: r.description ?? null,
    services: r.services,
    features: r.features,
    userPlans,
    baseVersionId: r.base_version_id ?? null,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
    publishedAt: iso(r.published_at),
  };
}

export function planStatus(r: { status: string; current_version_id: string | null }): 'draft' | 'published' | 'retired' {
  if (r.status === 'retired') return 'retired';
  return r.current_version_id ? 'published' : 'draft';
}

export class QuotaView {
  @ApiProperty({ example: 'exchange.mailboxes' }) feature: string;
  @ApiProperty({ enum: ['count'] }) type: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'mailboxes' }) unit: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 10, description: "the plan version's limit; null = unlimited" }) limit: number | null;
  @ApiProperty({ example: 3 }) used: number;
  @ApiProperty({ example: 1, description: 'held by orders in progress' }) reserved: number;
  @ApiProperty({ example: 0, description: 'in use, but being freed by orders in progress' }) freeing: number;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 6,
    description: 'what can still be reserved now (the minimum along the reseller chain); null = unlimited',
  })
  available: number | null;
}

export class SubscriptionPlanView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'business-basic' }) name: string;
  @ApiProperty({ example: 'Business Basic' }) displayName: string;
  @ApiProperty() versionId: string;
  @ApiProperty({ example: 1 }) version: number;
}

export class SubscriptionUserPlanView {
  @ApiProperty() planId: string;
  @ApiProperty({ example: 'standard-mailbox' }) name: string;
  @ApiProperty() versionId: string;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ example: 'Standard mailbox' }) displayName: string;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { mailbox: { sizeMb: 1024, owa: true }, activeSync: null, sip: null } }) settings: Record<
    string,
    unknown
  >;
}

export class SubscriptionView {
  @ApiProperty({ example: 'sub_01jdx3m5v8k2q9w7e4r6t1y0ab' }) id: string;
  @ApiProperty() organizationId: string;
  @ApiProperty({ enum: ['pending', 'active', 'suspended', 'cancelled'] }) status: string;
  @ApiProperty({ type: SubscriptionPlanView }) plan: SubscriptionPlanView;
  @ApiProperty({ enum: SERVICE_KEYS, isArray: true }) services: string[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: "the plan version's feature values", example: FEATURES_EXAMPLE }) features: Record<
    string,
    boolean | number | null
  >;
  @ApiProperty({ type: QuotaView, isArray: true, description: 'every counted feature: limit, usage, reservations' }) quotas: QuotaView[];
  @ApiProperty({ type: SubscriptionUserPlanView, isArray: true }) userPlans: SubscriptionUserPlanView[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the order that created it' }) orderId: string | null;
  @ApiProperty() statusChangedAt: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class SubscriptionListView {
  @ApiProperty({ type: SubscriptionView, isArray: true }) items: SubscriptionView[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor: string | null;
}
