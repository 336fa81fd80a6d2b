import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendAuditEvent } from '../audit/audit-writer';
import { ProblemError } from '../common/errors/problem';
import { decodeCursor, type Page, toPage } from '../common/pagination/cursor';
import { AppConfig } from '../config/app-config';
import { inTransaction, sqlOf } from '../database/sql';
import { Where } from '../database/where';
import { AccessService } from '../access/access.service';
import type { Permission } from '../access/permissions';
import type { Principal } from '../access/principal';
import { auditActorOf } from '../audit/audit-actor';
import { RunHookRegistry } from '../provisioning/engine/run-hooks';
import { cancelQueuedRun } from '../provisioning/runs/run-actions';
import { lockRunState, runDocuments, runTimeline } from '../provisioning/runs/run-progress';
import type { StepView } from '../provisioning/runs/runs.views';
import type { OrderListQuery } from './dto/order-requests';
import { OrderWaiter } from './order-waiter';
import { orderViews, OrdersReader } from './orders.reader';
import { findOrderScope, listOrderViews, type OrderScopeRow } from './orders.store';
import { TERMINAL_ORDER_STATUSES, type OrderView } from './orders.views';

@Injectable()
export class OrdersService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly reader: OrdersReader,
    private readonly waiter: OrderWaiter,
    private readonly config: AppConfig,
    private readonly hooks: RunHookRegistry,
  ) {}

  /** The order row, or 404 when it is missing or outside the caller's scope. */
  private async scoped(p: Principal, id: string, permission: Permission = 'orders.read'): Promise<OrderScopeRow> {
    const row = await findOrderScope(sqlOf(this.ds), id);
    if (!row || !this.access.allows(p, permission, { id: row.organization_id, path: row.organization_path })) {
      await this.access.recordDenied(p, permission, 'order', [id]);
      throw new ProblemError('NOT_FOUND', `Order ${id} not found`);
    }
    return row;
  }

  async list(p: Principal, q: OrderListQuery): Promise<Page<OrderView>> {
    const limit = q.limit ?? 50;
    const where = new Where(this.access.scope(p, 'orders.read', { path: 'o.organization_path', orgId: 'o.organization_id' }))
      .add((n) => `o.organization_id = ${n}`, q.organizationId)
      .add((n) => `o.status = ${n}`, q.status)
      .add((n) => `o.type = ${n}`, q.type)
      .add((n) => `o.created_at >= ${n}::timestamptz`, q.from)
      .add((n) => `o.created_at < ${n}::timestamptz`, q.to);
    const after = decodeCursor(q.cursor, ['time', 'id']);
    if (after) where.addMany((at, id) => `(o.created_at, o.id) < (${at}::timestamptz, ${id})`, after);
    const sql = sqlOf(this.ds);
    const page = toPage(await listOrderViews(sql, where, limit + 1), limit, (r) => [new Date(r.created_at).toISOString(), r.id]);
    return { items: await orderViews(sql, page.items), nextCursor: page.nextCursor };
  }

  /** GET /v1/orders/{id}, with `wait` seconds of long-poll until a terminal status. */
  async get(p: Principal, id: string, waitSeconds = 0): Promise<OrderView> {
    await this.scoped(p, id);
    const deadline = Date.now() + Math.min(waitSeconds, this.config.maxWaitSeconds) * 1000;
    if (waitSeconds > 0) await this.waiter.ready();
    for (;;) {
      const remaining = deadline - Date.now();
      // Armed before reading, so a change between the read and the wait wakes us.
      const armed = remaining > 0 ? this.waiter.arm(id, Math.min(remaining, 1000)) : undefined;
      // While waiting, only the status: the view reads the run's program and state and works out
      // its current step (a second of CPU for an order of 1,000 users, every second of the wait).
      const status = armed ? (await findOrderScope(sqlOf(this.ds), id))?.status : undefined;
      if (!armed || !status || TERMINAL_ORDER_STATUSES.includes(status)) {
        armed?.cancel();
        return this.reader.view(this.ds, id);
      }
      await armed.promise;
    }
  }

  async requestXml(p: Principal, id: string): Promise<string> {
    const row = await this.scoped(p, id);
    const r = await runDocuments(sqlOf(this.ds), row.run_id);
    if (!r) throw new ProblemError('NOT_FOUND', `Order ${id} has no request`);
    return r.requestXml;
  }

  async responseXml(p: Principal, id: string): Promise<string> {
    const row = await this.scoped(p, id);
    const r = await runDocuments(sqlOf(this.ds), row.run_id);
    if (!r?.responseXml) throw new ProblemError('ORDER_RESPONSE_NOT_READY', `The order is ${row.status}; its response exists once its run stops`);
    return r.responseXml;
  }

  async timeline(p: Principal, id: string): Promise<{ orderId: string; runId: string; items: StepView[] }> {
    const row = await this.scoped(p, id);
    return { orderId: id, runId: row.run_id, items: await runTimeline(sqlOf(this.ds), row.run_id) };
  }

  /** Before its run starts, an order can be called off; after that only operators act on the run. */
  async cancel(p: Principal, id: string, reason?: string): Promise<OrderView> {
    const row = await this.scoped(p, id, 'orders.cancel');
    await inTransaction(this.ds, async (sql) => {
      const run = await lockRunState(sql, row.run_id);
      if (!run || run.status !== 'queued' || run.started) {
        throw new ProblemError('ORDER_NOT_CANCELLABLE', `The order's run is ${run?.status ?? 'gone'}${run?.started ? ' and has started' : ''}`);
      }
      await cancelQueuedRun(sql, row.run_id, auditActorOf(p), reason ?? 'cancelled by the customer', { hooks: this.hooks });
      await appendAuditEvent(sql, auditActorOf(p), {
        action: 'order.cancel_requested',
        resourceType: 'order',
        resourceId: id,
        organizationId: row.organization_id,
        organizationPath: row.organization_path,
        details: { reason: reason ?? null },
      });
    });
    return this.reader.view(sqlOf(this.ds), id);
  }
}
