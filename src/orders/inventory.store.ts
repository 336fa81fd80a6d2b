import { newId } from '../common/ids';
import type { Sql } from '../database/sql';
import type { InventoryChanges, UserSettings } from './decide/decision';
import type { CustomerInventory, CustomerRecord, CustomerService, CustomerSite, CustomerUser, InventoryQuery, InventoryState } from './decide/inventory';

/**
 * The SQL of a customer's inventory (`customer_services`, `customer_users`,
 * `customer_dns_records`, `customer_sites`): what an order's decision reads, in one statement,
 * and what it changes, in another. Every function takes the customer first.
 */

export interface CustomerScope {
  organizationId: string;
}

interface ServiceJson {
  subscription_id: string;
  domain: string;
  policy_name: string;
  state: InventoryState;
}
interface UserJson {
  alias: string;
  display_name: string;
  user_plan_version_id: string;
  settings: UserSettings;
  state: InventoryState;
}
interface RecordJson {
  id: string;
  zone: string;
  name: string;
  type: string;
  value: string;
  ttl: number;
  priority: number | null;
  system: boolean;
  state: InventoryState;
}
interface SiteJson {
  id: string;
  url: string;
  title: string;
  quota_mb: number;
  state: InventoryState;
}
interface InventoryRow {
  service: ServiceJson | null;
  users: UserJson[] | null;
  records: RecordJson[] | null;
  sites: SiteJson[] | null;
  domain_taken: boolean | null;
  site_url_taken: boolean | null;
  busy: boolean | null;
  policies: string[] | null;
}

const lock = (q: InventoryQuery) => (q.lock ? ' FOR UPDATE' : '');

/** The statement for a query (a CTE per table read, each part only when asked for) and its parameters. */
function inventorySql(scope: CustomerScope, q: InventoryQuery): { text: string; params: unknown[] } {
  const params: unknown[] = [scope.organizationId];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const ctes: string[] = [];
  const cols = [`(SELECT row_to_json(s) FROM customer_services s WHERE s.organization_id = $1 AND s.state <> 'removed') AS service`];
  if (q.users) {
    const named = q.users === 'all' ? '' : ` AND lower(alias) = ANY (${p(q.users.aliases)}::text[])`;
    ctes.push(`u AS (SELECT alias, display_name, user_plan_version_id, settings, state FROM customer_users
                      WHERE organization_id = $1 AND state <> 'removed'${named} ORDER BY alias${lock(q)})`);
    cols.push(`(SELECT json_agg(u) FROM u) AS users`);
  }
  if (q.records) {
    ctes.push(`r AS (SELECT id, zone, name, type, value, ttl, priority, system, state FROM customer_dns_records
                      WHERE organization_id = $1 AND state <> 'removed' ORDER BY id${lock(q)})`);
    cols.push(`(SELECT json_agg(r) FROM r) AS records`);
  }
  if (q.sites) {
    const which = q.sites === 'active' ? `state = 'active'` : `state <> 'removed'`;
    ctes.push(`si AS (SELECT id, url, title, quota_mb, state FROM customer_sites WHERE organization_id = $1 AND ${which} ORDER BY url${lock(q)})`);
    cols.push(`(SELECT json_agg(si) FROM si) AS sites`);
  }
  if (q.domain) cols.push(`EXISTS (SELECT 1 FROM customer_services WHERE lower(domain) = ${p(q.domain)} AND state <> 'removed') AS domain_taken`);
  if (q.siteUrl) cols.push(`EXISTS (SELECT 1 FROM customer_sites WHERE lower(url) = ${p(q.siteUrl)} AND state <> 'removed') AS site_url_taken`);
  if (q.busy) {
    cols.push(`EXISTS (SELECT 1 FROM customer_users WHERE organization_id = $1 AND state NOT IN ('active', 'removed')
               UNION ALL SELECT 1 FROM customer_sites WHERE organization_id = $1 AND state NOT IN ('active', 'removed')
               UNION ALL SELECT 1 FROM customer_dns_records WHERE organization_id = $1 AND state NOT IN ('active', 'removed')) AS busy`);
  }
  if (q.policies) {
    // Users pending creation may be rolled back with the policy their order created: not in use yet.
    const which = q.policies === 'in_use' ? ` AND state IN ('active', 'changing', 'removing')` : '';
    cols.push(`ARRAY(SELECT DISTINCT settings->'activesyncPolicy'->>'name' FROM customer_users
                WHERE organization_id = $1 AND (settings->>'activesync')::boolean AND settings->'activesyncPolicy'->>'name' IS NOT NULL${which} ORDER BY 1) AS policies`);
  }
  return { text: `${ctes.length ? `WITH ${ctes.join(',\n')}\n` : ''}SELECT ${cols.join(',\n')}`, params };
}

