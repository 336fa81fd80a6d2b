import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json';
import type { AuditEventRow, SealedAuditEventRow } from './audit-events.store';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit event that the hash covers, in their exported (camelCase) form. */
export interface AuditRecord {
  seq: number;
  occurredAt: string;
  actorUserId: string | null;
  actorOrgId: string | null;
  onBehalfOfOrgId: string | null;
  tokenId: string | null;
  delegationId: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  organizationId: string | null;
  organizationPath: string | null;
  outcome: 'success' | 'failure' | 'denied';
  requestId: string | null;
  clientIp: string | null;
  userAgent: string | null;
  details: Record<string, unknown>;
}

/** hash = SHA-256(prev_hash ‖ "\n" ‖ canonical JSON of the event), hex. Shared by writer, verifier and offline CLI. */
export function auditHash(prevHash: string, record: AuditRecord): string {
  const body: AuditRecord = {
    seq: record.seq,
    occurredAt: record.occurredAt,
    actorUserId: record.actorUserId ?? null,
    actorOrgId: record.actorOrgId ?? null,
    onBehalfOfOrgId: record.onBehalfOfOrgId ?? null,
    tokenId: record.tokenId ?? null,
    delegationId: record.delegationId ?? null,
    action: record.action,
    resourceType: record.resourceType ?? null,
    resourceId: record.resourceId ?? null,
    organizationId: record.organizationId ?? null,
    organizationPath: record.organizationPath ?? null,
    outcome: record.outcome,
    requestId: record.requestId ?? null,
    clientIp: record.clientIp ?? null,
    userAgent: record.userAgent ?? null,
    details: record.details ?? {},
  };
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(body)).digest('hex');
}

/** The hashed fields of a row of audit_events (snake_case, as pg returns it), placed at `seq`. */
export function auditRecordOf(row: AuditEventRow, seq: number): AuditRecord {
  return {
    seq,
    occurredAt: new Date(row.occurred_at).toISOString(),
    actorUserId: row.actor_user_id,
    actorOrgId: row.actor_org_id,
    onBehalfOfOrgId: row.on_behalf_of_org_id,
    tokenId: row.token_id,
    delegationId: row.delegation_id,
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    organizationId: row.organization_id,
    organizationPath: row.organization_path,
    outcome: row.outcome,
    requestId: row.request_id,
    clientIp: row.client_ip,
    userAgent: row.user_agent,
    details: row.details ?? {},
  };
}

/** A sealed row as the chain holds it: the hashed fields and its links. */
export function auditRecordFromRow(row: SealedAuditEventRow): AuditRecord & { prevHash: string; hash: string } {
  return { ...auditRecordOf(row, Number(row.seq)), prevHash: row.prev_hash, hash: row.hash };
}
