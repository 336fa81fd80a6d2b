import type { QuotaItem } from '../../catalog/quota-ledger';
import type { PlanVersionDetails, SubscriptionDetails } from '../../catalog/subscriptions';
import { type ErrorCode, type FieldError, ProblemError } from '../../common/errors/problem';
import { LEDGERED_FEATURES } from '../../catalog/service-catalog';
import type { PlatformHosts } from '../platform-hosts';
import type { CustomerInventory } from './inventory';
import type { RequestData } from './request-data';

/**
 * What deciding an order takes and gives. A decision is a pure function of its input (no
 * database, no clock, no ids): the store loads the input inside the placing transaction and
 * persists the result; the renderer turns `request` into the XML request.
 */

export interface DecisionInput<B> {
  /** The customer; `resellerId` when its parent is a reseller (read for subscribe). */
  organization: { id: string; name: string; resellerId?: string };
  body: B;
  /** The organization's open subscription, if any. */
  subscription: SubscriptionDetails | undefined;
  /** What the customer has, as loaded for this order type (see `INVENTORY_NEEDS`). */
  inventory: CustomerInventory;
  /** The plan version the order names (`subscribe`, `change_plan`), as offered to the customer. */
  plan?: PlanVersionDetails;
  platform: PlatformHosts;
}

/** How the order changes the subscription (the catalog's lifecycle does it). */
export type SubscriptionEffect =
  | { kind: 'create'; plan: PlanVersionDetails }
  | { kind: 'change_plan'; plan: PlanVersionDetails; from: SubscriptionDetails }
  | { kind: 'none'; subscription: SubscriptionDetails };

export interface Decision {
  subscription: SubscriptionEffect;
  request: RequestData;
  /** Units the order will consume (reserved now, usage at completion). */
  reserve: QuotaItem[];
  /** Units the order will free (usage decreases at completion). */
  release: QuotaItem[];
  inventory: InventoryChanges;
  /** A short, readable account of what the order does (shown on the order). */
  summary: Record<string, unknown>;
}

/** Why an order is refused: a stable code and what the client is told. */
export interface Refusal {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown> & { errors?: FieldError[] };
}

export type Decided = { ok: true; decision: Decision } | { ok: false; refusal: Refusal };

/** Thrown inside a decision to refuse the order; `decided` turns it into a `Refusal`. */
class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

export function refuse(code: ErrorCode, message: string, details?: Refusal['details']): never {
  throw new Refused({ code, message, details });
}

export function invalid(path: string, message: string): never {
  refuse('VALIDATION_FAILED', `${path}: ${message}`, { errors: [{ path, message }] });
}

/**
 * Runs a decision; a refusal (ours, or a catalog rule such as `resolveUserPlan` throwing its
 * ProblemError) becomes the `Refusal` value. Anything else is a bug and propagates.
 */
export function decided(decide: () => Decision): Decided {
  try {
    return { ok: true, decision: decide() };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, refusal: e.refusal };
    if (e instanceof ProblemError) return { ok: false, refusal: { code: e.code, message: e.message, details: e.extra } };
    throw e;
  }
}

export function refusalError(r: Refusal): ProblemError {
  return new ProblemError(r.code, r.message, r.details ?? {});
}

// --- inventory changes -----------------------------------------------------------------------

export interface NewUser {
  alias: string;
  displayName: string;
  userPlanVersionId: string;
  settings: UserSettings;
}

export interface NewRecord {
  zone: string;
  name: string;
  type: string;
  value: string;
  ttl: number;
  priority: number | null;
  system: boolean;
}

export interface NewSite {
  url: string;
  title: string;
  quotaMb: number;
}

/** Rows the order adds (pending until it completes) or takes over (removing/changing). */
export interface InventoryChanges {
  service?: { domain: string; policyName: string };
  users?: NewUser[];
  changedUsers?: { alias: string; settings: UserSettings; userPlanVersionId: string }[];
  records?: NewRecord[];
  sites?: NewSite[];
  /** Active rows the order removes: aliases, record ids, site ids, or everything (`cancel`). */
  removing?: { users?: string[]; records?: string[]; sites?: string[]; everything?: boolean };
}

/**
 * An ActiveSync device policy. Users get the one their user plan's settings describe; users whose
 * plans share the settings share the policy (its name is made of the settings).
 */
export interface ActiveSyncPolicy {
  name: string;
  requirePin: boolean;
  maxDevicesPerUser: number;
}

/** What one user with a user plan gets inside an organization plan (stored on the user). */
export type UserSettings = {
  mailboxSizeMb: number;
  activesync: boolean;
  /** The user's ActiveSync policy when `activesync`; absent on users placed before policies came from user plans (they have the service's). */
  activesyncPolicy?: ActiveSyncPolicy | null;
  sip: boolean;
  im: boolean;
  presence: boolean;
  federation: boolean;
  conferencing: boolean;
  userPlan: string;
};

// --- helpers shared by the decisions ---------------------------------------------------------

export function has(plan: Pick<PlanVersionDetails, 'services'>, service: string): boolean {
  return (plan.services as string[]).includes(service);
}

/** Items the ledger counts, with an amount. */
export function counted(items: QuotaItem[]): QuotaItem[] {
  return items.filter((i) => LEDGERED_FEATURES.includes(i.feature) && i.amount > 0);
}

export function sumItems(items: QuotaItem[]): QuotaItem[] {
  const m = new Map<string, number>();
  for (const i of counted(items)) m.set(i.feature, (m.get(i.feature) ?? 0) + i.amount);
  return [...m.entries()].map(([feature, amount]) => ({ feature, amount }));
}

/** The open subscription, or 409 `NO_SUBSCRIPTION`; in one of `allowed` statuses, or 409 `SUBSCRIPTION_STATE_CONFLICT`. */
export function requireSubscription(input: DecisionInput<unknown>, allowed: string[], what: string): SubscriptionDetails {
  const sub = input.subscription;
  if (!sub) refuse('NO_SUBSCRIPTION', `${input.organization.name} has no subscription`);
  if (!input.inventory.service) refuse('NO_SUBSCRIPTION', `${input.organization.name} has no provisioned subscription`);
  if (!allowed.includes(sub.status)) {
    refuse('SUBSCRIPTION_STATE_CONFLICT', `${what} needs a ${allowed.join(' or ')} subscription; it is ${sub.status}`, {
      subscriptionId: sub.id,
      subscriptionStatus: sub.status,
    });
  }
  return sub;
}

export function checkUniqueAliases(aliases: string[], path: string, field = 'alias'): void {
  const seen = new Set<string>();
  aliases.forEach((alias, i) => {
    const a = alias.toLowerCase();
    if (seen.has(a)) invalid(field ? `${path}[${i}].${field}` : `${path}[${i}]`, 'appears twice in this order');
    seen.add(a);
  });
}

export { type CustomerInventory } from './inventory';
export { type PlatformHosts } from '../platform-hosts';
