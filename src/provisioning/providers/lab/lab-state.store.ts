import type { Sql } from '../../../database/sql';
import { iso } from '../../../common/iso';
import { LAB_TABLES, type LabTable } from './lab.store';

/**
 * Read models of the lab platform: one customer's state (GET /v1/lab/state), object counts and a
 * duplicate check (chaos and benchmark assertions), and a simulated device sync.
 */

/** Object types of the platform, with their table. */
export const LAB_OBJECT_TYPES = {
  ous: 'lab.directory_ous',
  users: 'lab.directory_users',
  exchangeOrganizations: 'lab.exchange_organizations',
  acceptedDomains: 'lab.accepted_domains',
  mailboxes: 'lab.mailboxes',
  mobilityPolicies: 'lab.mobility_policies',
  mobilityUsers: 'lab.mobility_users',
  mobilityDevices: 'lab.mobility_devices',
  zones: 'lab.dns_zones',
  records: 'lab.dns_records',
  sipDomains: 'lab.sip_domains',
  sipUsers: 'lab.sip_users',
  siteCollections: 'lab.site_collections',
} as const satisfies Record<string, LabTable>;
export type LabObjectType = keyof typeof LAB_OBJECT_TYPES;

export type LabInventory = Record<LabObjectType, number>;

/** How many objects of each type the platform holds, for one organization or in total. */
export async function labInventory(sql: Sql, organizationId?: string): Promise<LabInventory> {
  const cols = Object.entries(LAB_OBJECT_TYPES).map(
    ([type, table]) => `(SELECT count(*) FROM ${table} WHERE $1::text IS NULL OR organization_id = $1)::int AS "${type}"`,
  );
  const r = await sql.query<LabInventory>(`SELECT ${cols.join(', ')}`, [organizationId ?? null]);
  return r.rows[0];
}

/**
 * Natural keys that must identify one object each. Besides each table's primary key: the
 * globally unique names (UPN, SMTP address, SIP URI, site id).
 */
const NATURAL_KEYS: { type: LabObjectType; columns: readonly string[] }[] = [
  ...Object.entries(LAB_OBJECT_TYPES).map(([type, table]) => ({ type: type as LabObjectType, columns: LAB_TABLES[table] })),
  { type: 'users', columns: ['upn'] },
  { type: 'mailboxes', columns: ['primary_smtp_address'] },
  { type: 'sipUsers', columns: ['sip_uri'] },
  { type: 'siteCollections', columns: ['site_id'] },
];

export interface LabDuplicate {
  type: LabObjectType;
  /** Natural key columns → the duplicated value. */
  key: Record<string, string>;
  count: number;
}

/**
 * Every natural key held by more than one object. The unique indexes make this structurally
 * impossible; the chaos test asserts it anyway, because it is the property that matters.
 */
export async function labDuplicates(sql: Sql): Promise<LabDuplicate[]> {
  const parts = NATURAL_KEYS.map(
    ({ type, columns }) =>
      `SELECT '${type}' AS type, jsonb_build_object(${columns.map((c) => `'${c}', ${c}`).join(', ')}) AS key, count(*)::int AS count
         FROM ${LAB_OBJECT_TYPES[type]} GROUP BY ${columns.join(', ')} HAVING count(*) > 1`,
  );
  const r = await sql.query<LabDuplicate>(parts.join('\nUNION ALL\n'));
  return r.rows;
}

/**
 * A phone syncing with a mobility-enabled mailbox (how devices appear on a real platform; no
 * procedure creates them). For tests and demos. A device that synced before stays as it is.
 * False when the mailbox is not enabled for mobility (nothing is registered).
 */
export async function labRegisterDevice(sql: Sql, d: { organizationId: string; alias: string; deviceId: string; model?: string }): Promise<boolean> {
  const r = await sql.query<{ enabled: boolean }>(
    `WITH u AS (SELECT organization_id, alias FROM lab.mobility_users WHERE organization_id = $1 AND alias = $2),
          ins AS (INSERT INTO lab.mobility_devices (organization_id, alias, device_id, model) SELECT organization_id, alias, $3, $4 FROM u ON CONFLICT DO NOTHING RETURNING 1)
     SELECT EXISTS (SELECT 1 FROM u) AS enabled`,
    [d.organizationId, d.alias, d.deviceId, d.model ?? 'Lab Phone'],
  );
  return r.rows[0].enabled;
}

export interface LabState {
  organizationId: string;
  ou: { name: string; domain: string; ouPath: string; createdAt: string } | null;
  users: { alias: string; userPrincipalName: string; distinguishedName: string; displayName: string; disabled: boolean }[];
  exchangeOrganization: { name: string; globalAddressList: string; addressLists: string[] } | null;
  acceptedDomains: string[];
  mailboxes: { alias: string; primarySmtpAddress: string; displayName: string; quotaMb: number }[];
  mobilityPolicies: { name: string; requirePin: boolean; maxDevicesPerUser: number }[];
  mobilityUsers: { alias: string; policy: string }[];
  mobilityDevices: { alias: string; id: string; model: string; wipeStatus: string; wipeRequestedAt: string | null }[];
  zones: { name: string; published: boolean; serial: number; records: { name: string; type: string; value: string; ttl: number; priority: number | null }[] }[];
  sipDomains: string[];
  sipUsers: { alias: string; sipUri: string; im: boolean; presence: boolean; federation: boolean; conferencing: boolean }[];
  siteCollections: { url: string; siteId: string; title: string; quotaMb: number }[];
}

