import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendAuditEvent, type AuditActor } from '../audit/audit-writer';
import { reserve, scheduleRelease } from '../catalog/quota-ledger';
import {
  changeSubscriptionPlan,
  createSubscription,
  findOpenSubscription,
  type OrganizationRef,
  resolveOfferedPlan,
  type SubscriptionDetails,
} from '../catalog/subscriptions';
import { ProblemError } from '../common/errors/problem';
import { newId } from '../common/ids';
import { checkIdempotencyKey, IdempotencyKeys, requestHash } from '../common/idempotency/idempotency';
import { requestContext } from '../common/logging/request-context';
import { validateDto } from '../common/validation/strict-validation.pipe';
import { AppConfig } from '../config/app-config';
import { inTransaction, type Sql, sqlOf } from '../database/sql';
import { AccessService } from '../access/access.service';
import type { Principal } from '../access/principal';
import { auditActorOf } from '../audit/audit-actor';
import { findOrganization, lockOrganization } from '../identity/organizations.store';
import { createRun } from '../provisioning/engine/create-run';
import { compileRequest } from '../provisioning/language/compiler';
import { NamespaceRegistry } from '../provisioning/namespaces/namespace-registry';
import { type Decision, type DecisionInput, decideOrder } from './decide';
import { refusalError } from './decide/decision';
import { inventoryQuery } from './decide/inventory';
import { ORDER_DTOS, ORDER_TYPES, type OrderBody, type OrderType } from './dto/order-requests';
import { applyInventory, INVENTORY_UNIQUE, loadInventory } from './inventory.store';
import { insertOrder, type OrderViewRow } from './orders.store';
import { orderView } from './orders.reader';
import type { OrderView } from './orders.views';
import { type PlatformHosts, platformHostsOf } from './platform-hosts';
import { renderOrderRequest } from './render/request-renderer';
import { queuedRunProgress, type RunProgress } from '../provisioning/runs/run-progress';

export interface PlacedOrder {
  status: number;
  body: OrderView;
  headers: Record<string, string>;
}

/** Runs of one customer never interleave: each waits for the customer's earlier runs. */
export function serializationKeyOf(organizationId: string): string {
  return `org:${organizationId}`;
}

type Customer = OrganizationRef & { name: string };

interface Placement {
  p: Principal;
  actor: AuditActor;
  org: Customer;
  body: OrderBody;
  orderId: string;
  runId: string;
}

const UNIQUE_REFUSALS: Record<string, [Parameters<typeof refusalError>[0]['code'], string]> = {
  [INVENTORY_UNIQUE.domain]: ['DOMAIN_TAKEN', 'The domain is already used'],
  [INVENTORY_UNIQUE.alias]: ['USER_EXISTS', 'A user with this alias is already being created'],
  [INVENTORY_UNIQUE.siteUrl]: ['SITE_EXISTS', 'A site collection with this URL already exists'],
};

/** Another placer (of another customer) took a domain or URL between our read and our write. */
function uniqueRefusal(e: unknown): ProblemError | undefined {
  const err = e as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = err.driverError?.code ?? err.code;
  const refusal = code === '23505' ? UNIQUE_REFUSALS[err.driverError?.constraint ?? err.constraint ?? ''] : undefined;
  return refusal && new ProblemError(refusal[0], refusal[1]);
}

/** The customer's parent when that parent is a reseller (a customer of the hoster has none). */
async function resellerOf(sql: Sql, org: Customer): Promise<string | undefined> {
  const parent = org.parentId ? await findOrganization(sql, org.parentId) : undefined;
  return parent?.kind === 'reseller' ? parent.id : undefined;
}

/**
 * Placing an order (ARCHITECTURE.md §4): access check, then in **one transaction** the
 * Idempotency-Key, the customer's lock, what the decision needs (subscription, inventory, the
 * plan it names), the pure decision, and its effects — subscription change, the order, quota
 * reservations, inventory, its XML request and run, the audit event — so a refusal or a failure
 * anywhere leaves nothing reserved or stored.
 */
