import * as fs from 'node:fs';
import * as readline from 'node:readline';
import type { KeyObject } from 'node:crypto';
import { type ChainBreak, type ChainRecord, ChainVerifier } from './chain-verifier';
import { keyIdOf, parsePublicKey, type SignedCheckpoint, verifyCheckpoint } from './checkpoint-signature';

/**
 * Offline verification of an audit export (`provisio audit verify`): no server, no database, no
 * Nest — only the shared hash module, the chain verifier and `node:crypto`. Reads the NDJSON
 * export line by line (constant memory), recomputes every hash and link, checks each signed
 * checkpoint's signature against the public key the auditor trusts, and that the export holds the
 * checkpointed (seq, hash). An export not marked partial is taken as the whole chain: it must start
 * at seq 1 and reach every signed checkpoint given with it (a shorter one was truncated).
 */

export interface OfflineVerifyOptions {
  /** NDJSON export, oldest first (the export's default order). */
  file: string;
  /** Public key: PEM or base64 raw key, or a path to a file holding either. */
  publicKey?: string;
  /** Path to a JSON file: the `GET /v1/audit/checkpoints` answer, an array of checkpoints, or one. */
  checkpoints?: string;
  /** The export was filtered: gaps in seq are expected; links are checked between consecutive seqs. */
  partial?: boolean;
}

export interface OfflineVerifyResult {
  verified: boolean;
  checkedEvents: number;
  firstSeq: number | null;
  lastSeq: number | null;
  firstBreak: ChainBreak | null;
  keyId: string | null;
  checkpoints: { given: number; signatureValid: number; matched: number; latestMatchedSeq: number | null; outsideExport: number };
  /** Why the result is not verified although no hash or link broke. */
  problems: string[];
  /** What the result does not cover (e.g. a filtered export). */
  notes: string[];
  summary: string;
}

export class UsageError extends Error {}

/** A key given inline (PEM or base64) or as a file path. */
export function readPublicKey(value: string): KeyObject {
  const v = value.trim();
  if (!v.includes('-----BEGIN') && fs.existsSync(v) && fs.statSync(v).isFile()) return parsePublicKey(fs.readFileSync(v, 'utf8'));
  return parsePublicKey(v);
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

function readCheckpoints(file: string): SignedCheckpoint[] {
  let doc: unknown;
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read checkpoints from ${file}: ${(e as Error).message}`);
  }
  const list: unknown[] = Array.isArray(doc) ? doc : isObject(doc) && Array.isArray(doc.items) ? doc.items : [doc];
  return list.map((c, i) => {
    if (
      !isObject(c) ||
      typeof c.lastSeq !== 'number' ||
      typeof c.lastHash !== 'string' ||
      typeof c.createdAt !== 'string' ||
      typeof c.keyId !== 'string' ||
      typeof c.signature !== 'string'
    ) {
      throw new UsageError(`checkpoint #${i + 1} in ${file} lacks lastSeq, lastHash, createdAt, keyId or signature`);
    }
    return {
      id: typeof c.id === 'string' ? c.id : undefined,
      lastSeq: c.lastSeq,
      lastHash: c.lastHash,
      createdAt: c.createdAt,
      keyId: c.keyId,
      signature: c.signature,
    };
  });
}

const STRING_OR_NULL = [
  'actorUserId',
  'actorOrgId',
  'onBehalfOfOrgId',
  'tokenId',
  'delegationId',
  'resourceType',
  'resourceId',
  'organizationId',
  'organizationPath',
  'requestId',
  'clientIp',
  'userAgent',
];

/** Parses one export line into a chain record, or says what is wrong with it. */
export function parseExportLine(line: string): ChainRecord | string {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return 'not valid JSON';
  }
  if (!isObject(v)) return 'not a JSON object';
  if (!Number.isSafeInteger(v.seq)) return 'no integer seq';
  for (const k of ['occurredAt', 'action', 'outcome', 'prevHash', 'hash']) if (typeof v[k] !== 'string') return `no ${k}`;
  for (const k of STRING_OR_NULL) if (v[k] !== null && v[k] !== undefined && typeof v[k] !== 'string') return `${k} is not a string`;
  if (v.details !== undefined && !isObject(v.details)) return 'details is not an object';
  return v as unknown as ChainRecord;
}