/** One customer's rows of every lab table, as JSON (to_jsonb of each row). */
interface StateRows {
  ous: { name: string; domain: string; ou_path: string; created_at: string }[];
  users: { alias: string; upn: string; distinguished_name: string; display_name: string; disabled: boolean }[];
  exchange: { name: string; global_address_list: string; address_lists: string[] }[];
  accepted_domains: { domain: string }[];
  mailboxes: { alias: string; primary_smtp_address: string; display_name: string; quota_mb: number }[];
  policies: { name: string; require_pin: boolean; max_devices_per_user: number }[];
  mobility_users: { alias: string; policy_name: string }[];
  devices: { alias: string; device_id: string; model: string; wipe_status: string; wipe_requested_at: string | null }[];
  zones: { name: string; published: boolean; serial: number | string }[];
  records: { zone_name: string; name: string; type: string; value: string; ttl: number; priority: number | null }[];
  sip_domains: { domain: string }[];
  sip_users: { alias: string; sip_uri: string; im: boolean; presence: boolean; federation: boolean; conferencing: boolean }[];
  sites: { url: string; site_id: string; title: string; quota_mb: number }[];
}

/** The platform state of one customer: one indexed query per table, in one statement. */
export async function labState(sql: Sql, organizationId: string): Promise<LabState> {
  const agg = (table: string, order: string) =>
    `(SELECT coalesce(jsonb_agg(to_jsonb(t) ORDER BY ${order}), '[]'::jsonb) FROM ${table} t WHERE t.organization_id = $1)`;
  const r = await sql.query<StateRows>(
    `SELECT ${agg('lab.directory_ous', 'organization_id')} AS ous,
            ${agg('lab.directory_users', 'alias')} AS users,
            ${agg('lab.exchange_organizations', 'organization_id')} AS exchange,
            ${agg('lab.accepted_domains', 'domain')} AS accepted_domains,
            ${agg('lab.mailboxes', 'alias')} AS mailboxes,
            ${agg('lab.mobility_policies', 'name')} AS policies,
            ${agg('lab.mobility_users', 'alias')} AS mobility_users,
            ${agg('lab.mobility_devices', 'alias, device_id')} AS devices,
            ${agg('lab.dns_zones', 'name')} AS zones,
            ${agg('lab.dns_records', 'zone_name, name, type, value')} AS records,
            ${agg('lab.sip_domains', 'domain')} AS sip_domains,
            ${agg('lab.sip_users', 'alias')} AS sip_users,
            ${agg('lab.site_collections', 'url')} AS sites`,
    [organizationId],
  );
  return stateOf(organizationId, r.rows[0]);
}

function stateOf(organizationId: string, s: StateRows): LabState {
  const ou = s.ous[0];
  const ex = s.exchange[0];
  return {
    organizationId,
    ou: ou ? { name: ou.name, domain: ou.domain, ouPath: ou.ou_path, createdAt: iso(ou.created_at)! } : null,
    users: s.users.map((u) => ({
      alias: u.alias,
      userPrincipalName: u.upn,
      distinguishedName: u.distinguished_name,
      displayName: u.display_name,
      disabled: u.disabled,
    })),
    exchangeOrganization: ex ? { name: ex.name, globalAddressList: ex.global_address_list, addressLists: ex.address_lists } : null,
    acceptedDomains: s.accepted_domains.map((d) => d.domain),
    mailboxes: s.mailboxes.map((m) => ({ alias: m.alias, primarySmtpAddress: m.primary_smtp_address, displayName: m.display_name, quotaMb: m.quota_mb })),
    mobilityPolicies: s.policies.map((p) => ({ name: p.name, requirePin: p.require_pin, maxDevicesPerUser: p.max_devices_per_user })),
    mobilityUsers: s.mobility_users.map((u) => ({ alias: u.alias, policy: u.policy_name })),
    mobilityDevices: s.devices.map((d) => ({
      alias: d.alias,
      id: d.device_id,
      model: d.model,
      wipeStatus: d.wipe_status,
      wipeRequestedAt: iso(d.wipe_requested_at),
    })),
    zones: s.zones.map((z) => ({
      name: z.name,
      published: z.published,
      serial: Number(z.serial),
      records: s.records.filter((x) => x.zone_name === z.name).map((x) => ({ name: x.name, type: x.type, value: x.value, ttl: x.ttl, priority: x.priority })),
    })),
    sipDomains: s.sip_domains.map((d) => d.domain),
    sipUsers: s.sip_users.map((u) => ({
      alias: u.alias,
      sipUri: u.sip_uri,
      im: u.im,
      presence: u.presence,
      federation: u.federation,
      conferencing: u.conferencing,
    })),
    siteCollections: s.sites.map((x) => ({ url: x.url, siteId: x.site_id, title: x.title, quotaMb: x.quota_mb })),
  };
}
