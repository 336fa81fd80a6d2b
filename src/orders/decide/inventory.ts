import type { OrderBody } from '../dto/order-requests';
import { normalizeSiteUrl } from './dns-validation';
import type { UserSettings } from './decision';

/**
 * What a customer has (or is getting), as an order's decision sees it: the rows of the orders
 * module's inventory that the order type needs, loaded in the placing transaction.
 */

export type InventoryState = 'pending' | 'active' | 'changing' | 'removing' | 'removed';

export interface CustomerService {
  subscriptionId: string;
  domain: string;
  policyName: string;
  state: InventoryState;
}

export interface CustomerUser {
  alias: string;
  displayName: string;
  userPlanVersionId: string;
  settings: UserSettings;
  state: InventoryState;
}

export interface CustomerRecord {
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

export interface CustomerSite {
  id: string;
  url: string;
  title: string;
  quotaMb: number;
  state: InventoryState;
}

export interface CustomerInventory {
  /** The customer's service row (domain, mobility policy), unless it was removed. */
  service: CustomerService | undefined;
  /** Users that are not removed: those the order names, or all of them. */
  users: CustomerUser[];
  /** Records that are not removed and match what the order names. */
  records: CustomerRecord[];
  /** Sites that are not removed: the one the order names, or all of them. */
  sites: CustomerSite[];
  /** Another customer (or this one) already uses the domain the order names. */
  domainTaken: boolean;
  /** A site collection with the URL the order names exists (any customer). */
  siteUrlTaken: boolean;
  /** Some user, site or record is still being provisioned by an earlier order. */
  busy: boolean;
  /**
   * ActiveSync policy names of the customer's users: all they were ever given (removed users
   * included: a policy outlives its last user), or those in use by users that exist on the platform.
   */
  policies: string[];
}

export const EMPTY_INVENTORY: CustomerInventory = {
  service: undefined,
  users: [],
  records: [],
  sites: [],
  domainTaken: false,
  siteUrlTaken: false,
  busy: false,
  policies: [],
};

/** Which parts of the inventory an order's decision reads (the store loads exactly these). */
export interface InventoryQuery {
  /** Users that are not removed: those named (lower-case aliases), or all. */
  users?: { aliases: string[] } | 'all';
  /** Every record that is not removed. */
  records?: 'all';
  /** Sites that are not removed. */
  sites?: 'all' | 'active';
  /** Is this domain used by a customer service that is not removed? */
  domain?: string;
  /** Is there a site collection with this URL (any customer)? */
  siteUrl?: string;
  /** Is anything still being provisioned? */
  busy?: boolean;
  /** ActiveSync policies: of every user the customer ever had, or of users that exist on the platform (they surely exist). */
  policies?: 'all' | 'in_use';
  /** Lock the rows read: the order takes some of them over. */
  lock?: boolean;
}

const aliasesOf = (users: { alias: string }[]) => ({ aliases: users.map((u) => u.alias.toLowerCase()) });

function tryNormalizeSiteUrl(url: string): string | undefined {
  try {
    return normalizeSiteUrl(url, 'url');
  } catch {
    // The decision refuses it with the reason.
    return undefined;
  }
}

/** What to load for an order (best effort on unvalidated values: the decision has the last word). */
export function inventoryQuery(body: OrderBody): InventoryQuery {
  switch (body.type) {
    case 'subscribe':
      return { domain: body.domain.toLowerCase() };
    case 'add_users':
      return { users: aliasesOf(body.users), policies: 'in_use' };
    case 'change_user_plan':
      return { users: aliasesOf(body.users), lock: true, policies: 'in_use' };
    case 'remove_users':
      return { users: aliasesOf(body.aliases.map((alias) => ({ alias }))), lock: true };
    case 'add_dns_records':
      return { records: 'all' };
    case 'remove_dns_records':
      return { records: 'all', lock: true };
    case 'create_site':
      return { siteUrl: tryNormalizeSiteUrl(body.url) };
    case 'delete_site':
      return { sites: 'all', lock: true };
    case 'change_plan':
      return { users: 'all', sites: 'all' };
    case 'wipe_device':
      return { users: aliasesOf([{ alias: body.alias }]) };
    case 'cancel':
      return { users: 'all', sites: 'active', busy: true, policies: 'all' };
    default:
      return { users: 'all' };
  }
}