@Injectable()
export class PlaceOrderUseCase {
  private readonly keys: IdempotencyKeys;
  private readonly platform: PlatformHosts;

  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly registry: NamespaceRegistry,
    config: AppConfig,
  ) {
    this.keys = new IdempotencyKeys(sqlOf(ds));
    this.platform = platformHostsOf(config);
  }

  async execute(p: Principal, raw: unknown, idempotencyKey: string | undefined): Promise<PlacedOrder> {
    const type = (raw as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !(ORDER_TYPES as readonly string[]).includes(type)) {
      throw new ProblemError('VALIDATION_FAILED', `type must be one of ${ORDER_TYPES.join(', ')}`, {
        errors: [{ path: 'type', message: `must be one of ${ORDER_TYPES.join(', ')}` }],
      });
    }
    const body = (await validateDto(ORDER_DTOS[type as OrderType], raw)) as OrderBody;
    if (idempotencyKey !== undefined) checkIdempotencyKey(idempotencyKey);
    const idempotency = { scope: `${p.userId}:${p.subjectOrgId}`, key: idempotencyKey, hash: requestHash('POST', '/v1/orders', raw) };
    return this.place(p, body, idempotency);
  }

  private async place(p: Principal, body: OrderBody, idempotency: { scope: string; key: string | undefined; hash: string }): Promise<PlacedOrder> {
    const org = await this.access.requireOrganization(p, 'orders.create', body.organizationId);
    if (org.kind !== 'customer') throw new ProblemError('ORDER_NOT_CUSTOMER', `${org.name} is a ${org.kind}; orders are placed for customers`);
    const placement: Placement = { p, actor: auditActorOf(p), org, body, orderId: newId('ord'), runId: newId('run') };
    const placed = await inTransaction(this.ds, async (sql) => {
      // The Idempotency-Key first: a replay or a 409 decides before anything is read or locked.
      const claim = await this.keys.claimInTransaction(sql, idempotency.scope, idempotency.key, idempotency.hash);
      if (claim.kind === 'replay') return claim.response;
      // One order at a time per customer while deciding against its inventory and quota.
      await lockOrganization(sql, org.id, 'update');
      const decided = decideOrder(await this.decisionInput(sql, placement));
      if (!decided.ok) throw refusalError(decided.refusal);
      const { subscription, order } = await this.persist(sql, placement, decided.decision);
      const run = await this.queueRun(sql, placement, decided.decision, subscription.id);
      // The order as accepted (what GET would read at this commit), from the rows just written.
      const view = orderView(order, run);
      // The answer a replay will give, stored with the order it describes.
      if (claim.kind === 'claimed') await this.keys.complete(sql, claim, { status: 202, body: view, headers: { Location: `/v1/orders/${placement.orderId}` } });
      await this.audit(sql, placement, decided.decision, run.stepsTotal);
      return { view };
    });
    if ('status' in placed) return { status: placed.status, body: placed.body as OrderView, headers: { ...placed.headers, 'Idempotent-Replayed': 'true' } };
    return { status: 202, body: placed.view, headers: { Location: `/v1/orders/${placement.orderId}` } };
  }

  /** What the decision needs, read in the placing transaction (the plan only when the order gets that far). */
  private async decisionInput(sql: Sql, { org, body }: Placement): Promise<DecisionInput<OrderBody>> {
    const subscription = await findOpenSubscription(sql, org.id);
    const inventory = await loadInventory(sql, { organizationId: org.id }, inventoryQuery(body));
    const namesPlan = (body.type === 'subscribe' && !subscription) || (body.type === 'change_plan' && subscription);
    const plan = namesPlan ? await resolveOfferedPlan(sql, org, (body as { plan: string }).plan) : undefined;
    const resellerId = body.type === 'subscribe' ? await resellerOf(sql, org) : undefined;
    return { organization: { id: org.id, name: org.name, resellerId }, body, subscription, inventory, plan, platform: this.platform };
  }

  /** The decision's effects on the catalog and the inventory, and the order row. */
  private async persist(sql: Sql, x: Placement, d: Decision): Promise<{ subscription: SubscriptionDetails; order: OrderViewRow }> {
    const subscription = await this.applySubscription(sql, x, d);
    const order = await insertOrder(sql, {
      id: x.orderId,
      organizationId: x.org.id,
      organizationPath: x.org.path,
      subscriptionId: subscription.id,
      type: x.body.type,
      body: x.body,
      summary: d.summary,
      runId: x.runId,
      placedByUserId: x.p.userId,
      placedByOrgId: x.p.userOrgId,
      delegationId: x.p.delegationId,
      tokenId: x.p.tokenId,
      requestId: requestContext.get()?.requestId ?? null,
    });
    const ledger = { subscriptionId: subscription.id, orderId: x.orderId, subscription };
    if (d.reserve.length) await reserve(sql, { ...ledger, items: d.reserve });
    if (d.release.length) await scheduleRelease(sql, { ...ledger, items: d.release });
    try {
      await applyInventory(sql, { organizationId: x.org.id }, x.orderId, d.inventory, subscription.id);
    } catch (e) {
      throw uniqueRefusal(e) ?? e;
    }
    return { subscription, order };
  }

  private async applySubscription(sql: Sql, x: Placement, d: Decision): Promise<SubscriptionDetails> {
    const effect = d.subscription;
    if (effect.kind === 'none') return effect.subscription;
    const common = { planVersionId: effect.plan.planVersionId, plan: effect.plan, actor: x.actor, orderId: x.orderId };
    if (effect.kind === 'create') return createSubscription(sql, { ...common, organizationId: x.org.id, organization: x.org });
    try {
      return await changeSubscriptionPlan(sql, { ...common, subscriptionId: effect.from.id });
    } catch (e) {
      if (e instanceof ProblemError && e.code === 'QUOTA_EXCEEDED') throw new ProblemError('PLAN_CHANGE_DOES_NOT_FIT', e.message, e.extra);
      throw e;
    }
  }

  /** The order's XML request, compiled, and its run (woken at commit). Returns the run's progress (queued). */
  private async queueRun(sql: Sql, x: Placement, d: Decision, subscriptionId: string): Promise<RunProgress> {
    const xml = renderOrderRequest(d.request, { orderId: x.orderId, subscriptionId, organizationId: x.org.id });
    const compiled = compileRequest(xml, {
      registry: this.registry,
      context: { order: x.orderId, organization: x.org.id, actor: x.p.userId, onBehalfOf: x.p.delegationId ? x.p.subjectOrgId : null, request: x.runId },
      allowTrusted: false,
    });
    await createRun(sql, {
      compiled,
      id: x.runId,
      organizationId: x.org.id,
      organizationPath: x.org.path,
      serializationKey: serializationKeyOf(x.org.id),
      orderId: x.orderId,
      createdBy: { userId: x.p.userId, userOrgId: x.p.userOrgId },
    });
    return queuedRunProgress(x.runId, compiled);
  }

  private async audit(sql: Sql, x: Placement, d: Decision, steps: number): Promise<void> {
    await appendAuditEvent(sql, x.actor, {
      action: 'order.placed',
      resourceType: 'order',
      resourceId: x.orderId,
      organizationId: x.org.id,
      organizationPath: x.org.path,
      details: { type: x.body.type, runId: x.runId, summary: d.summary, reserved: d.reserve, freeing: d.release, steps },
    });
  }
}
