import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiHeader, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Endpoint } from '../common/http/endpoint.decorator';
import { IdParam } from '../common/validation/id-param.pipe';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import type { Principal } from '../access/principal';
import { StepPage } from '../provisioning/runs/runs.views';
import {
  AddDnsRecordsOrder,
  AddUsersOrder,
  CancelOrderRequest,
  ChangePlanOrder,
  ChangeUserPlanOrder,
  CreateSiteOrder,
  DeleteSiteOrder,
  LifecycleOrder,
  ORDER_DTOS,
  OrderListQuery,
  OrderWaitQuery,
  RemoveDnsRecordsOrder,
  RemoveUsersOrder,
  SubscribeOrder,
  WipeDeviceOrder,
} from './dto/order-requests';
import { OrdersService } from './orders.service';
import { OrderPage, OrderView } from './orders.views';
import { PlaceOrderUseCase } from './place-order.use-case';

const ORDER_CLASSES = [
  SubscribeOrder,
  AddUsersOrder,
  ChangeUserPlanOrder,
  RemoveUsersOrder,
  AddDnsRecordsOrder,
  RemoveDnsRecordsOrder,
  CreateSiteOrder,
  DeleteSiteOrder,
  ChangePlanOrder,
  LifecycleOrder,
  WipeDeviceOrder,
];

/** The body of POST /v1/orders in the OpenAPI document: one of the order types, with examples. */
const PLACE_ORDER_BODY = {
  description: 'One of the order types; `type` selects the shape.',
  schema: {
    oneOf: ORDER_CLASSES.map((c) => ({ $ref: getSchemaPath(c) })),
    discriminator: { propertyName: 'type', mapping: Object.fromEntries(Object.entries(ORDER_DTOS).map(([t, c]) => [t, getSchemaPath(c)])) },
  },
  examples: {
    subscribe: {
      value: {
        type: 'subscribe',
        organizationId: 'org_01jdx3m5v8k2q9w7e4r6t1y0ab',
        plan: 'business-premium',
        domain: 'contoso.example',
        users: [{ alias: 'ann', displayName: 'Ann Lee', userPlan: 'mobile-mailbox' }],
      },
    },
    add_users: {
      value: {
        type: 'add_users',
        organizationId: 'org_01jdx3m5v8k2q9w7e4r6t1y0ab',
        users: [{ alias: 'bob', displayName: 'Bob Ray', userPlan: 'standard-mailbox' }],
      },
    },
    add_dns_records: {
      value: { type: 'add_dns_records', organizationId: 'org_01jdx3m5v8k2q9w7e4r6t1y0ab', records: [{ name: 'www', type: 'A', value: '203.0.113.10' }] },
    },
    cancel: { value: { type: 'cancel', organizationId: 'org_01jdx3m5v8k2q9w7e4r6t1y0ab' } },
    wipe_device: { value: { type: 'wipe_device', organizationId: 'org_01jdx3m5v8k2q9w7e4r6t1y0ab', alias: 'ann', deviceId: 'iphone-7f3a' } },
  },
};

