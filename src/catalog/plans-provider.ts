import { findOrganization } from '../identity/organizations.store';
import type { Pool } from 'pg';
import { type AuditActor, appendAuditEvent } from '../audit/audit-writer';
import { ID_PATTERN } from '../common/ids';
import { pgTransaction, type Sql } from '../database/sql';
import { LEAF_SIGNATURES } from '../provisioning/namespaces/leaf-signatures';
import { DEFAULT_RETRY, type LeafProcedure, type ProcedureContext, type Provider, ProviderError } from '../provisioning/providers/provider';
import { commit, releaseFreed, type SettleOptions, type SettleResult, uncommit, unreleaseFreed } from './quota-ledger';
import { organizationOfOrderEntries } from './quota-ledger.store';
import { changeSubscriptionStatus, restoreSubscriptionStatus } from './subscription-lifecycle';
import type { SubscriptionStatus } from './subscriptions.store';

/**
 * The `Plans` leaf namespace (LANGUAGE.md §3): the quota ledger and the subscription lifecycle as
 * steps of a provisioning run. Each call runs in its own transaction on the engine's pool and is
 * audited there (actor `engine:<id>`); each is idempotent, and so is its rollback, which works
 * from the input alone (no rollback data needed):
 * - CommitQuota / ReleaseQuota move only the order's pending entries; their rollbacks move only
 *   the applied ones back.
 * - Activate / Suspend / Cancel remember the previous status and the run that changed it; the
 *   rollback restores it only if the status is still the one this run set.
 */

type Raw = Record<string, unknown>;

function field(raw: Raw, entity: string, name: string, pattern?: RegExp): string {
  let e = raw?.[entity];
  if (Array.isArray(e) && e.length === 1) e = e[0];
  if (!e || typeof e !== 'object' || Array.isArray(e)) throw ProviderError.invalidInput(`${entity}: is required`, { field: entity });
  let v = (e as Raw)[name];
  if (Array.isArray(v) && v.length === 1) v = v[0];
  if (typeof v !== 'string' || !v.trim()) throw ProviderError.invalidInput(`${entity}.${name}: is required`, { field: `${entity}.${name}` });
  const s = v.trim();
  // Order ids come from the orders module (any printable token); subscription ids are ours.
  if (s.length > 100 || /[\u0000-\u001f\u007f]/.test(s) || (pattern && !pattern.test(s)))
    throw ProviderError.invalidInput(`${entity}.${name}: not a valid id`, { field: `${entity}.${name}` });
  return s;
}

function actorOf(ctx: ProcedureContext): AuditActor {
  return { system: `engine:${ctx.engineId}` };
}

function procedure(
  id: string,
  parse: (raw: Raw) => string,
  keyOf: (v: string) => string,
  execute: (pool: Pool, v: string, ctx: ProcedureContext) => Promise<void>,
  rollback: (pool: Pool, v: string, ctx: ProcedureContext) => Promise<void>,
  pool: Pool,
): LeafProcedure<string> {
  const sig = LEAF_SIGNATURES[id];
  const [namespace, name] = id.split('.');
  const inputDoc: Record<string, string> = {};
  for (const [entity, fields] of Object.entries(sig.input)) for (const f of fields) inputDoc[`${entity}.${f}`] = 'required';
  return {
    namespace,
    name,
    kind: sig.kind,
    description: sig.summary,
    parseInput: (raw) => parse(raw ?? {}),
    naturalKey: keyOf,
    retry: DEFAULT_RETRY,
    inputDoc,
    execute: async (v, ctx) => {
      await execute(pool, v, ctx);
      return { output: {} };
    },
    rollback: (v, _data, ctx) => rollback(pool, v, ctx),
  };
}

/**
 * A ledger step: settle in one transaction and audit it when something moved. Three round trips
 * besides BEGIN/COMMIT would be needed otherwise (lock, settle, the organization's path for the
 * event); the settle statement does all three (quota-ledger.ts `settle`).
 */
