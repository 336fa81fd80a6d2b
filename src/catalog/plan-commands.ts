import { type AuditActor, appendAuditEvent } from '../audit/audit-writer';
import { ProblemError } from '../common/errors/problem';
import { newId } from '../common/ids';
import type { Sql } from '../database/sql';
import { isUniqueViolation } from '../common/errors/unique-violation';
import { excessIssues, excessOver, type FeatureMap, normalizeFeatures, orderServices, type PlanIssue, serviceIssues, throwIfIssues } from './plan-rules';
import { isOfferedTo, referencableUserPlans, type Viewer } from './plan-offers.store';
import {
  contentOf,
  insertDraft,
  insertPlanWithDraft,
  loadPlan,
  loadVersions,
  planIdsOfVersions,
  type PlanRecord,
  type PlanRow,
  publishVersion,
  touchPlan,
  updateDraft,
  type VersionRow,
} from './plans.store';
import type { PlanKind, ServiceKey } from './service-catalog';
import type { VersionContent } from './plans.store';

/**
 * The plan use cases on a `Sql` inside the caller's transaction, without HTTP or principals: the
 * API service (after its access checks) and the seed step both call them. Each ends with its
 * audit event.
 */

export interface PlanActor {
  audit: AuditActor;
  userId: string | null;
}

export interface NewPlan {
  kind: PlanKind;
  name: string;
  displayName: string;
  description?: string | null;
  basePlanId?: string;
  services?: ServiceKey[];
  features?: Record<string, boolean | number | null>;
  userPlanIds?: string[];
}

export interface PlanPatch {
  displayName?: string;
  description?: string | null;
  services?: ServiceKey[];
  features?: Record<string, boolean | number | null>;
  userPlanIds?: string[];
}

interface UsablePlan {
  plan: PlanRecord;
  current: VersionRow;
}

function hosterOf(org: Viewer): string {
  return org.path.split('/').filter(Boolean)[0];
}

/** A hoster plan offered to this reseller, published, active and of the same kind. */
async function resolveBase(sql: Sql, owner: Viewer, basePlanId: string, kind: PlanKind): Promise<UsablePlan> {
  const unavailable = (why: string) => new ProblemError('PLAN_BASE_UNAVAILABLE', why, { errors: [{ path: 'basePlanId', message: why }] });
  const base = await loadPlan(sql, basePlanId);
  const offered = base && base.owner_org_id === hosterOf(owner) && (await isOfferedTo(sql, basePlanId, owner.id));
  if (!base || !offered) throw unavailable(`Plan ${basePlanId} is not offered to you`);
  if (base.status === 'retired') throw unavailable(`Plan ${base.name} is retired`);
  if (!base.current_version_id) throw unavailable(`Plan ${base.name} is not published`);
  if (base.kind !== kind) throw unavailable(`Plan ${base.name} is a ${base.kind} plan`);
  const current = (await loadVersions(sql, [base.current_version_id])).get(base.current_version_id)!;
  return { plan: base, current };
}

/**
 * User plans an organization plan of `owner` may reference: published, active user plans that
 * are the owner's own or (for a reseller) the hoster's ones visible to it.
 */
async function resolveUserPlans(sql: Sql, owner: Viewer, kind: PlanKind, ids: string[]): Promise<{ usable: UsablePlan[]; issues: PlanIssue[] }> {
  if (!ids.length) return { usable: [], issues: [] };
  if (kind === 'user')
    return { usable: [], issues: [{ code: 'PLAN_USER_PLAN_UNAVAILABLE', path: 'userPlanIds', message: 'only organization plans reference user plans' }] };
  const rows = await referencableUserPlans(sql, owner, ids);
  const found = new Map(rows.map((r) => [r.id, r]));
  const versions = await loadVersions(
    sql,
    rows.map((r) => r.current_version_id),
  );
  const usable: UsablePlan[] = [];
  const issues: PlanIssue[] = [];
  for (const id of ids) {
    const plan = found.get(id);
    if (!plan) issues.push({ code: 'PLAN_USER_PLAN_UNAVAILABLE', path: `userPlanIds.${id}`, message: 'not a published user plan available to the plan owner' });
    else usable.push({ plan, current: versions.get(plan.current_version_id!)! });
  }
  return { usable, issues };
}

