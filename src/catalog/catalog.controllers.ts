import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Endpoint } from '../common/http/endpoint.decorator';
import { PageQuery } from '../common/pagination/cursor';
import { IdParam } from '../common/validation/id-param.pipe';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import type { Principal } from '../access/principal';
import { SEED_ORGANIZATION_PLANS, SEED_USER_PLANS } from './catalog-seed';
import { PlanListView, PlanVersionListView, PlanView, ServiceListView, serviceListView, SubscriptionListView, SubscriptionView } from './catalog.views';
import { AvailabilityRequest, CreatePlanRequest, PlanListQuery, UpdatePlanRequest } from './dto/plan.dto';
import { PlansService } from './plans.service';
import { SubscriptionsService } from './subscriptions.service';

/** The sample catalog a fresh installation is seeded with, as request examples in /docs. */
const PLAN_EXAMPLES = Object.fromEntries(
  [...SEED_USER_PLANS, ...SEED_ORGANIZATION_PLANS].map(({ userPlans, ...plan }) => [
    plan.name,
    {
      summary: `${plan.kind} plan: ${plan.displayName}`,
      description: plan.description ?? undefined,
      value: userPlans ? { ...plan, userPlanIds: userPlans.map((n) => `<id of ${n}>`) } : plan,
    },
  ]),
);

const etag = (reply: FastifyReply, plan: PlanView) => reply.header('ETag', `"${plan.revision}"`);

@ApiTags('catalog')
@Controller('v1/services')
export class ServicesController {
  @Get()
  @Endpoint({
    permission: 'catalog.read',
    summary: 'The services Provisio sells, their dependencies and features (typed quota definitions)',
    description: 'Feature values in plans: booleans; integers within [min, max]; `null` = unlimited where `unlimitedAllowed`.',
    response: { type: ServiceListView },
  })
  list(): ServiceListView {
    return serviceListView();
  }
}

