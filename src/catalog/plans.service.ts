import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendAuditEvent } from '../audit/audit-writer';
import { ProblemError } from '../common/errors/problem';
import { decodeCursor, type Page, toPage } from '../common/pagination/cursor';
import { inTransaction, type Sql, sqlOf } from '../database/sql';
import { planAudienceOf } from '../access/scope-rules';
import { AccessService } from '../access/access.service';
import { parseIfMatch } from '../common/http/if-match';
import type { Principal } from '../access/principal';
import { auditActorOf } from '../audit/audit-actor';
import { CatalogCache } from './catalog-cache';
import { type PlanVersionView, type PlanView, planStatus } from './catalog.views';
import type { AvailabilityRequest, CreatePlanRequest, PlanListQuery, UpdatePlanRequest } from './dto/plan.dto';
import { createPlan, editPlan, type PlanActor, publishPlan, retirePlan } from './plan-commands';
import { isVisible, listVisiblePlans, offerPlan, offersOf, type Viewer, withdrawPlan } from './plan-offers.store';
import { versionViews } from './plan-version-views';
import { loadPlan, loadVersions, planExists, type PlanRow, versionsPage } from './plans.store';
import { setResellerPools } from './reseller-pools';

function viewerOf(p: Principal): Viewer {
  return { id: p.subjectOrgId, kind: p.subjectOrgKind, path: p.subjectOrgPath };
}

function actorOf(p: Principal): PlanActor {
  return { audit: auditActorOf(p), userId: p.userId };
}

/**
 * Plans over HTTP: scope (who sees which plan: `visiblePlans`), who may change a plan (the
 * AccessService, with `plans.write` on the owner organization), ETags and transactions. The
 * rules themselves are in plan-commands.ts.
 */
