import type { DataSource } from 'typeorm';
import { inTransaction, type Sql } from '../database/sql';
import { createPlan, type NewPlan, type PlanActor, publishPlan } from './plan-commands';
import { findHoster } from '../identity/organizations.store';
import type { Viewer } from './plan-offers.store';
import { loadPlan, lockSeeding, planIdsByName } from './plans.store';

/**
 * The sample catalog of a fresh installation: three user plans and three organization plans, all
 * published and owned by the hoster. Idempotent: a plan the hoster already has (by name) is left
 * alone, whatever its state.
 */

type SeedPlan = Omit<NewPlan, 'userPlanIds'> & { userPlans?: string[] };

export const SEED_USER_PLANS: SeedPlan[] = [
  {
    kind: 'user',
    name: 'standard-mailbox',
    displayName: 'Standard mailbox',
    description: 'A 1 GB mailbox with Outlook on the web',
    services: ['directory', 'exchange'],
    features: { 'exchange.mailbox_size_mb': 1024, 'exchange.owa': true },
  },
  {
    kind: 'user',
    name: 'mobile-mailbox',
    displayName: 'Mobile mailbox',
    description: 'A 2 GB mailbox with ActiveSync on up to 3 devices (PIN required), instant messaging and presence',
    services: ['directory', 'exchange', 'mobility', 'communications'],
    features: {
      'exchange.mailbox_size_mb': 2048,
      'exchange.owa': true,
      'mobility.activesync': true,
      'mobility.require_pin': true,
      'mobility.devices_per_user': 3,
      'communications.im': true,
      'communications.presence': true,
    },
  },
  {
    kind: 'user',
    name: 'executive',
    displayName: 'Executive',
    description: 'A 10 GB mailbox, ActiveSync on 5 devices, IM, presence, federation and conferencing',
    services: ['directory', 'exchange', 'mobility', 'communications'],
    features: {
      'exchange.mailbox_size_mb': 10240,
      'exchange.owa': true,
      'mobility.activesync': true,
      'mobility.require_pin': true,
      'mobility.devices_per_user': 5,
      'communications.im': true,
      'communications.presence': true,
      'communications.federation': true,
      'communications.conferencing': true,
    },
  },
];

export const SEED_ORGANIZATION_PLANS: SeedPlan[] = [
  {
    kind: 'organization',
    name: 'business-basic',
    displayName: 'Business Basic',
    description: 'Directory, Exchange (10 mailboxes up to 2 GB) and DNS (1 zone, 50 records)',
    services: ['directory', 'exchange', 'dns'],
    features: { 'directory.users': 10, 'exchange.mailboxes': 10, 'exchange.mailbox_size_mb': 2048, 'exchange.owa': true, 'dns.zones': 1, 'dns.records': 50 },
    userPlans: ['standard-mailbox'],
  },
  {
    kind: 'organization',
    name: 'business-premium',
    displayName: 'Business Premium',
    description: 'Adds mobility, communications and SharePoint (1 site, 10 GB); 50 mailboxes up to 5 GB',
    services: ['directory', 'exchange', 'mobility', 'dns', 'communications', 'sharepoint'],
    features: {
      'directory.users': 50,
      'exchange.mailboxes': 50,
      'exchange.mailbox_size_mb': 5120,
      'exchange.owa': true,
      'mobility.activesync': true,
      'mobility.devices_per_user': 3,
      'dns.zones': 1,
      'dns.records': 100,
      'communications.users': 50,
      'communications.im': true,
      'communications.presence': true,
      'communications.federation': false,
      'communications.conferencing': false,
      'sharepoint.site_collections': 1,
      'sharepoint.storage_mb': 10240,
    },
    userPlans: ['standard-mailbox', 'mobile-mailbox'],
  },
  {
    kind: 'organization',
    name: 'enterprise',
    displayName: 'Enterprise',
    description: 'Everything, larger: 500 mailboxes up to 25 GB, federation and conferencing, 10 sites of up to 100 GB',
    services: ['directory', 'exchange', 'mobility', 'dns', 'communications', 'sharepoint'],
    features: {
      'directory.users': 500,
      'exchange.mailboxes': 500,
      'exchange.mailbox_size_mb': 25600,
      'exchange.owa': true,
      'mobility.activesync': true,
      'mobility.devices_per_user': 10,
      'dns.zones': 5,
      'dns.records': 1000,
      'communications.users': 500,
      'communications.im': true,
      'communications.presence': true,
      'communications.federation': true,
      'communications.conferencing': true,
      'sharepoint.site_collections': 10,
      'sharepoint.storage_mb': 102400,
    },
    userPlans: ['standard-mailbox', 'mobile-mailbox', 'executive'],
  },
];

const SEED_ACTOR: PlanActor = { audit: { system: 'seed' }, userId: null };

/** Seeds the sample plans for the hoster on `sql` (one transaction). Returns the names it created. */
export async function seedCatalogPlans(sql: Sql): Promise<string[]> {
  await lockSeeding(sql);
  const hoster = await findHoster(sql);
  if (!hoster) return [];
  const owner: Viewer = { id: hoster.id, kind: 'hoster', path: hoster.path };
  const existing = await planIdsByName(sql, hoster.id);
  const created: string[] = [];
  for (const seed of [...SEED_USER_PLANS, ...SEED_ORGANIZATION_PLANS]) {
    if (existing.has(seed.name)) continue;
    const { userPlans, ...plan } = seed;
    const userPlanIds = (userPlans ?? []).map((n) => existing.get(n)).filter((x): x is string => !!x);
    const id = await createPlan(sql, owner, SEED_ACTOR, { ...plan, userPlanIds });
    await publishPlan(sql, (await loadPlan(sql, id, { lock: true }))!, SEED_ACTOR);
    existing.set(seed.name, id);
    created.push(seed.name);
  }
  return created;
}

/** The `catalog` step of `provisio seed` (and of `all` on first start). */
export async function seedCatalog(ds: DataSource): Promise<void> {
  await inTransaction(ds, (sql) => seedCatalogPlans(sql));
}