/** The key the auditor trusts, and the given checkpoints whose signature it verifies (seq → hash). */
function checkSignatures(opts: OfflineVerifyOptions): {
  key: KeyObject | undefined;
  keyId: string | null;
  given: SignedCheckpoint[];
  signed: Map<number, string>;
  badSignature: ChainBreak | null;
} {
  if (!fs.existsSync(opts.file)) throw new UsageError(`no such file: ${opts.file}`);
  let key: KeyObject | undefined;
  if (opts.publicKey) {
    try {
      key = readPublicKey(opts.publicKey);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  const given = opts.checkpoints ? readCheckpoints(opts.checkpoints) : [];
  if (given.length && !key) throw new UsageError('--checkpoints needs --public-key to check their signatures');
  const keyId = key ? keyIdOf(key) : null;
  const signed = new Map<number, string>();
  let badSignature: ChainBreak | null = null;
  for (const c of given) {
    if (verifyCheckpoint(key!, c)) {
      signed.set(c.lastSeq, c.lastHash);
      continue;
    }
    const why = c.keyId !== keyId ? `it names key ${c.keyId}, the given public key is ${keyId}` : 'the signature does not match its fields';
    const b: ChainBreak = { seq: c.lastSeq, reason: 'checkpoint_mismatch', detail: `checkpoint ${c.id ?? `at seq ${c.lastSeq}`} does not verify: ${why}` };
    if (!badSignature || b.seq < badSignature.seq) badSignature = b;
  }
  return { key, keyId, given, signed, badSignature };
}

/** Feeds every line of the export to the verifier (constant memory) until the first break. */
async function walkFile(file: string, verifier: ChainVerifier): Promise<void> {
  const input = fs.createReadStream(file, { encoding: 'utf8' });
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  try {
    for await (const line of lines) {
      lineNo++;
      if (!line.trim()) continue;
      const rec = parseExportLine(line);
      if (typeof rec === 'string') {
        const at = verifier.lastSeq !== undefined ? verifier.lastSeq + 1 : 1;
        verifier.firstBreak = { seq: at, reason: 'hash_mismatch', detail: `line ${lineNo}: ${rec}` };
        break;
      }
      if (verifier.push(rec)) break;
    }
  } finally {
    lines.close();
    input.destroy();
  }
  verifier.finish();
}

interface Walked {
  verifier: ChainVerifier;
  firstBreak: ChainBreak | null;
  given: SignedCheckpoint[];
  signed: Map<number, string>;
  keyId: string | null;
  partial?: boolean;
}

/** Where the signed checkpoints fall relative to the export, and what that leaves unproven. */
function assessCheckpoints(w: Walked) {
  const { verifier, firstBreak, signed } = w;
  const firstSeq = verifier.firstSeq ?? null;
  const lastSeq = verifier.lastSeq ?? null;
  let outside = 0;
  let latestMatched: number | null = null;
  for (const seq of signed.keys()) {
    if (firstSeq === null || lastSeq === null || seq < firstSeq || seq > lastSeq) outside++;
    else if (!firstBreak || seq < firstBreak.seq) latestMatched = Math.max(latestMatched ?? 0, seq);
  }
  const problems: string[] = [];
  const notes: string[] = [];
  const inRangeUnmatched = signed.size - outside - verifier.checkpointsMatched;
  if (!firstBreak && inRangeUnmatched > 0)
    notes.push(`${inRangeUnmatched} signed checkpoint(s) fall inside the export's range but their seq is not in this filtered export`);
  if (!firstBreak && w.given.length > 0 && verifier.checkpointsMatched === 0) {
    const msg = 'none of the signed checkpoints is in this export, so it is not anchored to a signature';
    // A full export was meant to be anchored; a filtered one often simply holds no checkpointed seq.
    if (w.partial) notes.push(msg);
    else problems.push(`${msg} (save the checkpoints just before exporting)`);
  }
  if (verifier.checked === 0 && !firstBreak) problems.push('the export holds no events');
  return { firstSeq, lastSeq, outside, latestMatched, problems, notes };
}

/** The one line the CLI prints. */
function summarize(w: Walked, a: ReturnType<typeof assessCheckpoints>, verified: boolean): string {
  const { verifier, firstBreak } = w;
  const range = a.firstSeq === null ? 'no events' : `${verifier.checked} events, seq ${a.firstSeq}–${a.lastSeq}`;
  let summary: string;
  if (firstBreak) {
    summary = `NOT VERIFIED: first break at seq ${firstBreak.seq} (${firstBreak.reason}): ${firstBreak.detail}`;
  } else if (!verified) {
    summary = `NOT VERIFIED: ${range}: hashes and links are intact, but ${a.problems.join('; ')}`;
  } else if (verifier.checkpointsMatched > 0) {
    const tail = a.lastSeq! > a.latestMatched! ? ` (seq ${a.latestMatched! + 1}–${a.lastSeq} are chained but after the latest checkpoint)` : '';
    summary = `VERIFIED: ${range}: every hash and link recomputes; ${verifier.checkpointsMatched} signed checkpoint(s) by key ${w.keyId} match, the latest at seq ${a.latestMatched}${tail}`;
  } else {
    summary = `VERIFIED: ${range}: every hash and link recomputes (${w.given.length ? a.notes[a.notes.length - 1] : 'no checkpoints given: not anchored to a signature'})`;
  }
  if (w.partial && verified) summary += '; filtered export: links checked between consecutive seqs only';
  return summary;
}

export async function verifyExportFile(opts: OfflineVerifyOptions): Promise<OfflineVerifyResult> {
  const { keyId, given, signed, badSignature } = checkSignatures(opts);
  // A complete export starts at seq 1 and reaches every checkpoint it is verified with.
  const verifier = new ChainVerifier({ firstSeq: opts.partial ? undefined : 1, allowGaps: opts.partial, checkpoints: signed });
  await walkFile(opts.file, verifier);
  let firstBreak = verifier.firstBreak;
  if (badSignature && (!firstBreak || badSignature.seq < firstBreak.seq)) firstBreak = badSignature;
  const walked: Walked = { verifier, firstBreak, given, signed, keyId, partial: opts.partial };
  const a = assessCheckpoints(walked);
  const verified = !firstBreak && a.problems.length === 0;
  return {
    verified,
    checkedEvents: verifier.checked,
    firstSeq: a.firstSeq,
    lastSeq: a.lastSeq,
    firstBreak,
    keyId,
    checkpoints: {
      given: given.length,
      signatureValid: signed.size,
      matched: verifier.checkpointsMatched,
      latestMatchedSeq: a.latestMatched,
      outsideExport: a.outside,
    },
    problems: a.problems,
    notes: a.notes,
    summary: summarize(walked, a, verified),
  };
}