@ApiTags('orders')
@ApiExtraModels(...ORDER_CLASSES)
@Controller('v1/orders')
export class OrdersController {
  constructor(
    private readonly place: PlaceOrderUseCase,
    private readonly orders: OrdersService,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'same key + same body replays the first answer; a different body is 422; while the first is in flight, 409',
  })
  @ApiBody(PLACE_ORDER_BODY)
  @Endpoint({
    permission: 'orders.create',
    summary: 'Place an order: validated, quota reserved, XML request compiled and queued, in one transaction (202 + Location)',
    description:
      'An `org_admin` of the customer, a reseller with a **delegated** token for it, or hoster staff. Nothing is reserved or stored when anything fails. Follow the order with `GET /v1/orders/{id}?wait=30`.',
    errors: [
      'VALIDATION_FAILED',
      'NOT_FOUND',
      'ORDER_NOT_CUSTOMER',
      'NO_SUBSCRIPTION',
      'SUBSCRIPTION_EXISTS',
      'SUBSCRIPTION_STATE_CONFLICT',
      'PLAN_NOT_AVAILABLE',
      'PLAN_VERSION_SUPERSEDED',
      'PLAN_RETIRED',
      'USER_PLAN_NOT_ALLOWED',
      'QUOTA_EXCEEDED',
      'SERVICE_NOT_IN_PLAN',
      'DOMAIN_TAKEN',
      'USER_EXISTS',
      'USER_NOT_FOUND',
      'USER_BUSY',
      'RECORD_EXISTS',
      'RECORD_NOT_FOUND',
      'SITE_EXISTS',
      'SITE_NOT_FOUND',
      'PLAN_CHANGE_DOES_NOT_FIT',
      'IDEMPOTENCY_KEY_REUSED',
      'IDEMPOTENCY_KEY_IN_FLIGHT',
      'INVALID_IDEMPOTENCY_KEY',
      'ACTIVESYNC_NOT_ENABLED',
    ],
    status: 202,
    response: { type: OrderView, description: 'Accepted: the order, with Location' },
  })
  async create(
    @CurrentPrincipal() p: Principal,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const placed = await this.place.execute(p, body, key);
    reply.status(placed.status);
    for (const [k, v] of Object.entries(placed.headers)) reply.header(k, v);
    return placed.body;
  }

  @Get()
  @Endpoint({
    permission: 'orders.read',
    summary: 'List orders in your scope, newest first (filters: organizationId, status, type, from, to)',
    errors: ['VALIDATION_FAILED', 'INVALID_CURSOR'],
    response: { type: OrderPage },
  })
  list(@CurrentPrincipal() p: Principal, @Query() q: OrderListQuery) {
    return this.orders.list(p, q);
  }

  @Get(':id')
  @Endpoint({
    permission: 'orders.read',
    summary: "An order with its run's progress; `?wait=N` long-polls up to N seconds for a terminal status",
    errors: ['NOT_FOUND', 'VALIDATION_FAILED'],
    response: { type: OrderView },
  })
  get(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string, @Query() q: OrderWaitQuery) {
    return this.orders.get(p, id, q.wait ?? 0);
  }

  @Get(':id/request')
  @ApiProduces('application/xml')
  @Endpoint({
    permission: 'orders.read',
    summary: 'The XML provisioning request the order became, as stored',
    errors: ['NOT_FOUND'],
    response: { textTypes: ['application/xml'] },
  })
  async request(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string, @Res() reply: FastifyReply) {
    reply.type('application/xml; charset=utf-8').send(await this.orders.requestXml(p, id));
  }

  @Get(':id/response')
  @ApiProduces('application/xml')
  @Endpoint({
    permission: 'orders.read',
    summary: 'The XML response document (data and errorContext) once the run stopped',
    errors: ['NOT_FOUND', 'ORDER_RESPONSE_NOT_READY'],
    response: { textTypes: ['application/xml'] },
  })
  async response(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string, @Res() reply: FastifyReply) {
    reply.type('application/xml; charset=utf-8').send(await this.orders.responseXml(p, id));
  }

  @Get(':id/timeline')
  @Endpoint({
    permission: 'orders.read',
    summary: "Every step and rollback of the order's run: path, namespace, procedure, engine, attempt, timings, error",
    errors: ['NOT_FOUND'],
    response: { type: StepPage },
  })
  timeline(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string) {
    return this.orders.timeline(p, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Endpoint({
    permission: 'orders.cancel',
    summary: 'Call an order off before its run starts (its reservations are released)',
    errors: ['NOT_FOUND', 'ORDER_NOT_CANCELLABLE'],
    response: { type: OrderView },
  })
  cancel(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string, @Body() body: CancelOrderRequest) {
    return this.orders.cancel(p, id, body.reason);
  }
}
