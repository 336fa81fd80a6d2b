import { type AuditActor, appendAuditEvent } from '../audit/audit-writer';
import { ProblemError } from '../common/errors/problem';
import { newId } from '../common/ids';
import type { Sql } from '../database/sql';
import { isUniqueViolation } from '../common/errors/unique-violation';
import { excessIssues, excessOver, type FeatureMap, normalizeFeatures, orderServices, type PlanIssue, serviceIssues, throwIfIssues } from './plan-rules';
import { contentOf, loadPlan, loadVersions, type PlanRow, type VersionRow, type Viewer, visiblePlans } from './plans-store';
import type { PlanKind, ServiceKey } from './service-catalog';

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
  plan: PlanRow;
  current: VersionRow;
}

function hosterOf(org: Viewer): string {
  return org.path.split('/').filter(Boolean)[0];
}

/** A hoster plan offered to this reseller, published, active and of the same kind. */
async function resolveBase(sql: Sql, owner: Viewer, basePlanId: string, kind: PlanKind): Promise<UsablePlan> {
  const unavailable = (why: string) => new ProblemError('PLAN_BASE_UNAVAILABLE', why, { errors: [{ path: 'basePlanId', message: why }] });
  const base = await loadPlan(sql, basePlanId);
  const offered =
    base &&
    base.owner_org_id === hosterOf(owner) &&
    (await sql.query(`SELECT 1 FROM plan_availability WHERE plan_id = $1 AND reseller_org_id = $2`, [basePlanId, owner.id])).rowCount > 0;
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
  if (kind === 'user') return { usable: [], issues: [{ code: 'PLAN_USER_PLAN_UNAVAILABLE', path: 'userPlanIds', message: 'only organization plans reference user plans' }] };
  const f = owner.kind === 'hoster' ? { sql: 'p.owner_org_id = $2', params: [owner.id] } : visiblePlans(owner, 'p', 1);
  const rows = (
    await sql.query<PlanRow>(
      `SELECT p.* FROM plans p WHERE p.id = ANY($1::text[]) AND p.kind = 'user' AND p.status = 'active' AND p.current_version_id IS NOT NULL AND ${f.sql}`,
      [ids, ...f.params],
    )
  ).rows;
  const found = new Map(rows.map((r) => [r.id, r]));
  const versions = await loadVersions(sql, rows.map((r) => r.current_version_id));
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
async function validateContent(sql: Sql, owner: Viewer, kind: PlanKind, services: ServiceKey[], features: Record<string, unknown>, previous: FeatureMap, userPlanIds: string[]) {
  const ordered = orderServices(services);
  const issues = serviceIssues(ordered);
  const normalized = normalizeFeatures(kind, ordered, features, previous);
  issues.push(...normalized.issues);
  const users = await resolveUserPlans(sql, owner, kind, userPlanIds);
  issues.push(...users.issues);
  throwIfIssues(issues);
  return { services: ordered, features: normalized.features, userPlans: users.usable };
}

/** Bumps the plan's revision (its ETag); `set` may use parameters from $2 on. */
async function touchPlan(sql: Sql, planId: string, set = '', params: unknown[] = []): Promise<PlanRow> {
  await sql.query(`UPDATE plans SET revision = revision + 1, updated_at = now()${set ? `, ${set}` : ''} WHERE id = $1`, [planId, ...params]);
  return (await loadPlan(sql, planId))!;
}

function versionSummary(v: Pick<VersionRow, 'number' | 'display_name' | 'services' | 'features' | 'user_plan_ids'> & { description?: string | null }) {
  return { number: v.number, displayName: v.display_name, description: v.description ?? null, services: v.services, features: v.features, userPlanIds: v.user_plan_ids };
}

/** Creates a plan owned by `owner` with a draft version 1. Returns the plan id. */
export async function createPlan(sql: Sql, owner: Viewer, actor: PlanActor, body: NewPlan): Promise<string> {
  let base: UsablePlan | undefined;
  if (owner.kind === 'reseller') {
    if (!body.basePlanId) {
      throw new ProblemError('PLAN_BASE_UNAVAILABLE', 'A reseller\'s plans derive from a hoster plan made available to it: give basePlanId', { errors: [{ path: 'basePlanId', message: 'is required' }] });
    }
    base = await resolveBase(sql, owner, body.basePlanId, body.kind);
  } else if (owner.kind === 'hoster') {
    if (body.basePlanId) throw new ProblemError('PLAN_BASE_UNAVAILABLE', 'The hoster\'s plans have no base plan', { errors: [{ path: 'basePlanId', message: 'not allowed here' }] });
  } else {
    throw new ProblemError('FORBIDDEN', 'Only the hoster and resellers own plans');
  }
  const services = body.services ?? base?.current.services;
  if (!services) throw new ProblemError('VALIDATION_FAILED', 'services: required for a plan without a base plan', { errors: [{ path: 'services', message: 'is required' }] });
  const baseUserPlanIds = base ? await planIdsOfVersions(sql, base.current.user_plan_version_ids) : [];
  const userPlanIds = body.userPlanIds ?? baseUserPlanIds;
  const content = await validateContent(sql, owner, body.kind, services, body.features ?? {}, base?.current.features ?? {}, userPlanIds);

  const planId = newId('plan');
  const versionId = newId('plv');
  try {
    await sql.query(
      `INSERT INTO plans (id, owner_org_id, kind, name, base_plan_id, created_by_user_id) VALUES ($1, $2, $3, $4, $5, $6)`,
      [planId, owner.id, body.kind, body.name, base?.plan.id ?? null, actor.userId],
    );
  } catch (e) {
    if (isUniqueViolation(e, 'plans_owner_name_uq')) throw new ProblemError('PLAN_NAME_TAKEN', `You already have a plan named "${body.name}"`);
    throw e;
  }
  await sql.query(
    `INSERT INTO plan_versions (id, plan_id, number, status, display_name, description, services, features, user_plan_ids, created_by_user_id)
     VALUES ($1, $2, 1, 'draft', $3, $4, $5, $6, $7, $8)`,
    [versionId, planId, body.displayName.trim(), body.description?.trim() ?? null, content.services, JSON.stringify(content.features), userPlanIds, actor.userId],
  );
  await sql.query(`UPDATE plans SET draft_version_id = $2 WHERE id = $1`, [planId, versionId]);
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
      after: versionSummary({ number: 1, display_name: body.displayName, description: body.description, services: content.services, features: content.features, user_plan_ids: userPlanIds }),
    },
  });
  return planId;
}

