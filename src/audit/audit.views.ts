import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { iso } from '../common/iso';
import type { SealedAuditEventRow } from './audit-events.store';
import { auditRecordFromRow } from './audit-hash';
import type { CheckpointRow } from './checkpoints.store';

/** One audit event as auditors see it: every hashed field, plus the chain links. */
export class AuditEventView {
  @ApiProperty({ example: 1042, description: 'position in the installation-wide hash chain' }) seq: number;
  @ApiProperty({ example: '2026-11-25T08:00:00.000Z' }) occurredAt: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the user who acted (for delegated actions: the reseller user)' }) actorUserId:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) actorOrgId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'set when a delegated admin token acted inside this customer' }) onBehalfOfOrgId:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) tokenId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) delegationId: string | null;
  @ApiProperty({ example: 'organization.created' }) action: string;
  @ApiPropertyOptional({ type: String, nullable: true }) resourceType: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) resourceId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) organizationId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) organizationPath: string | null;
  @ApiProperty({ enum: ['success', 'failure', 'denied'] }) outcome: 'success' | 'failure' | 'denied';
  @ApiPropertyOptional({ type: String, nullable: true }) requestId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) clientIp: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) userAgent: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'before/after for changes, reasons, ids' }) details: Record<string, unknown>;
  @ApiProperty({ description: 'hash of the previous event (64 zeros for seq 1)' }) prevHash: string;
  @ApiProperty({ description: 'SHA-256(prevHash ‖ "\\n" ‖ canonical JSON of the hashed fields), hex' }) hash: string;
}

export class AuditEventPage {
  @ApiProperty({ type: AuditEventView, isArray: true }) items: AuditEventView[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor: string | null;
}

export const auditEventView = (row: SealedAuditEventRow): AuditEventView => auditRecordFromRow(row);

/** Export columns, in order (CSV header and NDJSON key order). */
export const EXPORT_COLUMNS: (keyof AuditEventView)[] = [
  'seq',
  'occurredAt',
  'actorUserId',
  'actorOrgId',
  'onBehalfOfOrgId',
  'tokenId',
  'delegationId',
  'action',
  'resourceType',
  'resourceId',
  'organizationId',
  'organizationPath',
  'outcome',
  'requestId',
  'clientIp',
  'userAgent',
  'details',
  'prevHash',
  'hash',
];

export class ChainBreakView {
  @ApiProperty() seq: number;
  @ApiProperty({ enum: ['hash_mismatch', 'missing_sequence', 'broken_link', 'checkpoint_mismatch', 'truncated'] }) reason: string;
  @ApiProperty({ description: 'what exactly differs' }) detail: string;
}

export class VerifyView {
  @ApiProperty() verified: boolean;
  @ApiProperty({ description: 'events whose hash and link were checked before the walk ended' }) checkedEvents: number;
  @ApiPropertyOptional({ type: ChainBreakView, nullable: true }) firstBreak: ChainBreakView | null;
  @ApiProperty() fromSeq: number;
  @ApiProperty({ description: 'the last seq the walk had to reach (toSeq, or the chain head when it started)' }) toSeq: number;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'hash at toSeq when verified' }) lastHash: string | null;
  @ApiProperty({ description: 'signed checkpoints in the range whose signature and hash were checked' }) checkpointsChecked: number;
}

export class PublicKeyView {
  @ApiProperty({ example: '3f9a0c1d2e4b5a69' }) keyId: string;
  @ApiProperty({ enum: ['Ed25519'] }) algorithm: 'Ed25519';
  @ApiProperty({ description: 'SubjectPublicKeyInfo PEM' }) pem: string;
  @ApiProperty({ description: 'the raw 32-byte public key, base64' }) raw: string;
}

export class CheckpointView {
  @ApiProperty({ example: 'ckp_01jdx3m5v8k2q9w7e4r6t1y0ab' }) id: string;
  @ApiProperty() lastSeq: number;
  @ApiProperty() lastHash: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() keyId: string;
  @ApiProperty({ description: 'base64 Ed25519 signature of "provisio-audit-checkpoint/v1\\nseq=…\\nhash=…\\ntime=…\\nkey=…\\n"' }) signature: string;
  @ApiProperty({ enum: ['events', 'interval', 'manual'] }) reason: string;
}

export class CheckpointPage {
  @ApiProperty({ type: PublicKeyView, description: 'the key this installation signs with now' }) publicKey: PublicKeyView;
  @ApiProperty({ type: PublicKeyView, isArray: true, description: 'every key that has signed a checkpoint' }) keys: PublicKeyView[];
  @ApiProperty({ type: CheckpointView, isArray: true }) items: CheckpointView[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor: string | null;
}

export function checkpointView(r: CheckpointRow): CheckpointView {
  return {
    id: r.id,
    lastSeq: Number(r.last_seq),
    lastHash: r.last_hash,
    createdAt: iso(r.created_at),
    keyId: r.key_id,
    signature: r.signature,
    reason: r.reason,
  };
}
