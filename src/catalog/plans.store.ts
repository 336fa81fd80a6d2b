import type { Sql } from '../database/sql';
import type { OrganizationKind } from '../access/permissions';
import { findOrganizations } from '../identity/organizations.store';
import type { FeatureMap, PlanContent } from './plan-rules';
import type { PlanKind, ServiceKey } from './service-catalog';

/**
 * The SQL of plans and their versions (tables `plans`, `plan_versions`). Who sees which plan is
 * in plan-visibility.ts; what may change is in plan-commands.ts.
 */

/** A row of `plans`. */
export interface PlanRecord {
  id: string;
  owner_org_id: string;
  kind: PlanKind;
  name: string;
  base_plan_id: string | null;
  status: 'active' | 'retired';
  current_version_id: string | null;
  draft_version_id: string | null;
  revision: number;
  created_at: Date;
  updated_at: Date;
  retired_at: Date | null;
}

/** A plan with its owner's path and kind (for the access checks and audit events that follow). */
export interface PlanRow extends PlanRecord {
  owner_path: string;
  owner_kind: OrganizationKind;
}

export interface VersionRow {
  id: string;
  plan_id: string;
  number: number;
  status: 'draft' | 'published';
  display_name: string;
  description: string | null;
  services: ServiceKey[];
  features: FeatureMap;
  user_plan_ids: string[];
  user_plan_version_ids: string[];
  base_version_id: string | null;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
}

/** Plans with their owners' path and kind, from identity (one read for all the owners). */
export async function withOwners(sql: Sql, plans: PlanRecord[]): Promise<PlanRow[]> {
  if (!plans.length) return [];
  const owners = new Map((await findOrganizations(sql, [...new Set(plans.map((p) => p.owner_org_id))])).map((o) => [o.id, o]));
  return plans.map((p) => ({ ...p, owner_path: owners.get(p.owner_org_id)!.path, owner_kind: owners.get(p.owner_org_id)!.kind }));
}

export async function loadPlan(sql: Sql, id: string, opts: { lock?: boolean } = {}): Promise<PlanRow | undefined> {
  const r = await sql.query<PlanRecord>(`SELECT * FROM plans WHERE id = $1${opts.lock ? ' FOR UPDATE' : ''}`, [id]);
  return (await withOwners(sql, r.rows))[0];
}

export async function planExists(sql: Sql, id: string): Promise<boolean> {
  return (await sql.query(`SELECT 1 FROM plans WHERE id = $1`, [id])).rowCount > 0;
}

/** One seeder at a time (several processes may start together), until the transaction ends. */
export async function lockSeeding(sql: Sql): Promise<void> {
  await sql.query(`SELECT pg_advisory_xact_lock(hashtext('provisio:seed:catalog'))`);
}

/** The hoster's plans by name (the seed step). */
export async function planIdsByName(sql: Sql, ownerId: string): Promise<Map<string, string>> {
  const r = await sql.query<{ id: string; name: string }>(`SELECT id, name FROM plans WHERE owner_org_id = $1`, [ownerId]);
  return new Map(r.rows.map((x) => [x.name, x.id]));
}

export async function loadVersions(sql: Sql, ids: (string | null)[]): Promise<Map<string, VersionRow>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const r = await sql.query<VersionRow>(`SELECT * FROM plan_versions WHERE id = ANY($1::text[])`, [wanted]);
  return new Map(r.rows.map((v) => [v.id, v]));
}

export function contentOf(v: Pick<VersionRow, 'services' | 'features'>): PlanContent {
  return { services: v.services, features: v.features };
}

/** A page of a plan's versions by number; drafts only when `withDrafts`. */
export async function versionsPage(sql: Sql, planId: string, withDrafts: boolean, afterNumber: number | null, limit: number): Promise<VersionRow[]> {
  const r = await sql.query<VersionRow>(
    `SELECT * FROM plan_versions WHERE plan_id = $1 AND ($2 OR status = 'published') AND ($3::int IS NULL OR number > $3) ORDER BY number LIMIT $4`,
    [planId, withDrafts, afterNumber, limit],
  );
  return r.rows;
}

/** The plan ids of versions, in the order given (a draft references plans; a published version pins versions). */
export async function planIdsOfVersions(sql: Sql, versionIds: string[]): Promise<string[]> {
  if (!versionIds.length) return [];
  const r = await sql.query<{ id: string; plan_id: string }>(`SELECT id, plan_id FROM plan_versions WHERE id = ANY($1::text[])`, [versionIds]);
  const byId = new Map(r.rows.map((x) => [x.id, x.plan_id]));
  return versionIds.map((id) => byId.get(id)).filter((x): x is string => !!x);
}

export interface UserPlanRefRow {
  id: string;
  plan_id: string;
  number: number;
  name: string;
}

