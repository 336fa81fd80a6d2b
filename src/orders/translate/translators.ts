import type { AuditActor } from '../../audit/audit-writer';
import { ProblemError } from '../../common/errors/problem';
import { newId } from '../../common/ids';
import type { Sql } from '../../database/sql';
import type { QuotaItem } from '../../catalog/quota-ledger';
import {
  changeSubscriptionPlan,
  createSubscription,
  planGrants,
  requireWithinPlanLimit,
  resolveUserPlan,
  type SubscriptionDetails,
  type UserPlanVersion,
} from '../../catalog/subscriptions';
import type {
  AddDnsRecordsOrder,
  AddUsersOrder,
  ChangePlanOrder,
  ChangeUserPlanOrder,
  CreateSiteOrder,
  DeleteSiteOrder,
  NewUser,
  OrderBase,
  OrderType,
  RemoveDnsRecordsOrder,
  RemoveUsersOrder,
  SubscribeOrder,
} from '../dto/order-requests';
import { type NormalizedRecord, normalizeRecord, normalizeRecordRef, normalizeSiteUrl } from './dns-validation';
import { systemRecords } from './platform';
import { el, type XmlElement } from './xml';

export interface CustomerService {
  organization_id: string;
  subscription_id: string;
  domain: string;
  policy_name: string;
  state: string;
}

export interface TranslateContext {
  sql: Sql;
  orderId: string;
  org: { id: string; name: string; path: string; parentId: string | null };
  actor: AuditActor;
  /** The organization's open subscription (absent only for `subscribe`). */
  subscription?: SubscriptionDetails;
  service?: CustomerService;
}

export interface Translation {
  call: { namespace: string; procedure: string };
  data: XmlElement[];
  subscriptionId: string;
  /** Units the order will consume (reserved now, usage at completion). */
  reserve: QuotaItem[];
  /** Units the order will free (usage decreases at completion). */
  release: QuotaItem[];
  /** A short, readable account of what the order does (shown on the order). */
  summary: Record<string, unknown>;
  /** Inventory changes made with the order (pending/removing rows owned by it). */
  inventory(sql: Sql): Promise<void>;
}

export type UserSettings = {
  mailboxSizeMb: number;
  activesync: boolean;
  sip: boolean;
  im: boolean;
  presence: boolean;
  federation: boolean;
  conferencing: boolean;
  userPlan: string;
};

const POLICY_NAME = 'default';
const bool = (b: boolean) => (b ? 'true' : 'false');

function invalid(path: string, message: string): ProblemError {
  return new ProblemError('VALIDATION_FAILED', `${path}: ${message}`, { errors: [{ path, message }] });
}

function has(sub: SubscriptionDetails, service: string): boolean {
  return (sub.services as string[]).includes(service);
}

function counted(sub: SubscriptionDetails): Set<string> {
  return new Set(sub.quotas.map((q) => q.feature));
}

function onlyCounted(sub: SubscriptionDetails, items: QuotaItem[]): QuotaItem[] {
  const c = counted(sub);
  return items.filter((i) => c.has(i.feature) && i.amount > 0);
}

function sumItems(items: QuotaItem[]): QuotaItem[] {
  const m = new Map<string, number>();
  for (const i of items) m.set(i.feature, (m.get(i.feature) ?? 0) + i.amount);
  return [...m.entries()].map(([feature, amount]) => ({ feature, amount }));
}

/** What one user with this user plan gets inside this organization plan. */
export function userSettings(sub: SubscriptionDetails, plan: UserPlanVersion, path: string): UserSettings {
  if (!has(sub, 'exchange') || !plan.settings.mailbox) throw new ProblemError('SERVICE_NOT_IN_PLAN', `${path}: users need Exchange in both the organization plan and the user plan`);
  requireWithinPlanLimit(sub, 'exchange.mailbox_size_mb', plan.settings.mailbox.sizeMb);
  const activesync = !!plan.settings.activeSync && has(sub, 'mobility') && planGrants(sub, 'mobility.activesync');
  const sip = !!plan.settings.sip && has(sub, 'communications');
  return {
    mailboxSizeMb: plan.settings.mailbox.sizeMb,
    activesync,
    sip,
    im: sip && plan.settings.sip!.im && planGrants(sub, 'communications.im'),
    presence: sip && plan.settings.sip!.presence && planGrants(sub, 'communications.presence'),
    federation: sip && plan.settings.sip!.federation && planGrants(sub, 'communications.federation'),
    conferencing: sip && plan.settings.sip!.conferencing && planGrants(sub, 'communications.conferencing'),
    userPlan: `${plan.name}@${plan.version}`,
  };
}

