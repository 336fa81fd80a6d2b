import type { Sql } from '../database/sql';

/** The only SQL on `audit_checkpoints` and `audit_signing_keys`. */

export type CheckpointReason = 'events' | 'interval' | 'manual';

export interface CheckpointRow {
  id: string;
  /** bigint: pg returns it as a string. */
  last_seq: string;
  last_hash: string;
  created_at: Date;
  key_id: string;
  signature: string;
  reason: CheckpointReason;
  created_by_user_id: string | null;
}

export interface SigningKeyRow {
  key_id: string;
  algorithm: 'Ed25519';
  public_key_raw: string;
  public_key_pem: string;
  first_used_at: Date;
}

/** Records the public key a checkpoint is signed with (once per key). */
export async function recordSigningKey(sql: Sql, key: { keyId: string; raw: string; pem: string }): Promise<void> {
  await sql.query(`INSERT INTO audit_signing_keys (key_id, public_key_raw, public_key_pem) VALUES ($1, $2, $3) ON CONFLICT (key_id) DO NOTHING`, [
    key.keyId,
    key.raw,
    key.pem,
  ]);
}

export interface NewCheckpoint {
  id: string;
  lastSeq: number;
  lastHash: string;
  createdAt: string;
  keyId: string;
  signature: string;
  reason: CheckpointReason;
  createdBy: string | null;
}

export async function insertCheckpoint(sql: Sql, c: NewCheckpoint): Promise<CheckpointRow> {
  const r = await sql.query<CheckpointRow>(
    `INSERT INTO audit_checkpoints (id, last_seq, last_hash, created_at, key_id, signature, reason, created_by_user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
    [c.id, c.lastSeq, c.lastHash, c.createdAt, c.keyId, c.signature, c.reason, c.createdBy],
  );
  return r.rows[0];
}

export async function latestCheckpoint(sql: Sql): Promise<CheckpointRow | undefined> {
  return (await sql.query<CheckpointRow>('SELECT * FROM audit_checkpoints ORDER BY last_seq DESC LIMIT 1')).rows[0];
}

/** The seq of the latest checkpoint (signed or not: the verifier checks the signature). */
export async function latestCheckpointSeq(sql: Sql): Promise<number | null> {
  const r = await sql.query<{ seq: string | null }>('SELECT max(last_seq)::text AS seq FROM audit_checkpoints');
  return r.rows[0]?.seq ? Number(r.rows[0].seq) : null;
}

/** Checkpoints newest first, below `beforeSeq` when given. */
export async function listCheckpoints(sql: Sql, page: { beforeSeq?: number; limit: number }): Promise<CheckpointRow[]> {
  return page.beforeSeq === undefined
    ? (await sql.query<CheckpointRow>('SELECT * FROM audit_checkpoints ORDER BY last_seq DESC LIMIT $1', [page.limit])).rows
    : (await sql.query<CheckpointRow>('SELECT * FROM audit_checkpoints WHERE last_seq < $1 ORDER BY last_seq DESC LIMIT $2', [page.beforeSeq, page.limit]))
        .rows;
}

export async function listSigningKeys(sql: Sql): Promise<SigningKeyRow[]> {
  return (await sql.query<SigningKeyRow>('SELECT * FROM audit_signing_keys ORDER BY first_used_at, key_id')).rows;
}

/** Checkpoints with seq in [from, to], oldest first, each with the raw public key it names. */
export async function checkpointsInRange(sql: Sql, from: number, to: number): Promise<(CheckpointRow & { public_key_raw: string })[]> {
  const r = await sql.query<CheckpointRow & { public_key_raw: string }>(
    `SELECT c.*, k.public_key_raw
       FROM audit_checkpoints c JOIN audit_signing_keys k ON k.key_id = c.key_id
      WHERE c.last_seq BETWEEN $1 AND $2 ORDER BY c.last_seq`,
    [from, to],
  );
  return r.rows;
}

/**
 * Held (transaction-scoped) by whoever writes a checkpoint: one writer at a time across processes.
 * `wait: false` answers false at once when another process holds it.
 */
export async function takeCheckpointLock(sql: Sql, opts: { wait: boolean }): Promise<boolean> {
  if (opts.wait) {
    await sql.query('SELECT pg_advisory_xact_lock($1)', [CHECKPOINT_LOCK_KEY]);
    return true;
  }
  return (await sql.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [CHECKPOINT_LOCK_KEY])).rows[0]?.ok === true;
}

const CHECKPOINT_LOCK_KEY = 727274002;