/** What an order's decision needs to see of the customer's inventory, in one round trip. */
export async function loadInventory(sql: Sql, scope: CustomerScope, q: InventoryQuery): Promise<CustomerInventory> {
  const { text, params } = inventorySql(scope, q);
  const r = (await sql.query<InventoryRow>(text, params)).rows[0];
  return {
    service: r.service ? serviceOf(r.service) : undefined,
    users: (r.users ?? []).map(userOf),
    records: (r.records ?? []).map((x): CustomerRecord => ({ ...x })),
    sites: (r.sites ?? []).map((x): CustomerSite => ({ id: x.id, url: x.url, title: x.title, quotaMb: x.quota_mb, state: x.state })),
    domainTaken: !!r.domain_taken,
    siteUrlTaken: !!r.site_url_taken,
    busy: !!r.busy,
    policies: r.policies ?? [],
  };
}

/** One user of the customer that is not removed (alias compared case-insensitively). */
export async function findCustomerUser(sql: Sql, scope: CustomerScope, alias: string): Promise<CustomerUser | undefined> {
  const r = await sql.query<UserJson>(
    `SELECT alias, display_name, user_plan_version_id, settings, state FROM customer_users WHERE organization_id = $1 AND lower(alias) = lower($2) AND state <> 'removed'`,
    [scope.organizationId, alias],
  );
  return r.rows[0] && userOf(r.rows[0]);
}

const serviceOf = (s: ServiceJson): CustomerService => ({ subscriptionId: s.subscription_id, domain: s.domain, policyName: s.policy_name, state: s.state });
const userOf = (u: UserJson): CustomerUser => ({
  alias: u.alias,
  displayName: u.display_name,
  userPlanVersionId: u.user_plan_version_id,
  settings: u.settings,
  state: u.state,
});

/** Unique indexes whose violation means another order (or customer) got there first. */
export const INVENTORY_UNIQUE = {
  domain: 'customer_services_domain_uq',
  alias: 'customer_users_alias_uq',
  siteUrl: 'customer_sites_url_uq',
} as const;

/**
 * An order's inventory changes in **one statement** (a data-modifying CTE per table changed):
 * new rows are `pending` and owned by the order; rows it removes become `removing`, rows it
 * changes `changing` with their new settings pending. Unique violations propagate (see
 * `INVENTORY_UNIQUE`).
 */
export async function applyInventory(sql: Sql, scope: CustomerScope, orderId: string, c: InventoryChanges, subscriptionId: string): Promise<void> {
  const parts: string[] = [];
  const params: unknown[] = [scope.organizationId, orderId];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (c.service) parts.push(serviceUpsert(p(subscriptionId), p(c.service.domain), p(c.service.policyName)));
  if (c.users?.length)
    parts.push(
      usersInsert(
        p(c.users.map(() => newId('cus'))),
        p(c.users.map((u) => u.alias)),
        p(c.users.map((u) => u.displayName)),
        p(c.users.map((u) => u.userPlanVersionId)),
        p(c.users.map((u) => JSON.stringify(u.settings))),
      ),
    );
  if (c.changedUsers?.length)
    parts.push(
      usersChange(
        p(c.changedUsers.map((u) => u.alias)),
        p(c.changedUsers.map((u) => JSON.stringify(u.settings))),
        p(c.changedUsers.map((u) => u.userPlanVersionId)),
      ),
    );
  if (c.records?.length) parts.push(recordsInsert(c.records, p));
  if (c.sites?.length)
    parts.push(sitesInsert(p(c.sites.map(() => newId('csi'))), p(c.sites.map((s) => s.url)), p(c.sites.map((s) => s.title)), p(c.sites.map((s) => s.quotaMb))));
  if (c.removing) parts.push(...removals(c.removing, p));
  if (!parts.length) return;
  await sql.query(`WITH ${parts.map((x, i) => `c${i} AS (${x} RETURNING 1)`).join(',\n')} SELECT 1`, params);
}