function userItems(sub: SubscriptionDetails, s: Pick<UserSettings, 'sip'>): QuotaItem[] {
  return onlyCounted(sub, [
    { feature: 'directory.users', amount: 1 },
    { feature: 'exchange.mailboxes', amount: 1 },
    { feature: 'communications.users', amount: s.sip ? 1 : 0 },
  ]);
}

function userElement(alias: string, displayName: string | undefined, s: UserSettings, extra: Record<string, string> = {}): XmlElement {
  return el('user', {
    alias,
    displayName,
    mailboxSizeMb: s.mailboxSizeMb,
    activesync: bool(s.activesync),
    sip: bool(s.sip),
    im: bool(s.im),
    presence: bool(s.presence),
    federation: bool(s.federation),
    conferencing: bool(s.conferencing),
    ...extra,
  });
}

function featuresElement(name: string, sub: SubscriptionDetails): XmlElement {
  return el(name, {
    exchange: bool(has(sub, 'exchange')),
    mobility: bool(has(sub, 'mobility')),
    communications: bool(has(sub, 'communications')),
    sharepoint: bool(has(sub, 'sharepoint')),
    federation: bool(planGrants(sub, 'communications.federation')),
    conferencing: bool(planGrants(sub, 'communications.conferencing')),
  });
}

function policyElement(sub: SubscriptionDetails, name = POLICY_NAME): XmlElement {
  const max = sub.features['mobility.devices_per_user'];
  return el('policy', { name, requirePin: 'true', maxDevicesPerUser: typeof max === 'number' ? max : 2 });
}

function checkUniqueAliases(users: { alias: string }[], path: string) {
  const seen = new Set<string>();
  users.forEach((u, i) => {
    const a = u.alias.toLowerCase();
    if (seen.has(a)) throw invalid(`${path}[${i}].alias`, 'appears twice in this order');
    seen.add(a);
  });
}

async function requireFreeAliases(sql: Sql, orgId: string, aliases: string[]) {
  const taken = await sql.query<{ alias: string }>(
    `SELECT alias FROM customer_users WHERE organization_id = $1 AND lower(alias) = ANY($2::text[]) AND state <> 'removed'`,
    [orgId, aliases.map((a) => a.toLowerCase())],
  );
  if (taken.rows.length) throw new ProblemError('USER_EXISTS', `Already in the organization: ${taken.rows.map((r) => r.alias).join(', ')}`, { aliases: taken.rows.map((r) => r.alias) });
}

async function insertUsers(sql: Sql, orgId: string, orderId: string, users: { alias: string; displayName: string; plan: UserPlanVersion; settings: UserSettings }[]) {
  for (const u of users) {
    await sql.query(
      `INSERT INTO customer_users (id, organization_id, alias, display_name, user_plan_version_id, settings, state, order_id)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, 'pending', $7)`,
      [newId('cus'), orgId, u.alias, u.displayName, u.plan.versionId, JSON.stringify(u.settings), orderId],
    );
  }
}

function resolveUsers(sub: SubscriptionDetails, users: NewUser[], path: string) {
  checkUniqueAliases(users, path);
  return users.map((u, i) => {
    let plan: UserPlanVersion;
    try {
      plan = resolveUserPlan(sub, u.userPlan);
    } catch (e) {
      if (e instanceof ProblemError) throw new ProblemError(e.code, `${path}[${i}].userPlan: ${e.message}`, e.extra);
      throw e;
    }
    return { alias: u.alias.toLowerCase(), displayName: u.displayName.trim(), plan, settings: userSettings(sub, plan, `${path}[${i}]`) };
  });
}

function requireStatus(sub: SubscriptionDetails, allowed: string[], what: string) {
  if (!allowed.includes(sub.status)) throw new ProblemError('SUBSCRIPTION_STATE_CONFLICT', `${what} needs a ${allowed.join(' or ')} subscription; it is ${sub.status}`, { subscriptionId: sub.id, subscriptionStatus: sub.status });
}

async function activeUsers(sql: Sql, orgId: string): Promise<{ alias: string; settings: UserSettings; state: string }[]> {
  return (await sql.query<any>(`SELECT alias, settings, state FROM customer_users WHERE organization_id = $1 AND state <> 'removed' ORDER BY alias`, [orgId])).rows;
}

/** Marks the rows an order takes over (removing/changing) as its own. */
async function claimRows(sql: Sql, table: string, orgId: string, orderId: string, state: 'removing' | 'changing', where: string, params: unknown[]) {
  await sql.query(`UPDATE ${table} SET state = '${state}', order_id = $2, updated_at = now() WHERE organization_id = $1 AND state = 'active' AND ${where}`, [orgId, orderId, ...params]);
}

