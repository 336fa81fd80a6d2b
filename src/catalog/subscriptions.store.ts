import type { Sql } from '../database/sql';
import type { FeatureMap } from './plan-rules';
import { COUNTERS_JSON, type CounterJson, counterInsertParams, type Limits } from './quota-ledger.store';
import type { ServiceKey } from './service-catalog';

/**
 * The SQL of subscriptions (table `subscriptions`), read with everything an order validates
 * against — the plan version, the user plans it offers and the quota counters — in **one**
 * statement each.
 */

export type SubscriptionStatus = 'pending' | 'active' | 'suspended' | 'cancelled';

/** A plan version as JSON, with its plan's name. */
export interface VersionJson {
  id: string;
  plan_id: string;
  plan_name: string;
  number: number;
  display_name: string;
  services: ServiceKey[];
  features: FeatureMap;
}

export interface OrganizationVersionJson extends VersionJson {
  /** The user plan versions it pinned, in the order it lists them. */
  user_plans: VersionJson[];
}

const versionFields = (v: string) =>
  `'id', ${v}.id, 'plan_id', ${v}.plan_id, 'plan_name', (SELECT name FROM plans WHERE id = ${v}.plan_id), 'number', ${v}.number,
   'display_name', ${v}.display_name, 'services', ${v}.services, 'features', ${v}.features`;

/** The organization plan version `v` (alias) with its user plans, as one JSON value. */
const VERSION_JSON = `json_build_object(${versionFields('v')},
   'user_plans', (SELECT coalesce(json_agg(json_build_object(${versionFields('uv')}) ORDER BY array_position(v.user_plan_version_ids, uv.id)), '[]'::json)
                    FROM plan_versions uv WHERE uv.id = ANY (v.user_plan_version_ids)))`;

export interface SubscriptionDetailsRow {
  id: string;
  organization_id: string;
  organization_path: string;
  status: SubscriptionStatus;
  order_id: string | null;
  plan_id: string;
  status_changed_at: Date;
  created_at: Date;
  updated_at: Date;
  version: OrganizationVersionJson;
  counters: CounterJson[];
}

const DETAILS_SELECT = `
  SELECT s.id, s.organization_id, s.organization_path, s.status, s.order_id, s.plan_id, s.status_changed_at, s.created_at, s.updated_at,
         ${VERSION_JSON} AS version, ${COUNTERS_JSON} AS counters
    FROM subscriptions s JOIN plan_versions v ON v.id = s.plan_version_id`;

export async function findSubscriptionDetails(sql: Sql, id: string): Promise<SubscriptionDetailsRow | undefined> {
  return (await sql.query<SubscriptionDetailsRow>(`${DETAILS_SELECT} WHERE s.id = $1`, [id])).rows[0];
}

/** The organization's subscription that is not cancelled (at most one: a unique index). */
export async function findOpenSubscriptionDetails(sql: Sql, organizationId: string): Promise<SubscriptionDetailsRow | undefined> {
  return (await sql.query<SubscriptionDetailsRow>(`${DETAILS_SELECT} WHERE s.organization_id = $1 AND s.status <> 'cancelled'`, [organizationId])).rows[0];
}

export async function listSubscriptionDetails(sql: Sql, organizationId: string, afterId: string | undefined, limit: number): Promise<SubscriptionDetailsRow[]> {
  const r = await sql.query<SubscriptionDetailsRow>(
    `${DETAILS_SELECT} WHERE s.organization_id = $1 AND ($2::text IS NULL OR s.id > $2) ORDER BY s.id LIMIT $3`,
    [organizationId, afterId ?? null, limit],
  );
  return r.rows;
}

export async function subscriptionOrganization(sql: Sql, id: string): Promise<string | undefined> {
  return (await sql.query<{ organization_id: string }>(`SELECT organization_id FROM subscriptions WHERE id = $1`, [id])).rows[0]?.organization_id;
}

/** A plan version with what decides whether a customer may subscribe to it. */
export interface OfferableVersionRow {
  plan_id: string;
  name: string;
  kind: string;
  owner_org_id: string;
  status: string;
  current_version_id: string | null;
  version_status: string;
  version: OrganizationVersionJson;
}

const OFFERABLE_SELECT = `
  SELECT p.id AS plan_id, p.name, p.kind, p.owner_org_id, p.status, p.current_version_id, v.status AS version_status, ${VERSION_JSON} AS version
    FROM plan_versions v JOIN plans p ON p.id = v.plan_id`;

export async function findOfferableVersion(sql: Sql, versionId: string): Promise<OfferableVersionRow | undefined> {
  return (await sql.query<OfferableVersionRow>(`${OFFERABLE_SELECT} WHERE v.id = $1`, [versionId])).rows[0];
}

/**
 * The version an order names among the organization plans of `ownerId`: by plan id, name or the
 * id of one of its versions (its current version), or `name@number`; else `fallbackVersionId`
 * (a version id given directly). One statement.
 */
