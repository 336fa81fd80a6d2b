import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProblemError } from '../common/errors/problem';
import { decodeCursor, type Page, type PageQuery, toPage } from '../common/pagination/cursor';
import { sqlOf } from '../database/sql';
import { AccessService } from '../access/access.service';
import type { Principal } from '../access/principal';
import type { SubscriptionView } from './catalog.views';
import { FEATURES_BY_KEY } from './service-catalog';
import { getSubscription, listSubscriptionsOf, type SubscriptionDetails } from './subscriptions';
import { subscriptionOrganization } from './subscriptions.store';

export function subscriptionView(s: SubscriptionDetails): SubscriptionView {
  return {
    id: s.id,
    organizationId: s.organizationId,
    status: s.status,
    plan: { id: s.planId, name: s.planName, displayName: s.displayName, versionId: s.planVersionId, version: s.planVersion },
    services: s.services,
    features: s.features,
    quotas: s.quotas.map((q) => ({ ...q, type: FEATURES_BY_KEY.get(q.feature)?.type ?? 'count', unit: FEATURES_BY_KEY.get(q.feature)?.unit ?? null })),
    userPlans: s.userPlans.map((u) => ({
      planId: u.planId,
      name: u.name,
      versionId: u.versionId,
      version: u.version,
      displayName: u.displayName,
      settings: { ...u.settings },
    })),
    orderId: s.orderId,
    statusChangedAt: new Date(s.statusChangedAt).toISOString(),
    createdAt: new Date(s.createdAt).toISOString(),
    updatedAt: new Date(s.updatedAt).toISOString(),
  };
}

/** Subscriptions over HTTP, scoped by the AccessService on the subscriber organization. */
@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
  ) {}

  async listForOrganization(p: Principal, organizationId: string, q: PageQuery): Promise<Page<SubscriptionView>> {
    await this.access.requireOrganization(p, 'subscriptions.read', organizationId);
    const limit = q.limit ?? 50;
    const after = decodeCursor(q.cursor, ['id']);
    const rows = await listSubscriptionsOf(sqlOf(this.ds), organizationId, after ? String(after[0]) : undefined, limit + 1);
    return toPage(rows, limit, (r) => [r.id], subscriptionView);
  }

  async get(p: Principal, id: string): Promise<SubscriptionView> {
    const sql = sqlOf(this.ds);
    const organizationId = await subscriptionOrganization(sql, id);
    if (!organizationId) throw new ProblemError('NOT_FOUND', `Subscription ${id} not found`);
    try {
      await this.access.requireOrganization(p, 'subscriptions.read', organizationId);
    } catch (e) {
      if (e instanceof ProblemError && e.code === 'NOT_FOUND') throw new ProblemError('NOT_FOUND', `Subscription ${id} not found`);
      throw e;
    }
    return subscriptionView((await getSubscription(sql, id))!);
  }
}