async function lookupPlanVersion(sql: Sql, org: TranslateContext['org'], ref: string): Promise<string> {
  const at = ref.lastIndexOf('@');
  const name = at > 0 ? ref.slice(0, at) : ref;
  const version = at > 0 ? Number(ref.slice(at + 1)) : undefined;
  const r = await sql.query<{ version_id: string | null }>(
    `SELECT CASE WHEN $3::int IS NULL THEN p.current_version_id
                 ELSE (SELECT v.id FROM plan_versions v WHERE v.plan_id = p.id AND v.number = $3::int) END AS version_id
       FROM plans p
      WHERE p.owner_org_id = $1 AND p.kind = 'organization' AND (p.id = $2 OR p.name = $2
            OR p.id = (SELECT plan_id FROM plan_versions WHERE id = $2))
      LIMIT 1`,
    [org.parentId, name, version ?? null],
  );
  const found = r.rows[0]?.version_id;
  if (found) return found;
  // A version id given directly.
  if (/^[a-z]{2,5}_[0-9a-z]{26}$/.test(ref)) return ref;
  throw new ProblemError('PLAN_NOT_AVAILABLE', `No plan "${ref}" is offered to this organization`);
}

// --- one translator per order type -----------------------------------------------------------

async function subscribe(ctx: TranslateContext, body: SubscribeOrder): Promise<Translation> {
  const { sql, org, orderId } = ctx;
  const domain = body.domain.toLowerCase();
  const taken = await sql.query(`SELECT organization_id FROM customer_services WHERE lower(domain) = $1 AND state <> 'removed'`, [domain]);
  if (taken.rows.length) throw new ProblemError('DOMAIN_TAKEN', `${domain} is already used`);
  const versionId = await lookupPlanVersion(sql, org, body.plan);
  const sub = await createSubscription(sql, { organizationId: org.id, planVersionId: versionId, actor: ctx.actor, orderId });
  const users = resolveUsers(sub, body.users ?? [], 'users');
  const records = systemRecords(domain, { sip: has(sub, 'communications'), federation: planGrants(sub, 'communications.federation'), exchange: has(sub, 'exchange') });
  const sites: { url: string; title: string; quotaMb: number }[] = [];
  if (has(sub, 'sharepoint') && sub.features['sharepoint.site_collections'] !== 0) {
    const storage = sub.features['sharepoint.storage_mb'];
    sites.push({ url: `https://${domain.split('.')[0]}.sites.provisio.example/sites/${domain.replace(/\./g, '-')}`, title: org.name, quotaMb: typeof storage === 'number' ? storage : 1024 });
  }
  const reserve = sumItems([
    ...onlyCounted(sub, [
      { feature: 'dns.zones', amount: 1 },
      { feature: 'dns.records', amount: records.length },
      { feature: 'sharepoint.site_collections', amount: sites.length },
    ]),
    ...users.flatMap((u) => userItems(sub, u.settings)),
  ]);
  const data: XmlElement[] = [
    el('order', { id: orderId }),
    el('subscription', { id: sub.id }),
    el('organization', { id: org.id, name: org.name, domain }),
    featuresElement('features', sub),
    ...(has(sub, 'mobility') ? [policyElement(sub)] : []),
    el('zone', { name: domain }, records.map((r) => el('record', { name: r.name, type: r.type, value: r.value, ttl: r.ttl, priority: r.priority ?? undefined }))),
    el('sites', undefined, sites.map((s) => el('site', { url: s.url, title: s.title, quotaMb: s.quotaMb }))),
    el('users', undefined, users.map((u) => userElement(u.alias, u.displayName, u.settings))),
  ];
  return {
    call: { namespace: 'Hosted Organization', procedure: 'Subscribe' },
    data,
    subscriptionId: sub.id,
    reserve,
    release: [],
    summary: { plan: `${sub.planName}@${sub.planVersion}`, domain, users: users.map((u) => u.alias), records: records.length, sites: sites.map((s) => s.url) },
    inventory: async (s) => {
      try {
        await s.query(`INSERT INTO customer_services (organization_id, subscription_id, domain, policy_name, state, order_id) VALUES ($1, $2, $3, $4, 'pending', $5)
                       ON CONFLICT (organization_id) DO UPDATE SET subscription_id = EXCLUDED.subscription_id, domain = EXCLUDED.domain, policy_name = EXCLUDED.policy_name,
                         state = 'pending', order_id = EXCLUDED.order_id, updated_at = now()
                       WHERE customer_services.state = 'removed'`, [org.id, sub.id, domain, POLICY_NAME, orderId]);
      } catch (e) {
        if ((e as any).driverError?.code === '23505' || (e as any).code === '23505') throw new ProblemError('DOMAIN_TAKEN', `${domain} is already used`);
        throw e;
      }
      await insertUsers(s, org.id, orderId, users);
      for (const r of records) {
        await s.query(
          `INSERT INTO customer_dns_records (id, organization_id, zone, name, type, value, ttl, priority, system, state, order_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true, 'pending', $9)`,
          [newId('cdr'), org.id, domain, r.name, r.type, r.value, r.ttl, r.priority, orderId],
        );
      }
      for (const site of sites) {
        await s.query(`INSERT INTO customer_sites (id, organization_id, url, title, quota_mb, state, order_id) VALUES ($1, $2, $3, $4, $5, 'pending', $6)`, [
          newId('csi'), org.id, site.url, site.title, site.quotaMb, orderId,
        ]);
      }
    },
  };
}

