import type { Sql } from '../database/sql';
import type { OrganizationKind } from '../access/permissions';
import { planAudience } from '../access/scope-rules';
import { type PlanRecord, type PlanRow, withOwners } from './plans.store';

/**
 * Who is offered which plan (table `plan_availability`), and which plans a viewer sees as SQL
 * over the catalog's tables (API.md catalog, ACCESS.md §2): the hoster every plan; a reseller its
 * own plans and the hoster's published plans made available to it (with the user plans those
 * reference); a customer exactly what its parent (reseller, or the hoster for direct customers)
 * offers: its published, active plans and the user plans they reference.
 */

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

export async function isVisible(sql: Sql, viewer: Viewer, planId: string): Promise<boolean> {
  const f = visiblePlans(viewer, 'p', 1);
  const r = await sql.query(`SELECT 1 FROM plans p WHERE p.id = $1 AND ${f.sql}`, [planId, ...f.params]);
  return r.rowCount > 0;
}

export interface PlanListFilter {
  kind?: string;
  ownerId?: string;
  name?: string;
  status?: 'draft' | 'published' | 'retired';
  afterId?: string;
}

/** A page of the plans a viewer sees, by id. */
export async function listVisiblePlans(sql: Sql, viewer: Viewer, q: PlanListFilter, limit: number): Promise<PlanRow[]> {
  const f = visiblePlans(viewer, 'p');
  const params: unknown[] = [...f.params];
  const where = [f.sql];
  const add = (clause: (n: string) => string, v: unknown) => {
    params.push(v);
    where.push(clause(`$${params.length}`));
  };
  if (q.kind) add((n) => `p.kind = ${n}`, q.kind);
  if (q.ownerId) add((n) => `p.owner_org_id = ${n}`, q.ownerId);
  if (q.name) add((n) => `p.name = ${n}`, q.name);
  if (q.status === 'retired') where.push(`p.status = 'retired'`);
  if (q.status === 'published') where.push(`p.status = 'active' AND p.current_version_id IS NOT NULL`);
  if (q.status === 'draft') where.push(`p.status = 'active' AND p.current_version_id IS NULL`);
  if (q.afterId) add((n) => `p.id > ${n}`, q.afterId);
  params.push(limit);
  return withOwners(
    sql,
    (await sql.query<PlanRecord>(`SELECT p.* FROM plans p WHERE ${where.join(' AND ')} ORDER BY p.id LIMIT $${params.length}`, params)).rows,
  );
}

/**
 * Published, active user plans among `ids` that `owner` may reference: its own (the hoster), or
 * (a reseller) those visible to it.
 */
export async function referencableUserPlans(sql: Sql, owner: Viewer, ids: string[]): Promise<PlanRecord[]> {
  const f = owner.kind === 'hoster' ? { sql: 'p.owner_org_id = $2', params: [owner.id] } : visiblePlans(owner, 'p', 1);
  const r = await sql.query<PlanRecord>(
    `SELECT p.* FROM plans p WHERE p.id = ANY($1::text[]) AND p.kind = 'user' AND p.status = 'active' AND p.current_version_id IS NOT NULL AND ${f.sql}`,
    [ids, ...f.params],
  );
  return r.rows;
}

export async function isOfferedTo(sql: Sql, planId: string, resellerId: string): Promise<boolean> {
  return (await sql.query(`SELECT 1 FROM plan_availability WHERE plan_id = $1 AND reseller_org_id = $2`, [planId, resellerId])).rowCount > 0;
}

/** The resellers each plan is offered to. */
export async function offersOf(sql: Sql, planIds: string[]): Promise<Map<string, string[]>> {
  const offers = new Map<string, string[]>();
  if (!planIds.length) return offers;
  const r = await sql.query<{ plan_id: string; reseller_org_id: string }>(
    `SELECT plan_id, reseller_org_id FROM plan_availability WHERE plan_id = ANY($1::text[]) ORDER BY reseller_org_id`,
    [planIds],
  );
  for (const row of r.rows) offers.set(row.plan_id, [...(offers.get(row.plan_id) ?? []), row.reseller_org_id]);
  return offers;
}

export async function offerPlan(sql: Sql, planId: string, resellerIds: string[], userId: string | null): Promise<void> {
  await sql.query(
    `INSERT INTO plan_availability (plan_id, reseller_org_id, created_by_user_id) SELECT $1, r, $3 FROM unnest($2::text[]) AS r ON CONFLICT DO NOTHING`,
    [planId, resellerIds, userId],
  );
}

export async function withdrawPlan(sql: Sql, planId: string, resellerIds: string[]): Promise<void> {
  await sql.query(`DELETE FROM plan_availability WHERE plan_id = $1 AND reseller_org_id = ANY($2::text[])`, [planId, resellerIds]);
}
