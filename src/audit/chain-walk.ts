import type { Sql } from '../database/sql';
import { auditRecordFromRow, GENESIS_HASH } from './audit-hash';
import { type ChainBreak, ChainVerifier } from './chain-verifier';
import { parsePublicKey, verifyCheckpoint } from './checkpoint-signature';

export interface ChainVerification {
  verified: boolean;
  checkedEvents: number;
  firstBreak: ChainBreak | null;
  fromSeq: number;
  toSeq: number;
  lastHash: string | null;
  checkpointsChecked: number;
}

const BATCH = 5000;

/**
 * Re-walks the audit chain in the database from `fromSeq` to `toSeq` (default: the chain head
 * when the walk starts; later events are not waited for), in keyset batches, with the shared
 * ChainVerifier. Signed checkpoints in the range are checked too: their signature against the
 * key recorded for them, and their hash against the chain. Usable from the API, tests and tools
 * (any `Sql` handle: a TypeORM DataSource or a pg pool).
 */
export async function verifyAuditChain(sql: Sql, opts: { fromSeq?: number; toSeq?: number } = {}): Promise<ChainVerification> {
  const head = Number((await sql.query<{ seq: string }>('SELECT seq FROM audit_chain_head WHERE id = 1')).rows[0]?.seq ?? 0);
  const fromSeq = opts.fromSeq ?? 1;
  const toSeq = Math.min(opts.toSeq ?? head, head);
  const empty = (): ChainVerification => ({ verified: true, checkedEvents: 0, firstBreak: null, fromSeq, toSeq, lastHash: null, checkpointsChecked: 0 });
  if (toSeq < fromSeq) return empty();

  // Signed checkpoints in range: a bad signature is itself a break at that seq.
  const cps = await sql.query<any>(
    `SELECT c.id, c.last_seq, c.last_hash, c.created_at, c.key_id, c.signature, k.public_key_raw
       FROM audit_checkpoints c JOIN audit_signing_keys k ON k.key_id = c.key_id
      WHERE c.last_seq BETWEEN $1 AND $2 ORDER BY c.last_seq`,
    [fromSeq, toSeq],
  );
  const signed = new Map<number, string>();
  let signatureBreak: ChainBreak | null = null;
  const keys = new Map<string, ReturnType<typeof parsePublicKey> | null>();
  for (const c of cps.rows) {
    const seq = Number(c.last_seq);
    if (!keys.has(c.key_id)) {
      try {
        keys.set(c.key_id, parsePublicKey(c.public_key_raw));
      } catch {
        keys.set(c.key_id, null);
      }
    }
    const key = keys.get(c.key_id);
    const ok = !!key && verifyCheckpoint(key, { lastSeq: seq, lastHash: c.last_hash, createdAt: new Date(c.created_at).toISOString(), keyId: c.key_id, signature: c.signature });
    if (!ok) {
      signatureBreak ??= { seq, reason: 'checkpoint_mismatch', detail: `the signature of checkpoint ${c.id} (key ${c.key_id}) does not verify` };
      continue;
    }
    signed.set(seq, c.last_hash);
  }

  let prevHash: string | null = GENESIS_HASH;
  if (fromSeq > 1) {
    const r = await sql.query<{ hash: string }>('SELECT hash FROM audit_events WHERE seq = $1', [fromSeq - 1]);
    prevHash = r.rows[0]?.hash ?? null;
  }
  const verifier = new ChainVerifier({ firstSeq: fromSeq, prevHash, checkpoints: signed });
  let cursor = fromSeq - 1;
  const stopAt = signatureBreak ? signatureBreak.seq : toSeq;
  while (cursor < stopAt) {
    const rows = (await sql.query<any>('SELECT * FROM audit_events WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3', [cursor, toSeq, BATCH])).rows;
    if (!rows.length) break;
    for (const row of rows) {
      if (Number(row.seq) > stopAt) break;
      if (verifier.push(auditRecordFromRow(row))) break;
    }
    if (verifier.firstBreak) break;
    cursor = Number(rows[rows.length - 1].seq);
    if (rows.length < BATCH) break;
  }
  let firstBreak = verifier.finish(Math.min(stopAt, toSeq));
  if (!firstBreak && signatureBreak) firstBreak = signatureBreak;
  return {
    verified: firstBreak === null,
    checkedEvents: verifier.checked,
    firstBreak,
    fromSeq,
    toSeq,
    lastHash: firstBreak ? null : (verifier.lastHash ?? null),
    checkpointsChecked: verifier.checkpointsMatched,
  };
}