async function addUsers(ctx: TranslateContext, body: AddUsersOrder): Promise<Translation> {
  const sub = ctx.subscription!;
  requireStatus(sub, ['pending', 'active'], 'add_users');
  const users = resolveUsers(sub, body.users, 'users');
  await requireFreeAliases(ctx.sql, ctx.org.id, users.map((u) => u.alias));
  return {
    call: { namespace: 'Hosted User', procedure: 'AddUsers' },
    data: [
      el('order', { id: ctx.orderId }),
      el('organization', { id: ctx.org.id, domain: ctx.service!.domain }),
      ...(has(sub, 'mobility') ? [el('policy', { name: ctx.service!.policy_name })] : []),
      el('users', undefined, users.map((u) => userElement(u.alias, u.displayName, u.settings))),
    ],
    subscriptionId: sub.id,
    reserve: sumItems(users.flatMap((u) => userItems(sub, u.settings))),
    release: [],
    summary: { users: users.map((u) => ({ alias: u.alias, userPlan: u.settings.userPlan })) },
    inventory: (s) => insertUsers(s, ctx.org.id, ctx.orderId, users),
  };
}

async function requireUsers(ctx: TranslateContext, aliases: string[]) {
  const rows = (
    await ctx.sql.query<any>(`SELECT * FROM customer_users WHERE organization_id = $1 AND lower(alias) = ANY($2::text[]) AND state <> 'removed' FOR UPDATE`, [
      ctx.org.id,
      aliases.map((a) => a.toLowerCase()),
    ])
  ).rows;
  const byAlias = new Map(rows.map((r) => [r.alias.toLowerCase(), r]));
  const missing = aliases.filter((a) => !byAlias.has(a.toLowerCase()));
  if (missing.length) throw new ProblemError('USER_NOT_FOUND', `No such user: ${missing.join(', ')}`, { aliases: missing });
  const busy = rows.filter((r) => r.state !== 'active');
  if (busy.length) throw new ProblemError('USER_BUSY', `An earlier order is still working on: ${busy.map((r) => r.alias).join(', ')}`, { aliases: busy.map((r) => r.alias) });
  return byAlias;
}

async function changeUserPlan(ctx: TranslateContext, body: ChangeUserPlanOrder): Promise<Translation> {
  const sub = ctx.subscription!;
  requireStatus(sub, ['pending', 'active'], 'change_user_plan');
  checkUniqueAliases(body.users, 'users');
  const existing = await requireUsers(ctx, body.users.map((u) => u.alias));
  const reserve: QuotaItem[] = [];
  const release: QuotaItem[] = [];
  const changes = body.users.map((u, i) => {
    const row = existing.get(u.alias.toLowerCase());
    let plan: UserPlanVersion;
    try {
      plan = resolveUserPlan(sub, u.userPlan);
    } catch (e) {
      if (e instanceof ProblemError) throw new ProblemError(e.code, `users[${i}].userPlan: ${e.message}`, e.extra);
      throw e;
    }
    const next = userSettings(sub, plan, `users[${i}]`);
    const prev: UserSettings = row.settings;
    if (next.sip && !prev.sip) reserve.push(...onlyCounted(sub, [{ feature: 'communications.users', amount: 1 }]));
    if (!next.sip && prev.sip) release.push(...onlyCounted(sub, [{ feature: 'communications.users', amount: 1 }]));
    return { alias: row.alias as string, plan, next, prev };
  });
  return {
    call: { namespace: 'Hosted User', procedure: 'ChangePlans' },
    data: [
      el('order', { id: ctx.orderId }),
      el('organization', { id: ctx.org.id, domain: ctx.service!.domain }),
      ...(has(sub, 'mobility') ? [el('policy', { name: ctx.service!.policy_name })] : []),
      el(
        'users',
        undefined,
        changes.map((c) => ({ ...userElement(c.alias, undefined, c.next), children: [el('previous', { activesync: bool(c.prev.activesync), sip: bool(c.prev.sip) })] })),
      ),
    ],
    subscriptionId: sub.id,
    reserve: sumItems(reserve),
    release: sumItems(release),
    summary: { users: changes.map((c) => ({ alias: c.alias, from: c.prev.userPlan, to: c.next.userPlan })) },
    inventory: async (s) => {
      for (const c of changes) {
        await s.query(
          `UPDATE customer_users SET state = 'changing', order_id = $3, pending_settings = $4::jsonb, pending_plan_version_id = $5, updated_at = now()
            WHERE organization_id = $1 AND alias = $2 AND state = 'active'`,
          [ctx.org.id, c.alias, ctx.orderId, JSON.stringify(c.next), c.plan.versionId],
        );
      }
    },
  };
}

