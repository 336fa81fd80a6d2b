import type { Sql } from '../database/sql';
import type { OrganizationKind } from '../access/permissions';
import { planAudience } from '../access/scope-rules';
import { type PlanVersionView, planVersionView, type UserPlanRefView } from './catalog.views';
import type { FeatureMap, PlanContent } from './plan-rules';
import type { PlanKind, ServiceKey } from './service-catalog';

/**
 * Reads of plans and versions, and the one rule of who sees which plan (API.md catalog,
 * ACCESS.md §2): the hoster sees every plan; a reseller its own plans and the hoster's published
 * plans made available to it (with the user plans those reference); a customer exactly what its
 * parent (reseller, or the hoster for direct customers) offers: its published, active plans and
 * the user plans they reference.
 */

export interface PlanRow {
  id: string;
  owner_org_id: string;
  owner_path: string;
  owner_kind: OrganizationKind;
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

/** The organization whose view of the catalog applies. */
export interface Viewer {
  id: string;
  kind: OrganizationKind;
  path: string;
}

export interface Filter {
  sql: string;
  params: unknown[];
}

/**
 * `alias` is the plans table alias; parameters are numbered from `offset + 1`. Whose offer the
 * viewer sees is decided by `planAudience` (access); this turns it into SQL over catalog's tables.
 */
export function visiblePlans(viewer: Viewer, alias: string, offset = 0): Filter {
  const a = alias;
  const audience = planAudience(viewer);
  const n = `$${offset + 1}`;
  switch (audience.kind) {
    case 'everything':
      return { sql: 'TRUE', params: [] };
    case 'reseller':
      return {
        sql: `(${a}.owner_org_id = ${n} OR (${a}.current_version_id IS NOT NULL AND (
                EXISTS (SELECT 1 FROM plan_availability pa WHERE pa.plan_id = ${a}.id AND pa.reseller_org_id = ${n})
                OR EXISTS (SELECT 1 FROM plan_availability pa JOIN plans op ON op.id = pa.plan_id
                             JOIN plan_versions cv ON cv.id = op.current_version_id
                             JOIN plan_versions uv ON uv.id = ANY (cv.user_plan_version_ids)
                            WHERE pa.reseller_org_id = ${n} AND uv.plan_id = ${a}.id))))`,
        params: [audience.resellerId],
      };
    case 'customer':
      return {
        sql: `((${a}.owner_org_id = ${n} AND ${a}.status = 'active' AND ${a}.current_version_id IS NOT NULL)
                OR EXISTS (SELECT 1 FROM plans op JOIN plan_versions cv ON cv.id = op.current_version_id
                             JOIN plan_versions uv ON uv.id = ANY (cv.user_plan_version_ids)
                            WHERE op.owner_org_id = ${n} AND op.status = 'active' AND uv.plan_id = ${a}.id))`,
        params: [audience.offeredBy],
      };
  }
}

export const PLAN_COLUMNS = `p.*, o.path AS owner_path, o.kind AS owner_kind`;

export async function loadPlan(sql: Sql, id: string, opts: { lock?: boolean } = {}): Promise<PlanRow | undefined> {
  if (opts.lock) await sql.query(`SELECT id FROM plans WHERE id = $1 FOR UPDATE`, [id]);
  const r = await sql.query<PlanRow>(`SELECT ${PLAN_COLUMNS} FROM plans p JOIN organizations o ON o.id = p.owner_org_id WHERE p.id = $1`, [id]);
  return r.rows[0];
}

export async function isVisible(sql: Sql, viewer: Viewer, planId: string): Promise<boolean> {
  const f = visiblePlans(viewer, 'p', 1);
  const r = await sql.query(`SELECT 1 FROM plans p WHERE p.id = $1 AND ${f.sql}`, [planId, ...f.params]);
  return r.rowCount > 0;
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

/** Names and numbers of the user plans versions reference (pinned versions, or plan ids in drafts). */
export async function userPlanRefs(sql: Sql, versions: VersionRow[]): Promise<Map<string, UserPlanRefView[]>> {
  const versionIds = [...new Set(versions.flatMap((v) => v.user_plan_version_ids))];
  const planIds = [...new Set(versions.flatMap((v) => v.user_plan_ids))];
  const byVersion = new Map<string, UserPlanRefView>();
  const byPlan = new Map<string, string>();
  if (versionIds.length) {
    const r = await sql.query<{ id: string; plan_id: string; number: number; name: string }>(
      `SELECT v.id, v.plan_id, v.number, p.name FROM plan_versions v JOIN plans p ON p.id = v.plan_id WHERE v.id = ANY($1::text[])`,
      [versionIds],
    );
    for (const row of r.rows) byVersion.set(row.id, { planId: row.plan_id, name: row.name, versionId: row.id, version: row.number });
  }
  if (planIds.length) {
    const r = await sql.query<{ id: string; name: string }>(`SELECT id, name FROM plans WHERE id = ANY($1::text[])`, [planIds]);
    for (const row of r.rows) byPlan.set(row.id, row.name);
  }
  const out = new Map<string, UserPlanRefView[]>();
  for (const v of versions) {
    out.set(
      v.id,
      v.status === 'published'
        ? v.user_plan_version_ids.map((id) => byVersion.get(id)).filter((x): x is UserPlanRefView => !!x)
        : v.user_plan_ids.map((id) => ({ planId: id, name: byPlan.get(id) ?? id, versionId: null, version: null })),
    );
  }
  return out;
}

export async function versionViews(sql: Sql, versions: VersionRow[]): Promise<Map<string, PlanVersionView>> {
  const refs = await userPlanRefs(sql, versions);
  return new Map(versions.map((v) => [v.id, planVersionView(v, refs.get(v.id) ?? [])]));
}
