import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendAuditEvent } from '../audit/audit-writer';
import { quotaLedger } from '../catalog/quota-ledger';
import { findOpenSubscription } from '../catalog/subscriptions';
import { ProblemError } from '../common/errors/problem';
import { newId } from '../common/ids';
import { checkIdempotencyKey, IdempotencyKeys, requestHash } from '../common/idempotency/idempotency';
import { requestContext } from '../common/logging/request-context';
import { validateDto } from '../common/validation/strict-validation.pipe';
import { inTransaction } from '../database/sql';
import { AccessService } from '../access/access.service';
import type { Principal } from '../access/principal';
import { auditActorOf } from '../audit/audit-actor';
import { createRun } from '../provisioning/engine/create-run';
import { compileRequest } from '../provisioning/language/compiler';
import { NamespaceRegistry } from '../provisioning/namespaces/namespace-registry';
import { ORDER_DTOS, ORDER_TYPES, type OrderBase, type OrderType } from './dto/order-requests';
import { OrdersReader } from './orders.reader';
import type { OrderView } from './orders.views';
import { type CustomerService, TRANSLATORS } from './translate/translators';
import { renderSimpleRequest } from './translate/xml';

export interface PlacedOrder {
  status: number;
  body: OrderView;
  headers: Record<string, string>;
}

/** Runs of one customer never interleave: each waits for the customer's earlier runs. */
export function serializationKeyOf(organizationId: string): string {
  return `org:${organizationId}`;
}

/**
 * Placing an order (ARCHITECTURE.md §4): access check, validation against the subscription and
 * plan, atomic quota reservation, the order, its XML request (a call of a public composite
 * procedure), its run and the audit event — all in **one transaction**, so a failure anywhere
 * leaves nothing reserved or stored. Idempotency-Key per the IETF draft.
 */
@Injectable()
export class PlaceOrderUseCase {
  private readonly keys: IdempotencyKeys;

  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly reader: OrdersReader,
    private readonly registry: NamespaceRegistry,
  ) {
    this.keys = new IdempotencyKeys(ds);
  }

  async execute(p: Principal, raw: unknown, idempotencyKey: string | undefined): Promise<PlacedOrder> {
    const type = (raw as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !(ORDER_TYPES as readonly string[]).includes(type)) {
      throw new ProblemError('VALIDATION_FAILED', `type must be one of ${ORDER_TYPES.join(', ')}`, { errors: [{ path: 'type', message: `must be one of ${ORDER_TYPES.join(', ')}` }] });
    }
    const body = await validateDto(ORDER_DTOS[type as OrderType], raw);
    if (idempotencyKey !== undefined) checkIdempotencyKey(idempotencyKey);
    const idempotency = { scope: `${p.userId}:${p.subjectOrgId}`, key: idempotencyKey, hash: requestHash('POST', '/v1/orders', raw) };
    return this.place(p, body, idempotency);
  }

  private async place(p: Principal, body: OrderBase, idempotency: { scope: string; key: string | undefined; hash: string }): Promise<PlacedOrder> {
    const org = await this.access.requireOrganization(p, 'orders.create', body.organizationId);
    if (org.kind !== 'customer') throw new ProblemError('ORDER_NOT_CUSTOMER', `${org.name} is a ${org.kind}; orders are placed for customers`);
    const registry = this.registry;
    const orderId = newId('ord');
    const runId = newId('run');
    const actor = auditActorOf(p);

    const replay = await inTransaction(this.ds, async (sql) => {
      // The Idempotency-Key first: a replay or a 409 decides before anything is read or locked.
      const claim = await this.keys.claimInTransaction(sql, idempotency.scope, idempotency.key, idempotency.hash);
      if (claim.kind === 'replay') return claim.response;
      // One order at a time per customer while validating against its inventory and quota.
      await sql.query(`SELECT id FROM organizations WHERE id = $1 FOR UPDATE`, [org.id]);
      let subscription = body.type === 'subscribe' ? undefined : await findOpenSubscription(sql, org.id);
      if (body.type !== 'subscribe' && !subscription) throw new ProblemError('NO_SUBSCRIPTION', `${org.name} has no subscription`);
      const service = (await sql.query<CustomerService>(`SELECT * FROM customer_services WHERE organization_id = $1 AND state <> 'removed'`, [org.id])).rows[0];
      if (body.type !== 'subscribe' && !service) throw new ProblemError('NO_SUBSCRIPTION', `${org.name} has no provisioned subscription`);

      const t = await TRANSLATORS[body.type]({ sql, orderId, org: { id: org.id, name: org.name, path: org.path, parentId: org.parentId }, actor, subscription, service }, body);

      await sql.query(
        `INSERT INTO orders (id, organization_id, organization_path, subscription_id, type, status, body, summary, run_id,
                             placed_by_user_id, placed_by_org_id, delegation_id, token_id, request_id)
         VALUES ($1, $2, $3, $4, $5, 'accepted', $6::jsonb, $7::jsonb, $8, $9, $10, $11, $12, $13)`,
        [
          orderId, org.id, org.path, t.subscriptionId, body.type, JSON.stringify(body), JSON.stringify(t.summary), runId,
          p.userId, p.userOrgId, p.delegationId, p.tokenId, requestContext.get()?.requestId ?? null,
        ],
      );
      if (t.reserve.length) await quotaLedger.reserve(sql, { subscriptionId: t.subscriptionId, orderId, items: t.reserve });
      if (t.release.length) await quotaLedger.scheduleRelease(sql, { subscriptionId: t.subscriptionId, orderId, items: t.release });
      await t.inventory(sql);

      const xml = renderSimpleRequest(t.call, t.data);
      const compiled = compileRequest(xml, {
        registry,
        context: { order: orderId, organization: org.id, actor: p.userId, onBehalfOf: p.delegationId ? p.subjectOrgId : null, request: runId },
        allowTrusted: false,
      });
      await createRun(sql, {
        compiled,
        id: runId,
        organizationId: org.id,
        organizationPath: org.path,
        serializationKey: serializationKeyOf(org.id),
        orderId,
        createdBy: p,
      });
      subscription = undefined;
      if (claim.kind === 'claimed') {
        // The answer a replay will give, stored with the order it describes.
        const stored = await this.reader.view(sql, orderId);
        await this.keys.complete(sql, claim, { status: 202, body: stored, headers: { Location: `/v1/orders/${orderId}` } });
      }
      await appendAuditEvent(sql, actor, {
        action: 'order.placed',
        resourceType: 'order',
        resourceId: orderId,
        organizationId: org.id,
        organizationPath: org.path,
        details: { type: body.type, runId, summary: t.summary, reserved: t.reserve, freeing: t.release, steps: compiled.program.callCount },
      });
      return undefined;
    });
    if (replay) return { status: replay.status, body: replay.body as OrderView, headers: { ...replay.headers, 'Idempotent-Replayed': 'true' } };
    const view = await this.reader.view(this.ds, orderId);
    return { status: 202, body: view, headers: { Location: `/v1/orders/${orderId}` } };
  }
}