export async function findOfferableVersionByRef(
  sql: Sql,
  ref: { ownerId: string | null; name: string; number: number | undefined; fallbackVersionId: string | null },
): Promise<OfferableVersionRow | undefined> {
  const r = await sql.query<OfferableVersionRow>(
    `WITH by_ref AS (
       SELECT CASE WHEN $3::int IS NULL THEN p.current_version_id
                   ELSE (SELECT x.id FROM plan_versions x WHERE x.plan_id = p.id AND x.number = $3::int) END AS version_id
         FROM plans p
        WHERE p.owner_org_id = $1 AND p.kind = 'organization' AND (p.id = $2 OR p.name = $2 OR p.id = (SELECT plan_id FROM plan_versions WHERE id = $2))
        LIMIT 1
     )
     ${OFFERABLE_SELECT} WHERE v.id = coalesce((SELECT version_id FROM by_ref), $4::text)`,
    [ref.ownerId, ref.name, ref.number ?? null, ref.fallbackVersionId],
  );
  return r.rows[0];
}

// --- writes ----------------------------------------------------------------------------------

export interface NewSubscription {
  id: string;
  organizationId: string;
  organizationPath: string;
  planId: string;
  planVersionId: string;
  orderId: string | null;
  userId: string | null;
}

/**
 * A `pending` subscription with its quota counters, in one statement. A second open subscription
 * of the organization violates `subscriptions_one_open_uq`.
 */
export async function insertSubscription(
  sql: Sql,
  s: NewSubscription,
  limits: Limits,
): Promise<{ status_changed_at: Date; created_at: Date; updated_at: Date }> {
  const [ids, features, values] = counterInsertParams(limits);
  const r = await sql.query<{ status_changed_at: Date; created_at: Date; updated_at: Date }>(
    `WITH sub AS (
       INSERT INTO subscriptions (id, organization_id, organization_path, plan_id, plan_version_id, status, order_id, created_by_user_id)
       VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7)
       RETURNING id, status_changed_at, created_at, updated_at
     ),
     counters AS (
       INSERT INTO quota_ledger (id, subscription_id, feature, limit_value)
       SELECT x.id, (SELECT id FROM sub), x.feature, x.lim FROM unnest($8::text[], $9::text[], $10::bigint[]) AS x(id, feature, lim)
       RETURNING 1
     )
     SELECT status_changed_at, created_at, updated_at FROM sub WHERE (SELECT count(*) FROM counters) >= 0`,
    [s.id, s.organizationId, s.organizationPath, s.planId, s.planVersionId, s.orderId, s.userId, ids, features, values],
  );
  return r.rows[0];
}

export interface LockedSubscriptionRow {
  id: string;
  organization_id: string;
  organization_path: string;
  status: SubscriptionStatus;
  plan_version_id: string;
}

export async function lockSubscription(sql: Sql, id: string): Promise<LockedSubscriptionRow | undefined> {
  const r = await sql.query<LockedSubscriptionRow>(
    `SELECT id, organization_id, organization_path, status, plan_version_id FROM subscriptions WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return r.rows[0];
}

export async function updateSubscriptionPlan(sql: Sql, id: string, planId: string, planVersionId: string): Promise<void> {
  await sql.query(`UPDATE subscriptions SET plan_id = $2, plan_version_id = $3, updated_at = now() WHERE id = $1`, [id, planId, planVersionId]);
}

/** A status change that remembers the previous status and the run that made it (for its rollback). */
export async function writeSubscriptionStatus(sql: Sql, id: string, to: SubscriptionStatus, runId: string | null): Promise<void> {
  await sql.query(
    `UPDATE subscriptions SET previous_status = status, status = $2, status_run_id = $3, status_changed_at = now(), updated_at = now() WHERE id = $1`,
    [id, to, runId],
  );
}

/** Back to the previous status, only if the status is still `to` as set by `runId`. */
export async function restoreSubscriptionStatusRow(
  sql: Sql,
  id: string,
  to: SubscriptionStatus,
  runId: string,
): Promise<{ previous: SubscriptionStatus; organization_id: string; organization_path: string } | undefined> {
  const r = await sql.query<{ previous: SubscriptionStatus; organization_id: string; organization_path: string }>(
    `UPDATE subscriptions SET status = previous_status, previous_status = NULL, status_run_id = NULL, status_changed_at = now(), updated_at = now()
      WHERE id = $1 AND status = $2 AND status_run_id = $3 AND previous_status IS NOT NULL
      RETURNING status AS previous, organization_id, organization_path`,
    [id, to, runId],
  );
  return r.rows[0];
}

/** A subscription that never became active is cancelled (its `subscribe` order failed). */
export async function cancelPendingSubscriptionRow(sql: Sql, id: string): Promise<{ organization_id: string; organization_path: string } | undefined> {
  const r = await sql.query<{ organization_id: string; organization_path: string }>(
    `UPDATE subscriptions SET status = 'cancelled', status_changed_at = now(), updated_at = now() WHERE id = $1 AND status = 'pending' RETURNING organization_id, organization_path`,
    [id],
  );
  return r.rows[0];
}