async function removeUsers(ctx: TranslateContext, body: RemoveUsersOrder): Promise<Translation> {
  const sub = ctx.subscription!;
  requireStatus(sub, ['pending', 'active'], 'remove_users');
  checkUniqueAliases(body.aliases.map((alias) => ({ alias })), 'aliases');
  const existing = await requireUsers(ctx, body.aliases);
  const rows = [...existing.values()];
  return {
    call: { namespace: 'Hosted User', procedure: 'RemoveUsers' },
    data: [
      el('order', { id: ctx.orderId }),
      el('organization', { id: ctx.org.id }),
      el('users', undefined, rows.map((r) => el('user', { alias: r.alias, activesync: bool(r.settings.activesync), sip: bool(r.settings.sip) }))),
    ],
    subscriptionId: sub.id,
    reserve: [],
    release: sumItems(rows.flatMap((r) => userItems(sub, r.settings))),
    summary: { users: rows.map((r) => r.alias) },
    inventory: (s) => claimRows(s, 'customer_users', ctx.org.id, ctx.orderId, 'removing', `alias = ANY($3::text[])`, [rows.map((r) => r.alias)]),
  };
}

async function addDnsRecords(ctx: TranslateContext, body: AddDnsRecordsOrder): Promise<Translation> {
  const sub = ctx.subscription!;
  requireStatus(sub, ['pending', 'active'], 'add_dns_records');
  if (!has(sub, 'dns')) throw new ProblemError('SERVICE_NOT_IN_PLAN', 'The plan has no DNS');
  const zone = ctx.service!.domain;
  const records = body.records.map((r, i) => normalizeRecord(r, zone, `records[${i}]`));
  const keys = new Set<string>();
  records.forEach((r, i) => {
    const k = `${r.name}|${r.type}|${r.value}`;
    if (keys.has(k)) throw invalid(`records[${i}]`, 'appears twice in this order');
    keys.add(k);
  });
  const existing = await ctx.sql.query<{ name: string; type: string; value: string }>(
    `SELECT name, type, value FROM customer_dns_records WHERE organization_id = $1 AND state <> 'removed'`,
    [ctx.org.id],
  );
  const dup = records.filter((r) => existing.rows.some((e) => e.name.toLowerCase() === r.name && e.type === r.type && e.value === r.value));
  if (dup.length) throw new ProblemError('RECORD_EXISTS', `Already in ${zone}: ${dup.map((r) => `${r.name} ${r.type} ${r.value}`).join('; ')}`);
  return {
    call: { namespace: 'Hosted DNS', procedure: 'AddRecords' },
    data: [el('order', { id: ctx.orderId }), el('zone', { name: zone }, records.map(recordElement))],
    subscriptionId: sub.id,
    reserve: onlyCounted(sub, [{ feature: 'dns.records', amount: records.length }]),
    release: [],
    summary: { zone, records: records.map((r) => `${r.name} ${r.type} ${r.value}`) },
    inventory: async (s) => {
      for (const r of records) {
        await s.query(
          `INSERT INTO customer_dns_records (id, organization_id, zone, name, type, value, ttl, priority, state, order_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9)`,
          [newId('cdr'), ctx.org.id, zone, r.name, r.type, r.value, r.ttl, r.priority, ctx.orderId],
        );
      }
    },
  };
}