/** Validates a version's content as edited: services, features, user plan references. */
async function validateContent(
  sql: Sql,
  owner: Viewer,
  kind: PlanKind,
  services: ServiceKey[],
  features: Record<string, unknown>,
  previous: FeatureMap,
  userPlanIds: string[],
) {
  const ordered = orderServices(services);
  const issues = serviceIssues(ordered);
  const normalized = normalizeFeatures(kind, ordered, features, previous);
  issues.push(...normalized.issues);
  const users = await resolveUserPlans(sql, owner, kind, userPlanIds);
  issues.push(...users.issues);
  throwIfIssues(issues);
  return { services: ordered, features: normalized.features, userPlans: users.usable };
}

function versionSummary(v: Pick<VersionRow, 'number' | 'display_name' | 'services' | 'features' | 'user_plan_ids'> & { description?: string | null }) {
  return {
    number: v.number,
    displayName: v.display_name,
    description: v.description ?? null,
    services: v.services,
    features: v.features,
    userPlanIds: v.user_plan_ids,
  };
}

/** The base plan a new plan derives from: required for a reseller's, refused for the hoster's. */
async function baseOfNewPlan(sql: Sql, owner: Viewer, body: NewPlan): Promise<UsablePlan | undefined> {
  if (owner.kind === 'reseller') {
    if (!body.basePlanId) {
      throw new ProblemError('PLAN_BASE_UNAVAILABLE', "A reseller's plans derive from a hoster plan made available to it: give basePlanId", {
        errors: [{ path: 'basePlanId', message: 'is required' }],
      });
    }
    return resolveBase(sql, owner, body.basePlanId, body.kind);
  }
  if (owner.kind !== 'hoster') throw new ProblemError('FORBIDDEN', 'Only the hoster and resellers own plans');
  if (body.basePlanId)
    throw new ProblemError('PLAN_BASE_UNAVAILABLE', "The hoster's plans have no base plan", {
      errors: [{ path: 'basePlanId', message: 'not allowed here' }],
    });
  return undefined;
}

/** Creates a plan owned by `owner` with a draft version 1. Returns the plan id. */
export async function createPlan(sql: Sql, owner: Viewer, actor: PlanActor, body: NewPlan): Promise<string> {
  const base = await baseOfNewPlan(sql, owner, body);
  const services = body.services ?? base?.current.services;
  if (!services)
    throw new ProblemError('VALIDATION_FAILED', 'services: required for a plan without a base plan', {
      errors: [{ path: 'services', message: 'is required' }],
    });
  const baseUserPlanIds = base ? await planIdsOfVersions(sql, base.current.user_plan_version_ids) : [];
  const userPlanIds = body.userPlanIds ?? baseUserPlanIds;
  const content = await validateContent(sql, owner, body.kind, services, body.features ?? {}, base?.current.features ?? {}, userPlanIds);

  const planId = newId('plan');
  const versionId = newId('plv');
  const draftContent: VersionContent = {
    displayName: body.displayName.trim(),
    description: body.description?.trim() ?? null,
    services: content.services,
    features: content.features,
    userPlanIds,
  };
  try {
    await insertPlanWithDraft(
      sql,
      { id: planId, ownerId: owner.id, kind: body.kind, name: body.name, basePlanId: base?.plan.id ?? null, userId: actor.userId, versionId },
      draftContent,
    );
  } catch (e) {
    if (isUniqueViolation(e, 'plans_owner_name_uq')) throw new ProblemError('PLAN_NAME_TAKEN', `You already have a plan named "${body.name}"`);
    throw e;
  }
  await appendAuditEvent(sql, actor.audit, {
    action: 'plan.created',
    resourceType: 'plan',
    resourceId: planId,
    organizationId: owner.id,
    organizationPath: owner.path,
    details: {
      kind: body.kind,
      name: body.name,
      basePlanId: base?.plan.id ?? null,
      after: versionSummary({
        number: 1,
        display_name: body.displayName,
        description: body.description,
        services: content.services,
        features: content.features,
        user_plan_ids: userPlanIds,
      }),
    },
  });
  return planId;
}

/**
 * Edits the draft, or opens a new draft version (copy of the current one) when the plan has
 * none: published versions never change, so subscriptions pinned to them keep what they bought.
 * `plan` must be locked by the caller.
 */