@Injectable()
export class PlansService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly cache: CatalogCache,
  ) {}

  /** A plan change in one transaction; this process's plan lists are dropped once it is over. */
  private changing<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    return this.cache.lists.afterChange(inTransaction(this.ds, work));
  }

  private canEdit(p: Principal, plan: PlanRow): boolean {
    return this.access.allows(p, 'plans.write', { id: plan.owner_org_id, path: plan.owner_path });
  }

  /** Views of plans as `p` may see them: drafts only for editors, offers only for hoster staff. */
  private async views(sql: Sql, p: Principal, plans: PlanRow[]): Promise<PlanView[]> {
    const editable = new Map(plans.map((x) => [x.id, this.canEdit(p, x)]));
    const versions = await loadVersions(
      sql,
      plans.flatMap((x) => [x.current_version_id, editable.get(x.id) ? x.draft_version_id : null]),
    );
    const vviews = await versionViews(sql, [...versions.values()]);
    const audience = planAudienceOf(p).kind;
    const hosterStaff = audience === 'everything';
    const offers = hosterStaff
      ? await offersOf(
          sql,
          plans.map((x) => x.id),
        )
      : new Map<string, string[]>();
    return plans.map((x) => {
      const view: PlanView = {
        id: x.id,
        kind: x.kind,
        name: x.name,
        ownerOrganizationId: x.owner_org_id,
        basePlanId: audience === 'customer' ? null : x.base_plan_id,
        status: planStatus(x),
        currentVersion: x.current_version_id ? (vviews.get(x.current_version_id) ?? null) : null,
        draftVersion: editable.get(x.id) && x.draft_version_id ? (vviews.get(x.draft_version_id) ?? null) : null,
        revision: x.revision,
        createdAt: new Date(x.created_at).toISOString(),
        updatedAt: new Date(x.updated_at).toISOString(),
        retiredAt: x.retired_at ? new Date(x.retired_at).toISOString() : null,
      };
      if (hosterStaff) view.availableTo = offers.get(x.id) ?? [];
      return view;
    });
  }

  /**
   * The page as JSON text, from the catalog cache when this kind of viewer asked the same moments
   * ago and nothing changed since (kept serialized: the hottest read then costs no serialization).
   */
  async listJson(p: Principal, q: PlanListQuery): Promise<string> {
    const key = CatalogCache.listKey(p, q);
    const cached = this.cache.lists.get(key);
    if (cached) return cached;
    const generation = this.cache.lists.generation();
    // Same key, same list: viewers asking at the same moment share one read.
    const json = await this.cache.lists.shared(key, async () => JSON.stringify(await this.listFromDatabase(p, q)));
    this.cache.lists.set(key, json, generation);
    return json;
  }

  private async listFromDatabase(p: Principal, q: PlanListQuery): Promise<Page<PlanView>> {
    const limit = q.limit ?? 50;
    const after = decodeCursor(q.cursor, ['id']);
    const sql = sqlOf(this.ds);
    const rows = await listVisiblePlans(
      sql,
      viewerOf(p),
      { kind: q.kind, ownerId: q.ownerId, name: q.name, status: q.status, afterId: after ? String(after[0]) : undefined },
      limit + 1,
    );
    const page = toPage(rows, limit, (r) => [r.id]);
    return { items: await this.views(sql, p, page.items), nextCursor: page.nextCursor };
  }

  /** A plan `p` may see, else 404 (ids of invisible plans leak nothing). */
  private async requireVisible(sql: Sql, p: Principal, id: string, lock = false): Promise<PlanRow> {
    if (!(await isVisible(sql, viewerOf(p), id))) {
      // Another tenant's plan: same answer as a missing one, but the attempt is on record.
      if (await planExists(sql, id)) await this.access.recordDenied(p, 'catalog.read', 'plan', [id]);
      throw new ProblemError('NOT_FOUND', `Plan ${id} not found`);
    }
    return (await loadPlan(sql, id, { lock }))!;
  }

  /** A plan `p` may change: visible and `plans.write` on its owner; otherwise 404, audited as denied. */
  private async requireEditable(sql: Sql, p: Principal, id: string): Promise<PlanRow> {
    const plan = await this.requireVisible(sql, p, id, true);
    if (!this.canEdit(p, plan)) {
      await this.access.recordDenied(p, 'plans.write', 'plan', [id]);
      throw new ProblemError('NOT_FOUND', `Plan ${id} not found`);
    }
    return plan;
  }

  async get(p: Principal, id: string): Promise<PlanView> {
    const sql = sqlOf(this.ds);
    const plan = await this.requireVisible(sql, p, id);
    return (await this.views(sql, p, [plan]))[0];
  }

  async versions(p: Principal, id: string, q: { limit?: number; cursor?: string }): Promise<Page<PlanVersionView>> {
    const sql = sqlOf(this.ds);
    const plan = await this.requireVisible(sql, p, id);
    const limit = q.limit ?? 50;
    const after = decodeCursor(q.cursor, ['int']);
    const rows = await versionsPage(sql, id, this.canEdit(p, plan), after ? Number(after[0]) : null, limit + 1);
    const page = toPage(rows, limit, (r) => [r.number]);
    const views = await versionViews(sql, page.items);
    return { items: page.items.map((v) => views.get(v.id)!), nextCursor: page.nextCursor };
  }

  async create(p: Principal, body: CreatePlanRequest): Promise<PlanView> {
    // The owner is the organization the token acts in; plans.write there is required.
    await this.access.requireOrganization(p, 'plans.write', p.subjectOrgId);
    return this.changing(async (sql) => {
      const id = await createPlan(sql, viewerOf(p), actorOf(p), body);
      return (await this.views(sql, p, [(await loadPlan(sql, id))!]))[0];
    });
  }

  /** PATCH needs If-Match (428 without): plans are shared by several staff and resellers derive from them. */
  async update(p: Principal, id: string, body: UpdatePlanRequest, ifMatch: string | undefined): Promise<PlanView> {
    if (!ifMatch) throw new ProblemError('PRECONDITION_REQUIRED', 'Send If-Match with the ETag from GET /v1/plans/{id}');
    const expected = parseIfMatch(ifMatch);
    return this.changing(async (sql) => {
      const plan = await this.requireEditable(sql, p, id);
      if (plan.revision !== expected)
        throw new ProblemError('PRECONDITION_FAILED', `The plan is at revision ${plan.revision}`, {}, { ETag: `"${plan.revision}"` });
      await editPlan(sql, plan, actorOf(p), body);
      return (await this.views(sql, p, [(await loadPlan(sql, id))!]))[0];
    });
  }

  /** If-Match is honoured when sent (412 on mismatch), not required. */
  async publish(p: Principal, id: string, ifMatch: string | undefined): Promise<PlanView> {
    const expected = parseIfMatch(ifMatch);
    return this.changing(async (sql) => {
      const plan = await this.requireEditable(sql, p, id);
      if (expected !== undefined && plan.revision !== expected) throw new ProblemError('PRECONDITION_FAILED', `The plan is at revision ${plan.revision}`);
      await publishPlan(sql, plan, actorOf(p));
      return (await this.views(sql, p, [(await loadPlan(sql, id))!]))[0];
    });
  }

  async retire(p: Principal, id: string): Promise<PlanView> {
    return this.changing(async (sql) => {
      const plan = await this.requireEditable(sql, p, id);
      await retirePlan(sql, plan, actorOf(p));
      return (await this.views(sql, p, [(await loadPlan(sql, id))!]))[0];
    });
  }

  /**
   * Hoster staff make a published hoster plan available to resellers (or withdraw it), with
   * optional quota pools capping what each reseller's customers use together.
   */
  async setAvailability(p: Principal, id: string, body: AvailabilityRequest): Promise<PlanView> {
    if (planAudienceOf(p).kind !== 'everything') throw new ProblemError('FORBIDDEN', 'Only hoster staff make plans available to resellers');
    const resellers = await this.access.requireOrganizations(p, 'organizations.read', body.resellerIds);
    const notResellers = body.resellerIds.filter((r) => resellers.get(r)!.kind !== 'reseller');
    if (notResellers.length) {
      throw new ProblemError('AVAILABILITY_NOT_RESELLER', `Not resellers: ${notResellers.join(', ')}`, {
        errors: notResellers.map((r) => ({ path: `resellerIds.${r}`, message: 'not a reseller' })),
      });
    }
    const available = body.available ?? true;
    return this.changing(async (sql) => {
      const plan = await this.requireEditable(sql, p, id);
      if (plan.owner_kind !== 'hoster') throw new ProblemError('PLAN_NOT_OFFERABLE', `${plan.name} is a reseller's plan`);
      if (available && plan.status === 'retired') throw new ProblemError('PLAN_RETIRED', `Plan ${plan.name} is retired`);
      if (available && !plan.current_version_id) throw new ProblemError('PLAN_NOT_PUBLISHED', `Publish ${plan.name} before offering it`);
      if (available) {
        await offerPlan(sql, id, body.resellerIds, p.userId);
        if (body.quotaPools) {
          for (const r of body.resellerIds) await setResellerPools(sql, { id: r, path: resellers.get(r)!.path }, body.quotaPools);
        }
      } else {
        await withdrawPlan(sql, id, body.resellerIds);
      }
      await appendAuditEvent(sql, auditActorOf(p), {
        action: available ? 'plan.made_available' : 'plan.availability_withdrawn',
        resourceType: 'plan',
        resourceId: id,
        organizationId: plan.owner_org_id,
        organizationPath: plan.owner_path,
        details: { name: plan.name, resellerIds: body.resellerIds, quotaPools: body.quotaPools ?? null },
      });
      return (await this.views(sql, p, [(await loadPlan(sql, id))!]))[0];
    });
  }
}