function recordElement(r: NormalizedRecord): XmlElement {
  return el('record', { name: r.name, type: r.type, value: r.value, ttl: r.ttl, priority: r.priority ?? undefined });
}

async function removeDnsRecords(ctx: TranslateContext, body: RemoveDnsRecordsOrder): Promise<Translation> {
  const sub = ctx.subscription!;
  requireStatus(sub, ['pending', 'active'], 'remove_dns_records');
  const zone = ctx.service!.domain;
  const refs = body.records.map((r, i) => normalizeRecordRef(r, zone, `records[${i}]`));
  const rows: any[] = [];
  for (const [i, r] of refs.entries()) {
    const found = (
      await ctx.sql.query<any>(
        `SELECT * FROM customer_dns_records WHERE organization_id = $1 AND lower(name) = $2 AND type = $3 AND value = $4 AND state <> 'removed' FOR UPDATE`,
        [ctx.org.id, r.name, r.type, r.value],
      )
    ).rows[0];
    if (!found || found.system) throw new ProblemError('RECORD_NOT_FOUND', `records[${i}]: ${r.name} ${r.type} ${r.value} is not a record you added to ${zone}`);
    if (found.state !== 'active') throw new ProblemError('CONFLICT', `records[${i}]: an earlier order is still working on this record`);
    if (rows.some((x) => x.id === found.id)) throw invalid(`records[${i}]`, 'appears twice in this order');
    rows.push(found);
  }
  return {
    call: { namespace: 'Hosted DNS', procedure: 'RemoveRecords' },
    data: [el('order', { id: ctx.orderId }), el('zone', { name: zone }, rows.map((r) => el('record', { name: r.name, type: r.type, value: r.value })))],
    subscriptionId: sub.id,
    reserve: [],
    release: onlyCounted(sub, [{ feature: 'dns.records', amount: rows.length }]),
    summary: { zone, records: rows.map((r) => `${r.name} ${r.type} ${r.value}`) },
    inventory: (s) => claimRows(s, 'customer_dns_records', ctx.org.id, ctx.orderId, 'removing', `id = ANY($3::text[])`, [rows.map((r) => r.id)]),
  };
}

async function createSite(ctx: TranslateContext, body: CreateSiteOrder): Promise<Translation> {
  const sub = ctx.subscription!;
  requireStatus(sub, ['pending', 'active'], 'create_site');
  if (!has(sub, 'sharepoint')) throw new ProblemError('SERVICE_NOT_IN_PLAN', 'The plan has no SharePoint');
  requireWithinPlanLimit(sub, 'sharepoint.storage_mb', body.quotaMb);
  const url = normalizeSiteUrl(body.url, 'url');
  const taken = await ctx.sql.query(`SELECT 1 FROM customer_sites WHERE lower(url) = $1 AND state <> 'removed'`, [url]);
  if (taken.rows.length) throw new ProblemError('SITE_EXISTS', `${url} already exists`);
  const title = body.title.trim();
  return {
    call: { namespace: 'Hosted Sites', procedure: 'CreateSite' },
    data: [el('order', { id: ctx.orderId }), el('organization', { id: ctx.org.id }), el('site', { url, title, quotaMb: body.quotaMb })],
    subscriptionId: sub.id,
    reserve: onlyCounted(sub, [{ feature: 'sharepoint.site_collections', amount: 1 }]),
    release: [],
    summary: { url, title, quotaMb: body.quotaMb },
    inventory: async (s) => {
      try {
        await s.query(`INSERT INTO customer_sites (id, organization_id, url, title, quota_mb, state, order_id) VALUES ($1, $2, $3, $4, $5, 'pending', $6)`, [
          newId('csi'), ctx.org.id, url, title, body.quotaMb, ctx.orderId,
        ]);
      } catch (e) {
        if ((e as any).driverError?.code === '23505' || (e as any).code === '23505') throw new ProblemError('SITE_EXISTS', `${url} already exists`);
        throw e;
      }
    },
  };
}

async function deleteSite(ctx: TranslateContext, body: DeleteSiteOrder): Promise<Translation> {
  const sub = ctx.subscription!;
  requireStatus(sub, ['pending', 'active'], 'delete_site');
  const url = normalizeSiteUrl(body.url, 'url');
  const row = (await ctx.sql.query<any>(`SELECT * FROM customer_sites WHERE organization_id = $1 AND lower(url) = $2 AND state <> 'removed' FOR UPDATE`, [ctx.org.id, url])).rows[0];
  if (!row) throw new ProblemError('SITE_NOT_FOUND', `No site collection ${url}`);
  if (row.state !== 'active') throw new ProblemError('CONFLICT', 'An earlier order is still working on this site collection');
  return {
    call: { namespace: 'Hosted Sites', procedure: 'DeleteSite' },
    data: [el('order', { id: ctx.orderId }), el('organization', { id: ctx.org.id }), el('site', { url: row.url })],
    subscriptionId: sub.id,
    reserve: [],
    release: onlyCounted(sub, [{ feature: 'sharepoint.site_collections', amount: 1 }]),
    summary: { url: row.url },
    inventory: (s) => claimRows(s, 'customer_sites', ctx.org.id, ctx.orderId, 'removing', `id = $3`, [row.id]),
  };
}

