import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditSealer } from './audit-sealer.service';
import { clock } from '../common/clock';
import { ProblemError } from '../common/errors/problem';
import { newId } from '../common/ids';
import { rootLogger } from '../common/logging/logger';
import { decodeCursor, type PageQuery, toPage } from '../common/pagination/cursor';
import { AppConfig } from '../config/app-config';
import { inTransaction, type Sql, sqlOf } from '../database/sql';
import type { Principal } from '../access/principal';
import { auditActorOf } from './audit-actor';
import { type ChainHead, chainHead } from './audit-events.store';
import { appendAuditEvent } from './audit-writer';
import { type CheckpointPage, type CheckpointView, checkpointView, type PublicKeyView } from './audit.views';
import { signCheckpoint } from './checkpoint-signature';
import {
  type CheckpointReason,
  type CheckpointRow,
  insertCheckpoint,
  latestCheckpoint,
  listCheckpoints,
  listSigningKeys,
  recordSigningKey,
  takeCheckpointLock,
} from './checkpoints.store';
import { type AuditSigningKey, loadAuditSigningKey } from './signing-key';

/** The installation's signing key, loaded (or generated) once when the API starts. */
@Injectable()
export class AuditSigner {
  readonly key: AuditSigningKey;
  constructor(config: AppConfig) {
    this.key = loadAuditSigningKey({
      configured: config.auditSigningKey,
      dataDir: config.resolvedDataDir,
      log: rootLogger().child({ component: 'audit-signer' }),
    });
  }
}

interface ChainState {
  head: ChainHead;
  last: CheckpointRow | undefined;
}

@Injectable()
export class AuditCheckpointsService {
  constructor(
    private readonly ds: DataSource,
    private readonly signer: AuditSigner,
    private readonly sealer: AuditSealer,
  ) {}

  private async state(sql: Sql): Promise<ChainState> {
    return { head: await chainHead(sql), last: await latestCheckpoint(sql) };
  }

  /** Signs and stores a checkpoint of the chain head. The caller holds the checkpoint lock in this transaction. */
  private async insert(sql: Sql, head: ChainHead, reason: CheckpointReason, userId: string | null): Promise<CheckpointView> {
    const k = this.signer.key;
    await recordSigningKey(sql, k.info);
    const createdAt = clock.now().toISOString();
    const fields = { lastSeq: head.seq, lastHash: head.hash, createdAt, keyId: k.info.keyId };
    const signature = signCheckpoint(k.privateKey, fields);
    return checkpointView(await insertCheckpoint(sql, { id: newId('ckp'), ...fields, signature, reason, createdBy: userId }));
  }

  /**
   * `POST /v1/audit/checkpoints`: a checkpoint of the chain head now. When nothing happened since
   * the latest checkpoint, that one is returned (`created: false`) and nothing is written.
   * Otherwise the checkpoint and its audit event commit together (the event is the next link,
   * covered by the next checkpoint).
   */
  async createManual(p: Principal): Promise<{ created: boolean; checkpoint: CheckpointView }> {
    await this.sealer.sealNow();
    return inTransaction(this.ds, async (sql) => {
      await takeCheckpointLock(sql, { wait: true });
      const { head, last } = await this.state(sql);
      if (head.seq === 0) throw new ProblemError('AUDIT_CHAIN_EMPTY');
      if (last && Number(last.last_seq) >= head.seq) return { created: false, checkpoint: checkpointView(last) };
      const checkpoint = await this.insert(sql, head, 'manual', p.userId);
      await appendAuditEvent(sql, auditActorOf(p), {
        action: 'audit.checkpoint_created',
        resourceType: 'audit_checkpoint',
        resourceId: checkpoint.id,
        organizationId: p.subjectOrgId,
        organizationPath: p.subjectOrgPath,
        details: { lastSeq: checkpoint.lastSeq, lastHash: checkpoint.lastHash, keyId: checkpoint.keyId },
      });
      return { created: true, checkpoint };
    });
  }

  /**
   * One pass of the periodic checkpointer: when another process holds the lock, does nothing;
   * otherwise writes a checkpoint if at least `everyEvents` events arrived since the last one,
   * or if `intervalMs` passed since it (or since `sinceMs` when there is none) and there is any
   * new event. Periodic checkpoints write no audit event (that event would itself be new and
   * call for the next checkpoint forever).
   */
  async tick(opts: { everyEvents: number; intervalMs: number; sinceMs: number }): Promise<CheckpointView | null> {
    await this.sealer.sealNow();
    return inTransaction(this.ds, async (sql) => {
      if (!(await takeCheckpointLock(sql, { wait: false }))) return null;
      const { head, last } = await this.state(sql);
      const fresh = head.seq - Number(last?.last_seq ?? 0);
      if (fresh <= 0) return null;
      const since = last ? new Date(last.created_at).getTime() : opts.sinceMs;
      const reason: CheckpointReason | null = fresh >= opts.everyEvents ? 'events' : clock.nowMs() - since >= opts.intervalMs ? 'interval' : null;
      if (!reason) return null;
      return this.insert(sql, head, reason, null);
    });
  }

  async list(q: PageQuery): Promise<CheckpointPage> {
    const limit = q.limit ?? 50;
    const after = decodeCursor(q.cursor, 1);
    if (after && (typeof after[0] !== 'number' || !Number.isSafeInteger(after[0]))) throw new ProblemError('INVALID_CURSOR');
    const sql = sqlOf(this.ds);
    const rows = await listCheckpoints(sql, { beforeSeq: after?.[0] as number | undefined, limit: limit + 1 });
    const page = toPage(rows, limit, (r) => [Number(r.last_seq)], checkpointView);
    const keys: PublicKeyView[] = (await listSigningKeys(sql)).map((k) => ({
      keyId: k.key_id,
      algorithm: 'Ed25519' as const,
      pem: k.public_key_pem,
      raw: k.public_key_raw,
    }));
    return { publicKey: this.signer.key.info, keys, ...page };
  }
}
