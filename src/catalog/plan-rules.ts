import { ProblemError, type FieldError } from '../common/errors/problem';
import type { catalogErrors } from '../common/errors/catalog/catalog.errors';
import {
  FEATURES,
  FEATURES_BY_KEY,
  type FeatureDefinition,
  type FeatureValue,
  isServiceKey,
  numericAbove,
  type PlanKind,
  SERVICES,
  SERVICES_BY_KEY,
  type ServiceKey,
} from './service-catalog';

/**
 * Pure rules of plan definitions: normalization of feature values, service dependencies, and the
 * "never more than" comparisons (a derived plan against its base, a user plan against the
 * organization plan that assigns it). No database here, so they are unit-tested directly.
 */

export type FeatureMap = Record<string, FeatureValue>;

export interface PlanContent {
  services: ServiceKey[];
  features: FeatureMap;
}

export type PlanIssueCode = keyof typeof catalogErrors;

export interface PlanIssue {
  code: PlanIssueCode;
  path: string;
  message: string;
}

/** Every service a plan includes must have the services it requires. */
export function serviceIssues(services: readonly string[]): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const set = new Set(services);
  for (const s of services) {
    if (!isServiceKey(s)) {
      issues.push({ code: 'PLAN_UNKNOWN_SERVICE', path: `services.${s}`, message: `unknown service "${s}"` });
      continue;
    }
    for (const dep of SERVICES_BY_KEY.get(s)!.requires) {
      if (!set.has(dep)) issues.push({ code: 'PLAN_SERVICE_DEPENDENCY_MISSING', path: `services.${s}`, message: `${s} requires ${dep}` });
    }
  }
  return issues;
}

/** Services in catalog order, without duplicates. */
export function orderServices(services: readonly string[]): ServiceKey[] {
  const set = new Set(services);
  return SERVICES.map((s) => s.key).filter((k) => set.has(k));
}

function valueIssue(def: FeatureDefinition, value: unknown): string | undefined {
  if (def.type === 'boolean') return typeof value === 'boolean' ? undefined : 'must be true or false';
  if (value === null) return def.unlimitedAllowed ? undefined : 'cannot be unlimited (null)';
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return `must be an integer${def.unlimitedAllowed ? ' or null (unlimited)' : ''}`;
  if (def.min !== null && value < def.min) return `must be at least ${def.min}`;
  if (def.max !== null && value > def.max) return `must be at most ${def.max}`;
  return undefined;
}

/**
 * The complete feature map of a plan: every feature of its services that applies to its kind,
 * from `input`, else `previous` (the version being edited), else the feature's default. Features
 * of services the plan no longer includes are dropped from `previous` silently; naming one in
 * `input` is an error.
 */
export function normalizeFeatures(
  kind: PlanKind,
  services: readonly ServiceKey[],
  input: Record<string, unknown>,
  previous: FeatureMap = {},
): { features: FeatureMap; issues: PlanIssue[] } {
  const issues: PlanIssue[] = [];
  const included = new Set(services);
  for (const [key, value] of Object.entries(input)) {
    const def = FEATURES_BY_KEY.get(key);
    const path = `features.${key}`;
    if (!def) {
      issues.push({ code: 'PLAN_UNKNOWN_FEATURE', path, message: `unknown feature "${key}"` });
      continue;
    }
    if (!def.appliesTo.includes(kind)) {
      issues.push({ code: 'PLAN_UNKNOWN_FEATURE', path, message: `"${key}" does not apply to ${kind} plans` });
      continue;
    }
    if (!included.has(def.service)) {
      issues.push({ code: 'PLAN_FEATURE_SERVICE_MISSING', path, message: `"${key}" belongs to ${def.service}, which the plan does not include` });
      continue;
    }
    const problem = valueIssue(def, value);
    if (problem) issues.push({ code: 'PLAN_FEATURE_OUT_OF_RANGE', path, message: problem });
  }
  const features: FeatureMap = {};
  for (const def of FEATURES) {
    if (!included.has(def.service) || !def.appliesTo.includes(kind)) continue;
    if (Object.hasOwn(input, def.key)) features[def.key] = input[def.key] as FeatureValue;
    else if (Object.hasOwn(previous, def.key) && valueIssue(def, previous[def.key]) === undefined) features[def.key] = previous[def.key];
    else features[def.key] = def.default;
  }
  return { features, issues };
}