async function planIdsOfVersions(sql: Sql, versionIds: string[]): Promise<string[]> {
  if (!versionIds.length) return [];
  const r = await sql.query<{ id: string; plan_id: string }>(`SELECT id, plan_id FROM plan_versions WHERE id = ANY($1::text[])`, [versionIds]);
  const byId = new Map(r.rows.map((x) => [x.id, x.plan_id]));
  return versionIds.map((id) => byId.get(id)).filter((x): x is string => !!x);
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

  let versionId: string;
  let number: number;
  const newVersion = source.status !== 'draft';
  if (!newVersion) {
    versionId = source.id;
    number = source.number;
    await sql.query(
      `UPDATE plan_versions SET display_name = $2, description = $3, services = $4, features = $5, user_plan_ids = $6, updated_at = now() WHERE id = $1`,
      [versionId, displayName, description, content.services, JSON.stringify(content.features), userPlanIds],
    );
  } else {
    versionId = newId('plv');
    number = (await sql.query<{ n: number }>(`SELECT max(number) AS n FROM plan_versions WHERE plan_id = $1`, [plan.id])).rows[0].n + 1;
    await sql.query(
      `INSERT INTO plan_versions (id, plan_id, number, status, display_name, description, services, features, user_plan_ids, created_by_user_id)
       VALUES ($1, $2, $3, 'draft', $4, $5, $6, $7, $8, $9)`,
      [versionId, plan.id, number, displayName, description, content.services, JSON.stringify(content.features), userPlanIds, actor.userId],
    );
  }
  await touchPlan(sql, plan.id, newVersion ? 'draft_version_id = $2' : '', newVersion ? [versionId] : []);
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
      after: versionSummary({ number, display_name: displayName, description, services: content.services, features: content.features, user_plan_ids: userPlanIds }),
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
    throwIfIssues(excessIssues('PLAN_EXCEEDS_BASE', excess), { features: excess.map((e) => e.feature), basePlanId: base.plan.id, baseVersion: base.current.number });
    baseVersionId = base.current.id;
  }

  await sql.query(
    `UPDATE plan_versions SET status = 'published', published_at = now(), published_by_user_id = $2, services = $3, features = $4,
            user_plan_version_ids = $5, base_version_id = $6, updated_at = now()
      WHERE id = $1`,
    [draft.id, actor.userId, content.services, JSON.stringify(content.features), content.userPlans.map((u) => u.current.id), baseVersionId],
  );
  await touchPlan(sql, plan.id, `current_version_id = draft_version_id, draft_version_id = NULL`);
  await appendAuditEvent(sql, actor.audit, {
    action: 'plan.published',
    resourceType: 'plan',
    resourceId: plan.id,
    organizationId: owner.id,
    organizationPath: owner.path,
    details: { versionId: draft.id, number: draft.number, previousVersionId: plan.current_version_id, baseVersionId, userPlanVersionIds: content.userPlans.map((u) => u.current.id) },
  });
  return (await loadVersions(sql, [draft.id])).get(draft.id)!;
}

/** Stops new subscriptions (existing ones keep their version). Idempotent. `plan` locked by the caller. */
export async function retirePlan(sql: Sql, plan: PlanRow, actor: PlanActor): Promise<void> {
  if (plan.status === 'retired') return;
  await touchPlan(sql, plan.id, `status = 'retired', retired_at = now()`);
  await appendAuditEvent(sql, actor.audit, {
    action: 'plan.retired',
    resourceType: 'plan',
    resourceId: plan.id,
    organizationId: plan.owner_org_id,
    organizationPath: plan.owner_path,
    details: { name: plan.name, currentVersionId: plan.current_version_id },
  });
}
