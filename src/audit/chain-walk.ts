import { iso } from '../common/iso';
import type { Sql } from '../database/sql';
import { chainHead, hashAt, sealedEventsAfter } from './audit-events.store';
import { auditRecordFromRow, GENESIS_HASH } from './audit-hash';
import { checkpointsInRange, latestCheckpointSeq } from './checkpoints.store';
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
 * The checkpoints with seq in [from, to] whose signature verifies against the key recorded for
 * them (seq → hash), and the first one that does not (itself a break at its seq).
 */
async function signedCheckpoints(sql: Sql, from: number, to: number): Promise<{ signed: Map<number, string>; signatureBreak: ChainBreak | null }> {
  const signed = new Map<number, string>();
  let signatureBreak: ChainBreak | null = null;
  const keys = new Map<string, ReturnType<typeof parsePublicKey> | null>();
  for (const c of await checkpointsInRange(sql, from, to)) {
    const seq = Number(c.last_seq);
    if (!keys.has(c.key_id)) {
      try {
        keys.set(c.key_id, parsePublicKey(c.public_key_raw));
      } catch {
        keys.set(c.key_id, null);
      }
    }
    const key = keys.get(c.key_id);
    const ok = !!key && verifyCheckpoint(key, { lastSeq: seq, lastHash: c.last_hash, createdAt: iso(c.created_at), keyId: c.key_id, signature: c.signature });
    if (!ok) {
      signatureBreak ??= { seq, reason: 'checkpoint_mismatch', detail: `the signature of checkpoint ${c.id} (key ${c.key_id}) does not verify` };
      continue;
    }
    signed.set(seq, c.last_hash);
  }
  return { signed, signatureBreak };
}

/** Feeds the verifier the events in (fromSeq - 1, stopAt] in keyset batches, until a break. */
async function walk(sql: Sql, verifier: ChainVerifier, fromSeq: number, stopAt: number, toSeq: number): Promise<void> {
  let cursor = fromSeq - 1;
  while (cursor < stopAt) {
    const rows = await sealedEventsAfter(sql, cursor, toSeq, BATCH);
    if (!rows.length) return;
    for (const row of rows) {
      if (Number(row.seq) > stopAt) return;
      if (verifier.push(auditRecordFromRow(row))) return;
    }
    cursor = Number(rows[rows.length - 1].seq);
    if (rows.length < BATCH) return;
  }
}

/**
 * Re-walks the audit chain in the database from `fromSeq` to `toSeq` (default: the chain head
 * when the walk starts; later events are not waited for), in keyset batches, with the shared
 * ChainVerifier. Signed checkpoints in the range are checked too: their signature against the
 * key recorded for them, and their hash against the chain. Usable from the API, tests and tools
 * (any `Sql` handle: a TypeORM DataSource or a pg pool).
 */
export async function verifyAuditChain(sql: Sql, opts: { fromSeq?: number; toSeq?: number } = {}): Promise<ChainVerification> {
  const head = (await chainHead(sql)).seq;
  // A signed checkpoint promises its events exist: the walk must reach the latest one even when
  // the head was moved back (a truncated tail), and a chain ending before it is a break.
  const reach = Math.max(head, (await latestCheckpointSeq(sql)) ?? 0);
  const fromSeq = opts.fromSeq ?? 1;
  const toSeq = Math.min(opts.toSeq ?? reach, reach);
  if (toSeq < fromSeq) return { verified: true, checkedEvents: 0, firstBreak: null, fromSeq, toSeq, lastHash: null, checkpointsChecked: 0 };
  const { signed, signatureBreak } = await signedCheckpoints(sql, fromSeq, toSeq);
  const stopAt = signatureBreak ? signatureBreak.seq : toSeq;
  for (const seq of signed.keys()) if (seq > stopAt) signed.delete(seq);
  const prevHash = fromSeq > 1 ? await hashAt(sql, fromSeq - 1) : GENESIS_HASH;
  const verifier = new ChainVerifier({ firstSeq: fromSeq, prevHash, checkpoints: signed });
  await walk(sql, verifier, fromSeq, stopAt, toSeq);
  const firstBreak = verifier.finish(Math.min(stopAt, toSeq)) ?? signatureBreak;
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