export async function userPlanVersionRefs(sql: Sql, versionIds: string[]): Promise<UserPlanRefRow[]> {
  if (!versionIds.length) return [];
  const r = await sql.query<UserPlanRefRow>(
    `SELECT v.id, v.plan_id, v.number, p.name FROM plan_versions v JOIN plans p ON p.id = v.plan_id WHERE v.id = ANY($1::text[])`,
    [versionIds],
  );
  return r.rows;
}

export async function planNames(sql: Sql, planIds: string[]): Promise<Map<string, string>> {
  if (!planIds.length) return new Map();
  const r = await sql.query<{ id: string; name: string }>(`SELECT id, name FROM plans WHERE id = ANY($1::text[])`, [planIds]);
  return new Map(r.rows.map((x) => [x.id, x.name]));
}

// --- writes ----------------------------------------------------------------------------------

export interface VersionContent {
  displayName: string;
  description: string | null;
  services: ServiceKey[];
  features: FeatureMap;
  userPlanIds: string[];
}

/** A plan with its draft version 1, in one statement (the foreign keys are checked at its end). */
export async function insertPlanWithDraft(
  sql: Sql,
  plan: { id: string; ownerId: string; kind: PlanKind; name: string; basePlanId: string | null; userId: string | null; versionId: string },
  content: VersionContent,
): Promise<void> {
  await sql.query(
    `WITH plan AS (
       INSERT INTO plans (id, owner_org_id, kind, name, base_plan_id, created_by_user_id, draft_version_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
     )
     INSERT INTO plan_versions (id, plan_id, number, status, display_name, description, services, features, user_plan_ids, created_by_user_id)
     SELECT $7, id, 1, 'draft', $8, $9, $10, $11, $12, $6 FROM plan`,
    [
      plan.id,
      plan.ownerId,
      plan.kind,
      plan.name,
      plan.basePlanId,
      plan.userId,
      plan.versionId,
      content.displayName,
      content.description,
      content.services,
      JSON.stringify(content.features),
      content.userPlanIds,
    ],
  );
}

export async function updateDraft(sql: Sql, versionId: string, content: VersionContent): Promise<void> {
  await sql.query(
    `UPDATE plan_versions SET display_name = $2, description = $3, services = $4, features = $5, user_plan_ids = $6, updated_at = now() WHERE id = $1`,
    [versionId, content.displayName, content.description, content.services, JSON.stringify(content.features), content.userPlanIds],
  );
}

/** A new draft (the next number) and the plan pointing at it. Returns its number. */
export async function insertDraft(sql: Sql, planId: string, versionId: string, userId: string | null, content: VersionContent): Promise<number> {
  const r = await sql.query<{ number: number }>(
    `WITH v AS (
       INSERT INTO plan_versions (id, plan_id, number, status, display_name, description, services, features, user_plan_ids, created_by_user_id)
       SELECT $1, $2, max(number) + 1, 'draft', $3, $4, $5, $6, $7, $8 FROM plan_versions WHERE plan_id = $2
       RETURNING number
     )
     SELECT number FROM v`,
    [versionId, planId, content.displayName, content.description, content.services, JSON.stringify(content.features), content.userPlanIds, userId],
  );
  return r.rows[0].number;
}

export async function publishVersion(
  sql: Sql,
  v: { id: string; userId: string | null; services: ServiceKey[]; features: FeatureMap; userPlanVersionIds: string[]; baseVersionId: string | null },
): Promise<void> {
  await sql.query(
    `UPDATE plan_versions SET status = 'published', published_at = now(), published_by_user_id = $2, services = $3, features = $4,
            user_plan_version_ids = $5, base_version_id = $6, updated_at = now()
      WHERE id = $1`,
    [v.id, v.userId, v.services, JSON.stringify(v.features), v.userPlanVersionIds, v.baseVersionId],
  );
}

export type PlanChange = { draftVersionId: string } | 'publish' | 'retire' | 'touch';

const PLAN_CHANGES: Record<'publish' | 'retire' | 'touch', string> = {
  publish: `, current_version_id = draft_version_id, draft_version_id = NULL`,
  retire: `, status = 'retired', retired_at = now()`,
  touch: '',
};

/** Bumps the plan's revision (its ETag), with the change named. */
export async function touchPlan(sql: Sql, planId: string, change: PlanChange): Promise<void> {
  if (typeof change === 'object') {
    await sql.query(`UPDATE plans SET revision = revision + 1, updated_at = now(), draft_version_id = $2 WHERE id = $1`, [planId, change.draftVersionId]);
    return;
  }
  await sql.query(`UPDATE plans SET revision = revision + 1, updated_at = now()${PLAN_CHANGES[change]} WHERE id = $1`, [planId]);
}