async function changePlan(ctx: TranslateContext, body: ChangePlanOrder): Promise<Translation> {
  const before = ctx.subscription!;
  requireStatus(before, ['active'], 'change_plan');
  const versionId = await lookupPlanVersion(ctx.sql, ctx.org, body.plan);
  if (versionId === before.planVersionId) throw new ProblemError('CONFLICT', 'The subscription already uses this plan version');
  const users = await activeUsers(ctx.sql, ctx.org.id);
  if (users.some((u) => u.state !== 'active')) throw new ProblemError('USER_BUSY', 'Earlier orders are still changing users; try again when they finish');
  let sub: SubscriptionDetails;
  try {
    sub = await changeSubscriptionPlan(ctx.sql, { subscriptionId: before.id, planVersionId: versionId, actor: ctx.actor, orderId: ctx.orderId });
  } catch (e) {
    if (e instanceof ProblemError && e.code === 'QUOTA_EXCEEDED') throw new ProblemError('PLAN_CHANGE_DOES_NOT_FIT', e.message, e.extra);
    throw e;
  }
  // Services the organization uses must stay in the new plan; mailboxes must fit its size limit.
  const dropped = (before.services as string[]).filter((s) => !has(sub, s));
  const inUse = dropped.filter((s) => (s === 'mobility' && users.some((u) => u.settings.activesync)) || (s === 'communications' && users.some((u) => u.settings.sip)) || s === 'exchange' || s === 'directory' || s === 'dns' || s === 'sharepoint');
  if (inUse.length) throw new ProblemError('PLAN_CHANGE_DOES_NOT_FIT', `The new plan lacks services in use: ${inUse.join(', ')}`, { services: inUse });
  const limit = sub.features['exchange.mailbox_size_mb'];
  const tooBig = users.filter((u) => typeof limit === 'number' && u.settings.mailboxSizeMb > limit);
  if (tooBig.length) throw new ProblemError('PLAN_CHANGE_DOES_NOT_FIT', `Mailboxes larger than the new plan allows: ${tooBig.map((u) => u.alias).join(', ')}`, { aliases: tooBig.map((u) => u.alias) });
  const sites: { url: string; title: string; quotaMb: number }[] = [];
  const siteCount = Number((await ctx.sql.query<{ n: string }>(`SELECT count(*) AS n FROM customer_sites WHERE organization_id = $1 AND state <> 'removed'`, [ctx.org.id])).rows[0].n);
  if (has(sub, 'sharepoint') && !has(before, 'sharepoint') && siteCount === 0 && sub.features['sharepoint.site_collections'] !== 0) {
    const storage = sub.features['sharepoint.storage_mb'];
    const domain = ctx.service!.domain;
    sites.push({ url: `https://${domain.split('.')[0]}.sites.provisio.example/sites/${domain.replace(/\./g, '-')}`, title: ctx.org.name, quotaMb: typeof storage === 'number' ? storage : 1024 });
  }
  return {
    call: { namespace: 'Hosted Organization', procedure: 'ChangePlan' },
    data: [
      el('order', { id: ctx.orderId }),
      el('subscription', { id: sub.id }),
      el('organization', { id: ctx.org.id, name: ctx.org.name, domain: ctx.service!.domain }),
      featuresElement('features', sub),
      featuresElement('previousFeatures', before),
      ...(has(sub, 'mobility') ? [policyElement(sub, ctx.service!.policy_name)] : []),
      el('sites', undefined, sites.map((s) => el('site', { url: s.url, title: s.title, quotaMb: s.quotaMb }))),
      el('users', undefined, users.map((u) => el('user', { alias: u.alias, mailboxSizeMb: u.settings.mailboxSizeMb }))),
    ],
    subscriptionId: sub.id,
    reserve: onlyCounted(sub, [{ feature: 'sharepoint.site_collections', amount: sites.length }]),
    release: [],
    summary: {
      from: `${before.planName}@${before.planVersion}`,
      to: `${sub.planName}@${sub.planVersion}`,
      previousPlanId: before.planId,
      previousVersionId: before.planVersionId,
      sites: sites.map((s) => s.url),
    },
    inventory: async (s) => {
      for (const site of sites) {
        await s.query(`INSERT INTO customer_sites (id, organization_id, url, title, quota_mb, state, order_id) VALUES ($1, $2, $3, $4, $5, 'pending', $6)`, [
          newId('csi'), ctx.org.id, site.url, site.title, site.quotaMb, ctx.orderId,
        ]);
      }
    },
  };
}

