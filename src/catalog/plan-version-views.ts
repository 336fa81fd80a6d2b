import type { Sql } from '../database/sql';
import { type PlanVersionView, planVersionView, type UserPlanRefView } from './catalog.views';
import { planNames, userPlanVersionRefs, type VersionRow } from './plans.store';

/** Names and numbers of the user plans versions reference (pinned versions, or plan ids in drafts). */
export async function userPlanRefs(sql: Sql, versions: VersionRow[]): Promise<Map<string, UserPlanRefView[]>> {
  const byVersion = new Map<string, UserPlanRefView>();
  for (const row of await userPlanVersionRefs(sql, [...new Set(versions.flatMap((v) => v.user_plan_version_ids))])) {
    byVersion.set(row.id, { planId: row.plan_id, name: row.name, versionId: row.id, version: row.number });
  }
  const byPlan = await planNames(sql, [...new Set(versions.flatMap((v) => v.user_plan_ids))]);
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
