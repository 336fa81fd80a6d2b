import { requestContext } from '../common/logging/request-context';
import { clock } from '../common/clock';
import type { Sql } from '../database/sql';
import { type AuditRecord, auditHash } from './audit-hash';

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
  outcome?: 'success' | 'failure' | 'denied';
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

/**
 * Appends one event to the hash chain **inside the caller's transaction**, so the event and the
 * change commit or roll back together.
 *
 * Concurrency: `UPDATE audit_chain_head … RETURNING` takes the head row lock; in READ COMMITTED
 * a waiting writer re-reads the row after the holder commits, so each writer sees the latest
 * committed seq and hash: no gap, no fork. The lock is held until the caller commits, so write
 * the audit event as the **last** statement of the transaction to keep that window short (and
 * to avoid lock-order deadlocks).
 */
export async function appendAuditEvent(sql: Sql, actor: AuditActor, event: AuditEventInput): Promise<{ seq: number; hash: string }> {
  const ctx = requestContext.get();
  let orgPath = event.organizationPath ?? null;
  if (!orgPath && event.organizationId) {
    const r = await sql.query<{ path: string }>('SELECT path FROM organizations WHERE id = $1', [event.organizationId]);
    orgPath = r.rows[0]?.path ?? null;
  }
  const details = (scrub(event.details ?? {}) as Record<string, unknown>) ?? {};
  if (actor.system) details.system = actor.system;
  const head = await sql.query<{ seq: string; hash: string }>(
    'UPDATE audit_chain_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash',
  );
  const seq = Number(head.rows[0].seq);
  const prevHash = head.rows[0].hash;
  const record: AuditRecord = {
    seq,
    occurredAt: clock.now().toISOString(),
    actorUserId: actor.userId ?? null,
    actorOrgId: actor.orgId ?? null,
    onBehalfOfOrgId: actor.onBehalfOfOrgId ?? null,
    tokenId: actor.tokenId ?? null,
    delegationId: actor.delegationId ?? null,
    action: event.action,
    resourceType: event.resourceType ?? null,
    resourceId: event.resourceId ?? null,
    organizationId: event.organizationId ?? null,
    organizationPath: orgPath,
    outcome: event.outcome ?? 'success',
    requestId: ctx?.requestId ?? null,
    clientIp: ctx?.ip ?? null,
    userAgent: ctx?.userAgent ?? null,
    details,
  };
  const hash = auditHash(prevHash, record);
  await sql.query(
    `WITH ins AS (
       INSERT INTO audit_events (seq, occurred_at, actor_user_id, actor_org_id, on_behalf_of_org_id, token_id, delegation_id,
         action, resource_type, resource_id, organization_id, organization_path, outcome, request_id, client_ip, user_agent,
         details, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
     )
     UPDATE audit_chain_head SET hash = $19 WHERE id = 1`,
    [
      seq, record.occurredAt, record.actorUserId, record.actorOrgId, record.onBehalfOfOrgId, record.tokenId, record.delegationId,
      record.action, record.resourceType, record.resourceId, record.organizationId, record.organizationPath, record.outcome,
      record.requestId, record.clientIp, record.userAgent, JSON.stringify(details), prevHash, hash,
    ],
  );
  return { seq, hash };
}