async function suspendOrResume(ctx: TranslateContext, suspend: boolean): Promise<Translation> {
  const sub = ctx.subscription!;
  requireStatus(sub, suspend ? ['active'] : ['suspended'], suspend ? 'suspend' : 'resume');
  const users = await activeUsers(ctx.sql, ctx.org.id);
  return {
    call: { namespace: 'Hosted Organization', procedure: suspend ? 'Suspend' : 'Resume' },
    data: [
      el('order', { id: ctx.orderId }),
      el('subscription', { id: sub.id }),
      el('organization', { id: ctx.org.id }),
      el('users', undefined, users.map((u) => el('user', { alias: u.alias, disabled: bool(suspend) }))),
    ],
    subscriptionId: sub.id,
    reserve: [],
    release: [],
    summary: { users: users.length },
    inventory: async () => undefined,
  };
}

async function cancel(ctx: TranslateContext): Promise<Translation> {
  const sub = ctx.subscription!;
  requireStatus(sub, ['pending', 'active', 'suspended'], 'cancel');
  const busy = await ctx.sql.query(
    `SELECT 1 FROM customer_users WHERE organization_id = $1 AND state NOT IN ('active', 'removed')
     UNION ALL SELECT 1 FROM customer_sites WHERE organization_id = $1 AND state NOT IN ('active', 'removed')
     UNION ALL SELECT 1 FROM customer_dns_records WHERE organization_id = $1 AND state NOT IN ('active', 'removed') LIMIT 1`,
    [ctx.org.id],
  );
  if (busy.rows.length) throw new ProblemError('CONFLICT', 'Earlier orders are still provisioning; cancel when they have finished');
  const users = await activeUsers(ctx.sql, ctx.org.id);
  const sites = (await ctx.sql.query<any>(`SELECT url FROM customer_sites WHERE organization_id = $1 AND state = 'active' ORDER BY url`, [ctx.org.id])).rows;
  // Everything the subscription uses is freed when the cancellation completes.
  const release = sub.quotas.filter((q) => q.used > 0).map((q) => ({ feature: q.feature, amount: q.used }));
  return {
    call: { namespace: 'Hosted Organization', procedure: 'Cancel' },
    data: [
      el('order', { id: ctx.orderId }),
      el('subscription', { id: sub.id }),
      el('organization', { id: ctx.org.id, domain: ctx.service!.domain }),
      featuresElement('features', sub),
      ...(has(sub, 'mobility') ? [el('policy', { name: ctx.service!.policy_name })] : []),
      el('zone', { name: ctx.service!.domain }),
      el('sites', undefined, sites.map((s) => el('site', { url: s.url }))),
      el('users', undefined, users.map((u) => el('user', { alias: u.alias, activesync: bool(u.settings.activesync), sip: bool(u.settings.sip) }))),
    ],
    subscriptionId: sub.id,
    reserve: [],
    release,
    summary: { users: users.length, sites: sites.length, domain: ctx.service!.domain },
    inventory: async (s) => {
      for (const table of ['customer_users', 'customer_sites', 'customer_dns_records']) {
        await claimRows(s, table, ctx.org.id, ctx.orderId, 'removing', 'TRUE', []);
      }
      await s.query(`UPDATE customer_services SET state = 'removing', order_id = $2, updated_at = now() WHERE organization_id = $1 AND state IN ('active', 'pending')`, [ctx.org.id, ctx.orderId]);
    },
  };
}

export const TRANSLATORS: Record<OrderType, (ctx: TranslateContext, body: any) => Promise<Translation>> = {
  subscribe,
  add_users: addUsers,
  change_user_plan: changeUserPlan,
  remove_users: removeUsers,
  add_dns_records: addDnsRecords,
  remove_dns_records: removeDnsRecords,
  create_site: createSite,
  delete_site: deleteSite,
  change_plan: changePlan,
  suspend: (ctx) => suspendOrResume(ctx, true),
  resume: (ctx) => suspendOrResume(ctx, false),
  cancel,
};

export type { OrderBase };