export async function editPlan(sql: Sql, plan: PlanRow, actor: PlanActor, patch: PlanPatch): Promise<{ versionId: string; newVersion: boolean }> {
  if (plan.status === 'retired') throw new ProblemError('PLAN_RETIRED', `Plan ${plan.name} is retired`);
  const owner: Viewer = { id: plan.owner_org_id, kind: plan.owner_kind, path: plan.owner_path };
  const sourceId = plan.draft_version_id ?? plan.current_version_id!;
  const source = (await loadVersions(sql, [sourceId])).get(sourceId)!;
  const userPlanIds = patch.userPlanIds ?? (source.status === 'draft' ? source.user_plan_ids : await planIdsOfVersions(sql, source.user_plan_version_ids));
  const content = await validateContent(sql, owner, plan.kind, patch.services ?? source.services, patch.features ?? {}, source.features, userPlanIds);
  const displayName = patch.displayName?.trim() ?? source.display_name;
  const description = patch.description === undefined ? source.description : patch.description === null ? null : patch.description.trim();

  const newVersion = source.status !== 'draft';
  const edited: VersionContent = { displayName, description, services: content.services, features: content.features, userPlanIds };
  let versionId = source.id;
  let number = source.number;
  if (newVersion) {
    versionId = newId('plv');
    number = await insertDraft(sql, plan.id, versionId, actor.userId, edited);
    await touchPlan(sql, plan.id, { draftVersionId: versionId });
  } else {
    await updateDraft(sql, versionId, edited);
    await touchPlan(sql, plan.id, 'touch');
  }
  await appendAuditEvent(sql, actor.audit, {
    action: 'plan.updated',
    resourceType: 'plan',
    resourceId: plan.id,
    organizationId: owner.id,
    organizationPath: owner.path,
    details: {
      versionId,
      newVersion,
      before: versionSummary(source),
      after: versionSummary({
        number,
        display_name: displayName,
        description,
        services: content.services,
        features: content.features,
        user_plan_ids: userPlanIds,
      }),
    },
  });
  return { versionId, newVersion };
}

/**
 * Publishes the draft: full validation (including what depends on other plans now: user plans
 * still published and within this plan, a derived plan within its base's current version), then
 * the version is frozen with the user plan versions and the base version it was checked against.
 * `plan` must be locked by the caller.
 */
export async function publishPlan(sql: Sql, plan: PlanRow, actor: PlanActor): Promise<VersionRow> {
  if (plan.status === 'retired') throw new ProblemError('PLAN_RETIRED', `Plan ${plan.name} is retired`);
  if (!plan.draft_version_id) throw new ProblemError('PLAN_NO_DRAFT', `Plan ${plan.name} has no draft; edit it to open one`);
  const owner: Viewer = { id: plan.owner_org_id, kind: plan.owner_kind, path: plan.owner_path };
  const draft = (await loadVersions(sql, [plan.draft_version_id])).get(plan.draft_version_id)!;
  const content = await validateContent(sql, owner, plan.kind, draft.services, {}, draft.features, draft.user_plan_ids);
  const publishable = { services: content.services, features: content.features };

  const issues: PlanIssue[] = [];
  for (const u of content.userPlans) {
    issues.push(...excessIssues('PLAN_USER_PLAN_EXCEEDS_PLAN', excessOver(contentOf(u.current), publishable), `userPlanIds.${u.plan.name}.`));
  }
  throwIfIssues(issues);

  let baseVersionId: string | null = null;
  if (plan.base_plan_id) {
    const base = await resolveBase(sql, owner, plan.base_plan_id, plan.kind);
    const excess = excessOver(publishable, contentOf(base.current));
    throwIfIssues(excessIssues('PLAN_EXCEEDS_BASE', excess), {
      features: excess.map((e) => e.feature),
      basePlanId: base.plan.id,
      baseVersion: base.current.number,
    });
    baseVersionId = base.current.id;
  }

  const userPlanVersionIds = content.userPlans.map((u) => u.current.id);
  await publishVersion(sql, { id: draft.id, userId: actor.userId, services: content.services, features: content.features, userPlanVersionIds, baseVersionId });
  await touchPlan(sql, plan.id, 'publish');
  await appendAuditEvent(sql, actor.audit, {
    action: 'plan.published',
    resourceType: 'plan',
    resourceId: plan.id,
    organizationId: owner.id,
    organizationPath: owner.path,
    details: { versionId: draft.id, number: draft.number, previousVersionId: plan.current_version_id, baseVersionId, userPlanVersionIds },
  });
  return (await loadVersions(sql, [draft.id])).get(draft.id)!;
}

/** Stops new subscriptions (existing ones keep their version). Idempotent. `plan` locked by the caller. */
export async function retirePlan(sql: Sql, plan: PlanRow, actor: PlanActor): Promise<void> {
  if (plan.status === 'retired') return;
  await touchPlan(sql, plan.id, 'retire');
  await appendAuditEvent(sql, actor.audit, {
    action: 'plan.retired',
    resourceType: 'plan',
    resourceId: plan.id,
    organizationId: plan.owner_org_id,
    organizationPath: plan.owner_path,
    details: { name: plan.name, currentVersionId: plan.current_version_id },
  });
}