function ledgerStep(action: string, settleFn: (sql: Sql, orderId: string, opts: SettleOptions) => Promise<SettleResult>) {
  return async (pool: Pool, orderId: string, ctx: ProcedureContext) => {
    await pgTransaction(pool, async (sql) => {
      const r = await settleFn(sql, orderId, { organization: true });
      if (!r.entries) return;
      const org = r.organization ?? null;
      const organizationId = ctx.organizationId ?? org?.id ?? (await organizationOfOrderEntries(sql, orderId));
      await appendAuditEvent(sql, actorOf(ctx), {
        action,
        resourceType: 'order',
        resourceId: orderId,
        organizationId,
        // Known from the settle statement when it is the same organization (the usual case).
        organizationPath: org && org.id === organizationId ? org.path : organizationId ? (await findOrganization(sql, organizationId))?.path : undefined,
        details: { orderId, runId: ctx.runId, stepSeq: ctx.stepSeq, entries: r.entries, amounts: r.byFeature },
      });
    });
  };
}

/** A status change: from any of `from` to `to`; already `to` is success; anything else fails for good. */
function statusStep(to: SubscriptionStatus, from: SubscriptionStatus[], action: string) {
  return async (pool: Pool, subscriptionId: string, ctx: ProcedureContext) => {
    await pgTransaction(pool, async (sql) => {
      const change = await changeSubscriptionStatus(sql, { subscriptionId, to, from, action, actor: actorOf(ctx), runId: ctx.runId, stepSeq: ctx.stepSeq });
      if (change.outcome === 'not_found')
        throw new ProviderError('SUBSCRIPTION_NOT_FOUND', `subscription ${subscriptionId} does not exist`, false, { subscriptionId });
      if (change.outcome === 'conflict') {
        throw new ProviderError('SUBSCRIPTION_STATE_CONFLICT', `subscription ${subscriptionId} is ${change.status}; cannot make it ${to}`, false, {
          subscriptionId,
          status: change.status,
        });
      }
    });
  };
}

/** Rollback of a status change: back to the previous status if the status is still what this run set. */
function restoreStatus(to: SubscriptionStatus) {
  return async (pool: Pool, subscriptionId: string, ctx: ProcedureContext) => {
    await pgTransaction(pool, (sql) => restoreSubscriptionStatus(sql, { subscriptionId, to, actor: actorOf(ctx), runId: ctx.runId, stepSeq: ctx.stepSeq }));
  };
}

const orderId = (raw: Raw) => field(raw, 'order', 'id');
const subscriptionId = (raw: Raw) => field(raw, 'subscription', 'id', ID_PATTERN);

/** The catalog's provider (name `plans`) for the `Plans` leaf namespace. */
export function createPlansProvider(pool: Pool): Provider {
  return {
    name: 'plans',
    procedures: [
      procedure(
        'Plans.CommitQuota',
        orderId,
        (o) => `quota-commit:${o}`,
        ledgerStep('quota.committed', commit),
        ledgerStep('quota.commit_reverted', uncommit),
        pool,
      ),
      procedure(
        'Plans.ReleaseQuota',
        orderId,
        (o) => `quota-release:${o}`,
        ledgerStep('quota.released', releaseFreed),
        ledgerStep('quota.release_reverted', unreleaseFreed),
        pool,
      ),
      procedure(
        'Plans.ActivateSubscription',
        subscriptionId,
        (s) => `subscription-active:${s}`,
        statusStep('active', ['pending', 'suspended'], 'subscription.activated'),
        restoreStatus('active'),
        pool,
      ),
      procedure(
        'Plans.SuspendSubscription',
        subscriptionId,
        (s) => `subscription-suspended:${s}`,
        statusStep('suspended', ['active'], 'subscription.suspended'),
        restoreStatus('suspended'),
        pool,
      ),
      procedure(
        'Plans.CancelSubscription',
        subscriptionId,
        (s) => `subscription-cancelled:${s}`,
        statusStep('cancelled', ['pending', 'active', 'suspended'], 'subscription.cancelled'),
        restoreStatus('cancelled'),
        pool,
      ),
    ],
  };
}
