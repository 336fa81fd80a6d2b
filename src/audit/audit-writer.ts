import { clock } from '../common/clock';
import { requestContext } from '../common/logging/request-context';
import type { Sql } from '../database/sql';
import { type AuditOutcome, insertAuditEvent, insertAuditEvents, type NewAuditEvent, organizationPathOf } from './audit-events.store';

/** Who did it. For delegated tokens: the reseller user acts on behalf of the customer. */
export interface AuditActor {
  userId?: string | null;
  orgId?: string | null;
  onBehalfOfOrgId?: string | null;
  tokenId?: string | null;
  delegationId?: string | null;
  /** Engines and the system write events without a user; say which (e.g. `engine:eng_…`). */
  system?: string;
}

export interface AuditEventInput {
  /** `order.placed`, `plan.published`, `token.created`, `delegation.revoked`, `run.compensated`, `auth.denied` … */
  action: string;
  resourceType?: string | null;
  resourceId?: string | null;
  /** The organization the event concerns (scopes auditor queries). */
  organizationId?: string | null;
  /** Its materialized path; looked up when omitted and organizationId is given. */
  organizationPath?: string | null;
  outcome?: AuditOutcome;
  /** Before/after for changes, reasons, ids. Never secrets. */
  details?: Record<string, unknown>;
}

const SECRET_KEYS = /^(token|secret|password|authorization|privateKey|signingKey)$/i;

function scrub(value: unknown, depth = 0): unknown {
  if (depth > 20) return '[too deep]';
  if (typeof value === 'string') return value.replace(/\u0000/g, '').toWellFormed();
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      out[k] = SECRET_KEYS.test(k) ? '[redacted]' : scrub(v, depth + 1);
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** Handles given out by `withAuditBatch`, and the events written through each so far. */
const batches = new WeakMap<Sql, NewAuditEvent[]>();

/**
 * Writes one audit event **inside the caller's transaction**, so the event and the change commit
 * or roll back together. On a handle from `withAuditBatch` the event is written, with the others
 * of that batch, when the batch's function returns (still inside the transaction).
 *
 * The event is written unsealed (no seq, no hash) and the sealer (`audit-sealer.ts`) places it on
 * the SHA-256 chain right after it commits: a single writer under the chain head's row lock,
 * in batches. Writers never wait on each other: an earlier design took the head lock in every
 * audited transaction and so serialized every commit of the installation behind one fsync at a
 * time (≈ 70 audited commits/s on this class of machine). Readers (auditor API, export, verify,
 * checkpoints) seal what is pending before they read, so they always see every committed event.
 */
async function appendOne(sql: Sql, actor: AuditActor, event: AuditEventInput): Promise<void> {
  const ctx = requestContext.get();
  const orgPath = event.organizationPath ?? (event.organizationId ? await organizationPathOf(sql, event.organizationId) : null);
  const details = (scrub(event.details ?? {}) as Record<string, unknown>) ?? {};
  if (actor.system) details.system = actor.system;
  const row: NewAuditEvent = {
    occurred_at: clock.now().toISOString(),
    actor_user_id: actor.userId ?? null,
    actor_org_id: actor.orgId ?? null,
    on_behalf_of_org_id: actor.onBehalfOfOrgId ?? null,
    token_id: actor.tokenId ?? null,
    delegation_id: actor.delegationId ?? null,
    action: event.action,
    resource_type: event.resourceType ?? null,
    resource_id: event.resourceId ?? null,
    organization_id: event.organizationId ?? null,
    organization_path: orgPath,
    outcome: event.outcome ?? 'success',
    request_id: ctx?.requestId ?? null,
    client_ip: ctx?.ip ?? null,
    user_agent: ctx?.userAgent ?? null,
    details,
  };
  const batch = batches.get(sql);
  if (batch) batch.push(row);
  else await insertAuditEvent(sql, row);
}

/**
 * Runs fn with a handle on `sql` through which every audit event fn writes (`appendAuditEvent`,
 * also from code fn calls: hooks of other modules) goes into **one INSERT** once fn returns,
 * in the order they were appended, so the chain is the same as with one INSERT each. Statements
 * other than audit events run at once. If fn throws, nothing of the batch is written (the
 * transaction is rolling back anyway). For transactions that write several events: each INSERT
 * is a round trip inside a transaction holding row locks.
 */
export async function withAuditBatch<T>(sql: Sql, fn: (sql: Sql) => Promise<T>): Promise<T> {
  const events: NewAuditEvent[] = [];
  const batched: Sql = { query: <R>(text: string, params?: unknown[]) => sql.query<R>(text, params) };
  batches.set(batched, events);
  let result: T;
  try {
    result = await fn(batched);
  } finally {
    batches.delete(batched);
  }
  if (events.length) await insertAuditEvents(sql, events);
  return result;
}

/**
 * Writes one audit event inside the caller's transaction (see `appendOne`); its `batch` is
 * `withAuditBatch`, for callers that take the writer as a sink (the engine) and cannot import it.
 */
export const appendAuditEvent = Object.assign(appendOne, { batch: withAuditBatch });