@ApiTags('catalog')
@Controller('v1/plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Get()
  @Endpoint({
    permission: 'catalog.read',
    summary: 'Plans you can see: the hoster all; a reseller its own and those offered to it; a customer what its reseller (or the hoster) offers',
    errors: ['VALIDATION_FAILED', 'INVALID_CURSOR'],
    response: { type: PlanListView },
  })
  async list(@CurrentPrincipal() p: Principal, @Query() q: PlanListQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const json = await this.plans.listJson(p, q);
    // The same bytes Fastify would have serialized from the page.
    void reply.type('application/json; charset=utf-8');
    return json;
  }

  @Post()
  @ApiBody({ type: CreatePlanRequest, examples: PLAN_EXAMPLES })
  @Endpoint({
    permission: 'plans.write',
    idempotent: true,
    summary: 'Create a plan (draft version 1); resellers derive theirs from a hoster plan offered to them',
    errors: [
      'VALIDATION_FAILED',
      'NOT_FOUND',
      'PLAN_NAME_TAKEN',
      'PLAN_BASE_UNAVAILABLE',
      'PLAN_UNKNOWN_SERVICE',
      'PLAN_UNKNOWN_FEATURE',
      'PLAN_FEATURE_OUT_OF_RANGE',
      'PLAN_FEATURE_SERVICE_MISSING',
      'PLAN_SERVICE_DEPENDENCY_MISSING',
      'PLAN_USER_PLAN_UNAVAILABLE',
    ],
    status: 201,
    response: { type: PlanView },
  })
  async create(@CurrentPrincipal() p: Principal, @Body() body: CreatePlanRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const plan = await this.plans.create(p, body);
    etag(reply, plan);
    reply.header('Location', `/v1/plans/${plan.id}`);
    return plan;
  }

  @Get(':id')
  @Endpoint({
    permission: 'catalog.read',
    summary: 'Read a plan: its current version and, for editors, its draft (ETag = revision)',
    errors: ['NOT_FOUND'],
    response: { type: PlanView },
  })
  async get(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const plan = await this.plans.get(p, id);
    etag(reply, plan);
    return plan;
  }

  @Patch(':id')
  @ApiHeader({ name: 'If-Match', required: true, description: 'the ETag from GET /v1/plans/{id}' })
  @Endpoint({
    permission: 'plans.write',
    summary: 'Edit the draft; on a published plan this opens a new draft version (existing subscriptions keep theirs). If-Match required',
    errors: [
      'NOT_FOUND',
      'VALIDATION_FAILED',
      'PRECONDITION_REQUIRED',
      'PRECONDITION_FAILED',
      'PLAN_RETIRED',
      'PLAN_UNKNOWN_SERVICE',
      'PLAN_UNKNOWN_FEATURE',
      'PLAN_FEATURE_OUT_OF_RANGE',
      'PLAN_FEATURE_SERVICE_MISSING',
      'PLAN_SERVICE_DEPENDENCY_MISSING',
      'PLAN_USER_PLAN_UNAVAILABLE',
    ],
    response: { type: PlanView },
  })
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id', IdParam) id: string,
    @Body() body: UpdatePlanRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const plan = await this.plans.update(p, id, body, ifMatch);
    etag(reply, plan);
    return plan;
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false, description: 'honoured when sent' })
  @Endpoint({
    permission: 'plans.write',
    summary: 'Publish the draft: the version is frozen and becomes what new subscriptions get',
    errors: [
      'NOT_FOUND',
      'PRECONDITION_FAILED',
      'PLAN_NO_DRAFT',
      'PLAN_RETIRED',
      'PLAN_EXCEEDS_BASE',
      'PLAN_BASE_UNAVAILABLE',
      'PLAN_USER_PLAN_UNAVAILABLE',
      'PLAN_USER_PLAN_EXCEEDS_PLAN',
      'PLAN_UNKNOWN_FEATURE',
      'PLAN_FEATURE_OUT_OF_RANGE',
      'PLAN_SERVICE_DEPENDENCY_MISSING',
    ],
    response: { type: PlanView },
  })
  async publish(
    @CurrentPrincipal() p: Principal,
    @Param('id', IdParam) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const plan = await this.plans.publish(p, id, ifMatch);
    etag(reply, plan);
    return plan;
  }

  @Post(':id/retire')
  @HttpCode(200)
  @Endpoint({
    permission: 'plans.write',
    summary: 'Retire a plan: no new subscriptions; existing ones keep their version',
    errors: ['NOT_FOUND'],
    response: { type: PlanView },
  })
  async retire(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const plan = await this.plans.retire(p, id);
    etag(reply, plan);
    return plan;
  }

  @Get(':id/versions')
  @Endpoint({
    permission: 'catalog.read',
    summary: 'Versions of a plan (published ones; editors also see the draft)',
    errors: ['NOT_FOUND', 'INVALID_CURSOR'],
    response: { type: PlanVersionListView },
  })
  versions(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string, @Query() q: PageQuery) {
    return this.plans.versions(p, id, q);
  }

  @Post(':id/availability')
  @HttpCode(200)
  @Endpoint({
    permission: 'plans.offer',
    summary: "Hoster staff: make a published hoster plan available to resellers (or withdraw it), optionally capping each reseller's quota pool",
    errors: [
      'NOT_FOUND',
      'VALIDATION_FAILED',
      'FORBIDDEN',
      'AVAILABILITY_NOT_RESELLER',
      'PLAN_NOT_OFFERABLE',
      'PLAN_NOT_PUBLISHED',
      'PLAN_RETIRED',
      'QUOTA_FEATURE_NOT_COUNTED',
      'QUOTA_POOL_BELOW_USAGE',
    ],
    response: { type: PlanView },
  })
  availability(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string, @Body() body: AvailabilityRequest) {
    return this.plans.setAvailability(p, id, body);
  }
}

@ApiTags('subscriptions')
@Controller('v1')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Get('organizations/:id/subscriptions')
  @Endpoint({
    permission: 'subscriptions.read',
    summary: 'Subscriptions of an organization, with quota limits, usage and reservations',
    errors: ['NOT_FOUND', 'INVALID_CURSOR'],
    response: { type: SubscriptionListView },
  })
  list(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string, @Query() q: PageQuery) {
    return this.subscriptions.listForOrganization(p, id, q);
  }

  @Get('subscriptions/:id')
  @Endpoint({
    permission: 'subscriptions.read',
    summary: 'A subscription: plan version, features, every quota with limit, usage and reservations',
    errors: ['NOT_FOUND'],
    response: { type: SubscriptionView },
  })
  get(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string) {
    return this.subscriptions.get(p, id);
  }
}
