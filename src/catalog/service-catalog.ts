/**
 * The product's schema: the services Provisio sells and their features, as typed quota
 * definitions (SolidCP's on/off, countable and limit quotas). Versioned with the code, not stored:
 * a plan stores feature values keyed by these definitions.
 *
 * Values: `boolean` features are true/false; `count` and `limit` features are integers within
 * [min, max], and **`null` means unlimited** where `unlimitedAllowed` (never for `limit`
 * features, which size a single object such as a mailbox).
 */

export const SERVICE_KEYS = ['directory', 'exchange', 'mobility', 'dns', 'communications', 'sharepoint'] as const;
export type ServiceKey = (typeof SERVICE_KEYS)[number];

export type FeatureType = 'boolean' | 'count' | 'limit';
export type PlanKind = 'organization' | 'user';
export const PLAN_KINDS: PlanKind[] = ['organization', 'user'];
export type FeatureValue = boolean | number | null;

export interface FeatureDefinition {
  key: string;
  service: ServiceKey;
  type: FeatureType;
  title: string;
  description: string;
  unit: string | null;
  min: number | null;
  max: number | null;
  /** `null` (unlimited) is an accepted value. */
  unlimitedAllowed: boolean;
  /** Value when a plan includes the service but does not name the feature. */
  default: FeatureValue;
  /** Kinds of plan the feature can appear in. */
  appliesTo: PlanKind[];
  /**
   * Counted by the quota ledger (objects a customer creates: mailboxes, zones, records …). Other
   * count and limit features are checked against the plan value when an order names a value.
   */
  ledgered: boolean;
  /**
   * A capability where more is more (compared when a derived plan must not exceed its base and a
   * user plan must fit its organization plan). False for policy settings such as requirePin.
   */
  grants: boolean;
}

export interface ServiceDefinition {
  key: ServiceKey;
  name: string;
  description: string;
  /** Services a plan must also include. */
  requires: ServiceKey[];
}

export const SERVICES: ServiceDefinition[] = [
  { key: 'directory', name: 'Directory', description: 'Organizational unit and directory users (every service but DNS needs it)', requires: [] },
  { key: 'exchange', name: 'Exchange', description: 'Hosted Exchange: organization, accepted domains, mailboxes, Outlook on the web', requires: ['directory'] },
  { key: 'mobility', name: 'Exchange Mobility', description: 'ActiveSync for mailboxes, with a device policy', requires: ['exchange'] },
  { key: 'dns', name: 'DNS', description: 'Hosted DNS zones and records', requires: [] },
  {
    key: 'communications',
    name: 'Communications',
    description: 'OCS-style SIP: instant messaging, presence, federation, conferencing',
    requires: ['directory'],
  },
  { key: 'sharepoint', name: 'SharePoint', description: 'Site collections with a storage quota', requires: ['directory'] },
];

const ORG: PlanKind[] = ['organization'];
const BOTH: PlanKind[] = ['organization', 'user'];
const USER: PlanKind[] = ['user'];

function count(
  key: string,
  service: ServiceKey,
  title: string,
  description: string,
  unit: string,
  max: number,
  dflt: number | null,
  opts: Partial<FeatureDefinition> = {},
): FeatureDefinition {
  return {
    key,
    service,
    type: 'count',
    title,
    description,
    unit,
    min: 0,
    max,
    unlimitedAllowed: true,
    default: dflt,
    appliesTo: ORG,
    ledgered: true,
    grants: true,
    ...opts,
  };
}
function limit(
  key: string,
  service: ServiceKey,
  title: string,
  description: string,
  min: number,
  max: number,
  dflt: number,
  appliesTo: PlanKind[],
): FeatureDefinition {
  return {
    key,
    service,
    type: 'limit',
    title,
    description,
    unit: 'MB',
    min,
    max,
    unlimitedAllowed: false,
    default: dflt,
    appliesTo,
    ledgered: false,
    grants: true,
  };
}
function flag(key: string, service: ServiceKey, title: string, description: string, dflt: boolean, appliesTo: PlanKind[], grants = true): FeatureDefinition {
  return {
    key,
    service,
    type: 'boolean',
    title,
    description,
    unit: null,
    min: null,
    max: null,
    unlimitedAllowed: false,
    default: dflt,
    appliesTo,
    ledgered: false,
    grants,
  };
}

export const FEATURES: FeatureDefinition[] = [
  count('directory.users', 'directory', 'Directory users', "Users in the organization's directory", 'users', 1_000_000, null),

  count('exchange.mailboxes', 'exchange', 'Mailboxes', 'Mailboxes in the organization', 'mailboxes', 100_000, 0),
  limit('exchange.mailbox_size_mb', 'exchange', 'Mailbox size', 'Largest quota of one mailbox', 50, 102_400, 1024, BOTH),
  flag('exchange.owa', 'exchange', 'Outlook on the web', 'Web access to the mailbox', true, BOTH),

  flag('mobility.activesync', 'mobility', 'ActiveSync', 'Mobile devices synchronise the mailbox', true, BOTH),
  count('mobility.devices_per_user', 'mobility', 'Devices per user', "Mobile devices one user may pair (the device policy's maximum)", 'devices', 100, 2, {
    appliesTo: BOTH,
    ledgered: false,
    unlimitedAllowed: false,
  }),
  flag('mobility.require_pin', 'mobility', 'Require a device PIN', 'Device policy: a PIN is required (a setting, not a capability)', true, USER, false),

  count('dns.zones', 'dns', 'DNS zones', 'Hosted zones', 'zones', 10_000, 1),
  count('dns.records', 'dns', 'DNS records', 'Records across all zones', 'records', 1_000_000, 50),

  count('communications.users', 'communications', 'SIP users', 'Users enabled for communications', 'users', 100_000, 0),
  flag('communications.im', 'communications', 'Instant messaging', 'Instant messaging between users', true, BOTH),
  flag('communications.presence', 'communications', 'Presence', "Users see each other's availability", true, BOTH),
  flag('communications.federation', 'communications', 'Federation', 'Communicate with other organizations', false, BOTH),
  flag('communications.conferencing', 'communications', 'Conferencing', 'Multi-party audio/video conferences', false, BOTH),

  count('sharepoint.site_collections', 'sharepoint', 'Site collections', 'Site collections of the organization', 'sites', 10_000, 0),
  limit('sharepoint.storage_mb', 'sharepoint', 'Site storage', 'Largest storage quota of one site collection', 100, 1_048_576, 1024, ORG),
];

export const FEATURES_BY_KEY: ReadonlyMap<string, FeatureDefinition> = new Map(FEATURES.map((f) => [f.key, f]));
export const SERVICES_BY_KEY: ReadonlyMap<ServiceKey, ServiceDefinition> = new Map(SERVICES.map((s) => [s.key, s]));
export const LEDGERED_FEATURES: string[] = FEATURES.filter((f) => f.ledgered).map((f) => f.key);

export function isServiceKey(s: string): s is ServiceKey {
  return (SERVICE_KEYS as readonly string[]).includes(s);
}

/** `null` (unlimited) compares above every number. */
export function numericAbove(a: number | null, b: number | null): boolean {
  if (a === null) return b !== null;
  if (b === null) return false;
  return a > b;
}