export interface Excess {
  /** `services.<key>` or the feature key. */
  feature: string;
  value: FeatureValue | 'included';
  allowed: FeatureValue | 'not included';
}

function grantExceeds(def: FeatureDefinition, value: FeatureValue, allowed: FeatureValue): boolean {
  if (def.type === 'boolean') return value === true && allowed !== true;
  return numericAbove(value as number | null, allowed as number | null);
}

/**
 * What `candidate` grants beyond `ceiling`: services it has that the ceiling lacks, and every
 * capability feature above the ceiling's value (for features both plans can carry).
 */
export function excessOver(candidate: PlanContent, ceiling: PlanContent): Excess[] {
  const out: Excess[] = [];
  const ceilingServices = new Set(ceiling.services);
  for (const s of candidate.services) {
    if (!ceilingServices.has(s)) out.push({ feature: `services.${s}`, value: 'included', allowed: 'not included' });
  }
  for (const [key, value] of Object.entries(candidate.features)) {
    const def = FEATURES_BY_KEY.get(key);
    if (!def?.grants || !ceilingServices.has(def.service) || !Object.hasOwn(ceiling.features, key)) continue;
    const allowed = ceiling.features[key];
    if (grantExceeds(def, value, allowed)) out.push({ feature: key, value, allowed });
  }
  return out;
}

function describe(v: FeatureValue | 'included' | 'not included'): string {
  return v === null ? 'unlimited' : String(v);
}

export function excessIssues(code: PlanIssueCode, excess: Excess[], prefix = ''): PlanIssue[] {
  return excess.map((e) => ({
    code,
    path: `${prefix}${e.feature.startsWith('services.') ? e.feature : `features.${e.feature}`}`,
    message: `${describe(e.value)} exceeds ${describe(e.allowed)}`,
  }));
}

/** Throws the first issue's code, listing every issue in `errors`. */
export function throwIfIssues(issues: PlanIssue[], extra: Record<string, unknown> = {}): void {
  if (!issues.length) return;
  const errors: FieldError[] = issues.slice(0, 50).map((i) => ({ path: i.path, message: i.message }));
  throw new ProblemError(
    issues[0].code,
    issues
      .map((i) => `${i.path}: ${i.message}`)
      .join('; ')
      .slice(0, 1000),
    { ...extra, errors },
  );
}

/** What a user plan gives one user, in the words the orders module and the namespaces use. */
export interface UserPlanSettings {
  mailbox: { sizeMb: number; owa: boolean } | null;
  activeSync: { requirePin: boolean; maxDevices: number } | null;
  sip: { im: boolean; presence: boolean; federation: boolean; conferencing: boolean } | null;
}

export function userPlanSettings(content: PlanContent): UserPlanSettings {
  const f = content.features;
  const has = (s: ServiceKey) => content.services.includes(s);
  return {
    mailbox: has('exchange') ? { sizeMb: f['exchange.mailbox_size_mb'] as number, owa: f['exchange.owa'] === true } : null,
    activeSync:
      has('mobility') && f['mobility.activesync'] === true
        ? { requirePin: f['mobility.require_pin'] === true, maxDevices: f['mobility.devices_per_user'] as number }
        : null,
    sip: has('communications')
      ? {
          im: f['communications.im'] === true,
          presence: f['communications.presence'] === true,
          federation: f['communications.federation'] === true,
          conferencing: f['communications.conferencing'] === true,
        }
      : null,
  };
}

/** Ledger items one user with this user plan consumes (directory user, mailbox, SIP user). */
export function quotaItemsForUser(content: PlanContent): { feature: string; amount: number }[] {
  const items = [{ feature: 'directory.users', amount: 1 }];
  if (content.services.includes('exchange')) items.push({ feature: 'exchange.mailboxes', amount: 1 });
  if (content.services.includes('communications')) items.push({ feature: 'communications.users', amount: 1 });
  return items;
}
