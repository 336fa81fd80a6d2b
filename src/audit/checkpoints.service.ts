import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditSealer } from './audit-sealer.service';
import { clock } from '../common/clock';
import { ProblemError } from '../common/errors/problem';
import { newId } from '../common/ids';
import { rootLogger } from '../common/logging/logger';
import { decodeCursor, type PageQuery, toPage } from '../common/pagination/cursor';
import { AppConfig } from '../config/app-config';
import { inTransaction, type Sql, queryRows } from '../database/sql';
import type { Principal } from '../access/principal';
import { auditActorOf } from './audit-actor';
import { appendAuditEvent } from './audit-writer';
import { type CheckpointPage, type CheckpointView, checkpointView, type PublicKeyView } from './audit.views';
import { signCheckpoint } from './checkpoint-signature';
import { type AuditSigningKey, loadAuditSigningKey } from './signing-key';

/** Advisory lock held (transaction-scoped) by whoever writes a checkpoint: one writer at a time across processes. */
export const CHECKPOINT_LOCK_KEY = 727274002;

export type CheckpointReason = 'events' | 'interval' | 'manual';

/** The installation's signing key, loaded (or generated) once when the API starts. */
@Injectable()
export class AuditSigner {
  readonly key: AuditSigningKey;
  constructor(config: AppConfig) {
    this.key = loadAuditSigningKey({ configured: config.auditSigningKey, dataDir: config.resolvedDataDir, log: rootLogger().child({ component: 'audit-signer' }) });
  }
}

interface ChainState {
  headSeq: number;
  headHash: string;
  last: { seq: number; createdAt: Date; row: any } | null;
}

@Injectable()
export class AuditCheckpointsService {
  constructor(
    private readonly ds: DataSource,
    private readonly signer: AuditSigner,
    private readonly sealer: AuditSealer,
  ) {}

  private async state(sql: Sql): Promise<ChainState> {
    const head = (await sql.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_chain_head WHERE id = 1')).rows[0];
    const last = (await sql.query<any>('SELECT * FROM audit_checkpoints ORDER BY last_seq DESC LIMIT 1')).rows[0];
    return {
      headSeq: Number(head?.seq ?? 0),
      headHash: head?.hash,
      last: last ? { seq: Number(last.last_seq), createdAt: new Date(last.created_at), row: last } : null,
    };
  }

  /** Signs and stores a checkpoint of the chain head. The caller holds CHECKPOINT_LOCK_KEY in this transaction. */
  private async insert(sql: Sql, s: ChainState, reason: CheckpointReason, userId: string | null): Promise<CheckpointView> {
    const k = this.signer.key;
    await sql.query(
      `INSERT INTO audit_signing_keys (key_id, public_key_raw, public_key_pem) VALUES ($1, $2, $3) ON CONFLICT (key_id) DO NOTHING`,
      [k.info.keyId, k.info.raw, k.info.pem],
    );
    const createdAt = clock.now().toISOString();
    const fields = { lastSeq: s.headSeq, lastHash: s.headHash, createdAt, keyId: k.info.keyId };
    const signature = signCheckpoint(k.privateKey, fields);
    const row = (
      await sql.query<any>(
        `INSERT INTO audit_checkpoints (id, last_seq, last_hash, created_at, key_id, signature, reason, created_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [newId('ckp'), s.headSeq, s.headHash, createdAt, k.info.keyId, signature, reason, userId],
      )
    ).rows[0];
    return checkpointView(row);
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
      await sql.query('SELECT pg_advisory_xact_lock($1)', [CHECKPOINT_LOCK_KEY]);
      const s = await this.state(sql);
      if (s.headSeq === 0) throw new ProblemError('AUDIT_CHAIN_EMPTY');
      if (s.last && s.last.seq >= s.headSeq) return { created: false, checkpoint: checkpointView(s.last.row) };
      const checkpoint = await this.insert(sql, s, 'manual', p.userId);
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
      const got = (await sql.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [CHECKPOINT_LOCK_KEY])).rows[0];
      if (!got?.ok) return null;
      const s = await this.state(sql);
      const lastSeq = s.last?.seq ?? 0;
      const fresh = s.headSeq - lastSeq;
      if (fresh <= 0) return null;
      const since = s.last ? s.last.createdAt.getTime() : opts.sinceMs;
      const reason: CheckpointReason | null = fresh >= opts.everyEvents ? 'events' : clock.nowMs() - since >= opts.intervalMs ? 'interval' : null;
      if (!reason) return null;
      return this.insert(sql, s, reason, null);
    });
  }

  async list(q: PageQuery): Promise<CheckpointPage> {
    const limit = q.limit ?? 50;
    const after = decodeCursor(q.cursor, 1);
    if (after && (typeof after[0] !== 'number' || !Number.isSafeInteger(after[0]))) throw new ProblemError('INVALID_CURSOR');
    const rows: any[] = after
      ? await queryRows(this.ds, 'SELECT * FROM audit_checkpoints WHERE last_seq < $1 ORDER BY last_seq DESC LIMIT $2', [after[0], limit + 1])
      : await queryRows(this.ds, 'SELECT * FROM audit_checkpoints ORDER BY last_seq DESC LIMIT $1', [limit + 1]);
    const page = toPage(rows, limit, (r) => [Number(r.last_seq)], checkpointView);
    const keys: PublicKeyView[] = (await queryRows(this.ds, 'SELECT * FROM audit_signing_keys ORDER BY first_used_at, key_id')).map((k: any) => ({
      keyId: k.key_id,
      algorithm: 'Ed25519' as const,
      pem: k.public_key_pem,
      raw: k.public_key_raw,
    }));
    return { publicKey: this.signer.key.info, keys, ...page };
  }
}
