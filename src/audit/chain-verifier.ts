import { type AuditRecord, auditHash, GENESIS_HASH } from './audit-hash';

/**
 * The one chain check, fed records in ascending seq order: used by `GET /v1/audit/verify` (rows
 * walked from the database in batches) and by the offline CLI (lines of an export). It keeps only
 * the previous record's hash, so memory stays constant whatever the length of the chain.
 *
 * For each record, in this order:
 *   1. its seq is the one expected next        → otherwise `missing_sequence` at the expected seq;
 *   2. its hash recomputes from its own fields  → otherwise `hash_mismatch` at its seq;
 *   3. its prevHash is the previous record's hash (GENESIS for seq 1)
 *                                                → otherwise `broken_link` at its seq;
 *   4. a signed checkpoint at this seq names this hash → otherwise `checkpoint_mismatch`.
 * An edited row therefore breaks at its own seq, a deleted row at its seq, two swapped rows at
 * the lower of the two, and a row edited *and re-hashed* at the next seq (or, if the attacker
 * re-hashed everything after it too, at the first signed checkpoint after it).
 * At the end (`finish`), a chain that stops before a signed checkpoint's seq is `truncated`: the
 * checkpoint promises that events up to its seq exist, so a log shorter than that was cut.
 */

export type ChainBreakReason = 'hash_mismatch' | 'missing_sequence' | 'broken_link' | 'checkpoint_mismatch' | 'truncated';

export interface ChainBreak {
  seq: number;
  reason: ChainBreakReason;
  detail: string;
}

export type ChainRecord = AuditRecord & { prevHash: string; hash: string };

export interface ChainVerifierOptions {
  /** First seq expected (default: the first record's seq, or 1 when `requireGenesis`). */
  firstSeq?: number;
  /** Hash of the record just before `firstSeq`, when known: the first record must link to it. */
  prevHash?: string | null;
  /** A partial export (filtered): gaps in seq are expected, links are checked between consecutive seqs only. */
  allowGaps?: boolean;
  /** Signed checkpoints already verified: seq → hash the chain must have there. */
  checkpoints?: Map<number, string>;
}

export class ChainVerifier {
  private expected: number | undefined;
  private prev: { seq: number; hash: string } | undefined;
  private readonly knownPrevHash: string | null | undefined;
  private readonly allowGaps: boolean;
  private readonly checkpoints: Map<number, string>;
  firstBreak: ChainBreak | null = null;
  checked = 0;
  firstSeq: number | undefined;
  lastSeq: number | undefined;
  lastHash: string | undefined;
  checkpointsMatched = 0;

  constructor(opts: ChainVerifierOptions = {}) {
    this.expected = opts.firstSeq;
    this.knownPrevHash = opts.prevHash;
    this.allowGaps = opts.allowGaps ?? false;
    this.checkpoints = opts.checkpoints ?? new Map();
  }

  get ok(): boolean {
    return this.firstBreak === null;
  }

  private fail(seq: number, reason: ChainBreakReason, detail: string): ChainBreak {
    this.firstBreak = { seq, reason, detail };
    return this.firstBreak;
  }

  /** Checks one record; returns the break it causes (and every later call returns the first break). */
  push(rec: ChainRecord): ChainBreak | null {
    if (this.firstBreak) return this.firstBreak;
    const seq = rec.seq;
    if (!Number.isSafeInteger(seq) || seq < 1) return this.fail(this.expected ?? 1, 'broken_link', `record with an invalid seq ${String(rec.seq)}`);
    if (this.expected !== undefined) {
      if (seq < this.expected)
        return this.fail(this.expected, 'broken_link', `seq ${seq} appears where ${this.expected} or later was expected (out of order or duplicated)`);
      if (seq > this.expected && !this.allowGaps) {
        return this.fail(
          this.expected,
          'missing_sequence',
          seq === this.expected + 1 ? `seq ${this.expected} is missing` : `seq ${this.expected} to ${seq - 1} are missing`,
        );
      }
    }
    let recomputed: string;
    try {
      recomputed = auditHash(rec.prevHash, rec);
    } catch (e) {
      return this.fail(seq, 'hash_mismatch', `cannot hash the record: ${(e as Error).message}`);
    }
    if (recomputed !== rec.hash) return this.fail(seq, 'hash_mismatch', `stored hash ${short(rec.hash)} but the fields hash to ${short(recomputed)}`);
    const linkTo =
      this.prev && this.prev.seq === seq - 1
        ? this.prev.hash
        : !this.prev && seq === 1
          ? GENESIS_HASH
          : !this.prev && this.knownPrevHash !== undefined && this.knownPrevHash !== null && (this.expected === undefined || this.expected === seq)
            ? this.knownPrevHash
            : undefined;
    if (linkTo !== undefined && rec.prevHash !== linkTo) {
      return this.fail(seq, 'broken_link', `prevHash ${short(rec.prevHash)} but seq ${seq - 1} has hash ${short(linkTo)}`);
    }
    const signed = this.checkpoints.get(seq);
    if (signed !== undefined) {
      if (signed !== rec.hash)
        return this.fail(seq, 'checkpoint_mismatch', `the signed checkpoint at seq ${seq} says ${short(signed)}, the chain has ${short(rec.hash)}`);
      this.checkpointsMatched++;
    }
    this.checked++;
    this.firstSeq ??= seq;
    this.lastSeq = seq;
    this.lastHash = rec.hash;
    this.prev = { seq, hash: rec.hash };
    this.expected = seq + 1;
    return null;
  }

  /**
   * Ends the walk. `lastSeq` is where the chain must reach (the chain head, or `toSeq`): records
   * missing at the end are a break like any other. Every signed checkpoint must be reached too
   * (unless gaps are allowed): missing records up to one are `truncated`, naming the latest.
   */
  finish(lastSeq?: number): ChainBreak | null {
    if (this.firstBreak) return this.firstBreak;
    if (this.allowGaps) return null;
    const next = this.expected ?? 1;
    let promised = 0;
    for (const seq of this.checkpoints.keys()) promised = Math.max(promised, seq);
    if (promised >= next) {
      const end = next === 1 ? 'the chain holds no event' : `the chain ends at seq ${next - 1}`;
      return this.fail(next, 'truncated', `${end}, but a signed checkpoint promises events up to seq ${promised}: seq ${next} and later were removed`);
    }
    if (lastSeq !== undefined && lastSeq > 0 && next <= lastSeq) {
      return this.fail(next, 'missing_sequence', next === lastSeq ? `seq ${next} is missing` : `seq ${next} to ${lastSeq} are missing`);
    }
    return null;
  }
}

function short(hash: string | null | undefined): string {
  return typeof hash === 'string' ? `${hash.slice(0, 12)}…` : String(hash);
}