function serviceUpsert(sub: string, domain: string, policy: string): string {
  return `INSERT INTO customer_services (organization_id, subscription_id, domain, policy_name, state, order_id) VALUES ($1, ${sub}, ${domain}, ${policy}, 'pending', $2)
          ON CONFLICT (organization_id) DO UPDATE SET subscription_id = EXCLUDED.subscription_id, domain = EXCLUDED.domain, policy_name = EXCLUDED.policy_name,
            state = 'pending', order_id = EXCLUDED.order_id, updated_at = now()
          WHERE customer_services.state = 'removed'`;
}

function usersInsert(ids: string, aliases: string, names: string, versions: string, settings: string): string {
  return `INSERT INTO customer_users (id, organization_id, alias, display_name, user_plan_version_id, settings, state, order_id)
          SELECT x.id, $1, x.alias, x.name, x.version, x.settings::jsonb, 'pending', $2
            FROM unnest(${ids}::text[], ${aliases}::text[], ${names}::text[], ${versions}::text[], ${settings}::text[]) WITH ORDINALITY AS x(id, alias, name, version, settings, n)
           ORDER BY x.n`;
}

function usersChange(aliases: string, settings: string, versions: string): string {
  return `UPDATE customer_users c SET state = 'changing', order_id = $2, pending_settings = x.settings::jsonb, pending_plan_version_id = x.version, updated_at = now()
            FROM unnest(${aliases}::text[], ${settings}::text[], ${versions}::text[]) AS x(alias, settings, version)
           WHERE c.organization_id = $1 AND c.alias = x.alias AND c.state = 'active'`;
}

function recordsInsert(records: NonNullable<InventoryChanges['records']>, p: (v: unknown) => string): string {
  const cols = [
    p(records.map(() => newId('cdr'))),
    p(records.map((r) => r.zone)),
    p(records.map((r) => r.name)),
    p(records.map((r) => r.type)),
    p(records.map((r) => r.value)),
    p(records.map((r) => r.ttl)),
    p(records.map((r) => r.priority)),
    p(records.map((r) => r.system)),
  ];
  return `INSERT INTO customer_dns_records (id, organization_id, zone, name, type, value, ttl, priority, system, state, order_id)
          SELECT x.id, $1, x.zone, x.name, x.type, x.value, x.ttl, x.priority, x.system, 'pending', $2
            FROM unnest(${cols[0]}::text[], ${cols[1]}::text[], ${cols[2]}::text[], ${cols[3]}::text[], ${cols[4]}::text[], ${cols[5]}::int[], ${cols[6]}::int[], ${cols[7]}::boolean[])
                 WITH ORDINALITY AS x(id, zone, name, type, value, ttl, priority, system, n)
           ORDER BY x.n`;
}

function sitesInsert(ids: string, urls: string, titles: string, quotas: string): string {
  return `INSERT INTO customer_sites (id, organization_id, url, title, quota_mb, state, order_id)
          SELECT x.id, $1, x.url, x.title, x.quota, 'pending', $2 FROM unnest(${ids}::text[], ${urls}::text[], ${titles}::text[], ${quotas}::int[]) AS x(id, url, title, quota)`;
}

/** The active rows the order takes over for removal (`everything`: the whole customer, service included). */
function removals(r: NonNullable<InventoryChanges['removing']>, p: (v: unknown) => string): string[] {
  const claim = (table: string, where: string) =>
    `UPDATE ${table} SET state = 'removing', order_id = $2, updated_at = now() WHERE organization_id = $1 AND state = 'active' AND ${where}`;
  if (r.everything) {
    return [
      claim('customer_users', 'TRUE'),
      claim('customer_sites', 'TRUE'),
      claim('customer_dns_records', 'TRUE'),
      `UPDATE customer_services SET state = 'removing', order_id = $2, updated_at = now() WHERE organization_id = $1 AND state IN ('active', 'pending')`,
    ];
  }
  const out: string[] = [];
  if (r.users?.length) out.push(claim('customer_users', `alias = ANY (${p(r.users)}::text[])`));
  if (r.records?.length) out.push(claim('customer_dns_records', `id = ANY (${p(r.records)}::text[])`));
  if (r.sites?.length) out.push(claim('customer_sites', `id = ANY (${p(r.sites)}::text[])`));
  return out;
}
