import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

/**
 * Signed audit checkpoints: the canonical message, Ed25519 signing and verification, and public
 * key formats. Imports only `node:crypto`, so the offline verifier (CLI) can use it without the
 * server, the database or Nest.
 */

export interface CheckpointFields {
  lastSeq: number;
  lastHash: string;
  /** ISO 8601 with milliseconds, UTC (`Date.toISOString()`). */
  createdAt: string;
  keyId: string;
}

/** A checkpoint as the API returns it and the CLI reads it. */
export interface SignedCheckpoint extends CheckpointFields {
  id?: string;
  /** Base64 Ed25519 signature of `checkpointMessage()`. */
  signature: string;
}

export const CHECKPOINT_MESSAGE_VERSION = 'provisio-audit-checkpoint/v1';

/**
 * The exact bytes that are signed: a version tag and the four fields, one per line. Plain text on
 * purpose: anyone can rebuild it with a shell and `openssl pkeyutl -verify -rawin`.
 */
export function checkpointMessage(c: CheckpointFields): string {
  if (!Number.isSafeInteger(c.lastSeq) || c.lastSeq < 1) throw new Error(`invalid checkpoint seq ${c.lastSeq}`);
  if (!/^[0-9a-f]{64}$/.test(c.lastHash)) throw new Error('invalid checkpoint hash');
  if (Number.isNaN(Date.parse(c.createdAt))) throw new Error('invalid checkpoint time');
  return `${CHECKPOINT_MESSAGE_VERSION}\nseq=${c.lastSeq}\nhash=${c.lastHash}\ntime=${c.createdAt}\nkey=${c.keyId}\n`;
}

/** The raw 32-byte Ed25519 public key. */
export function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' }) as { kty?: string; crv?: string; x?: string };
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.x) throw new Error('not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url');
}

/** Short, stable id of a public key: the first 16 hex digits of SHA-256 over its raw bytes. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(rawPublicKey(publicKey)).digest('hex').slice(0, 16);
}

export interface PublicKeyInfo {
  keyId: string;
  algorithm: 'Ed25519';
  /** SPKI PEM. */
  pem: string;
  /** Raw 32-byte public key, base64. */
  raw: string;
}

export function publicKeyInfo(publicKey: KeyObject): PublicKeyInfo {
  return {
    keyId: keyIdOf(publicKey),
    algorithm: 'Ed25519',
    pem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    raw: rawPublicKey(publicKey).toString('base64'),
  };
}

function assertEd25519(key: KeyObject): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`expected an Ed25519 key, got ${key.asymmetricKeyType ?? key.type}`);
  return key;
}

/**
 * Parses a private key: PKCS#8 PEM, or base64 of PKCS#8 DER, or base64 of the raw 32-byte seed.
 * Throws with a message that never contains the key.
 */
export function parsePrivateKey(text: string): KeyObject {
  const value = text.trim();
  try {
    if (value.includes('-----BEGIN')) return assertEd25519(createPrivateKey({ key: value, format: 'pem' }));
    const der = Buffer.from(value, 'base64');
    if (der.length === 32) {
      // Raw seed: wrap it in the fixed PKCS#8 prefix of Ed25519 (RFC 8410).
      const prefix = Buffer.from('302e020100300506032b657004220420', 'hex');
      return assertEd25519(createPrivateKey({ key: Buffer.concat([prefix, der]), format: 'der', type: 'pkcs8' }));
    }
    return assertEd25519(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
  } catch (e) {
    throw new Error(
      `the audit signing key is not a valid Ed25519 private key (PKCS#8 PEM, base64 PKCS#8 DER or base64 32-byte seed): ${(e as Error).message.split('\n')[0]}`,
      { cause: e },
    );
  }
}

/** Parses a public key: SPKI PEM, base64 of the raw 32 bytes, or base64 of SPKI DER. */
export function parsePublicKey(text: string): KeyObject {
  const value = text.trim();
  try {
    if (value.includes('-----BEGIN')) return assertEd25519(createPublicKey({ key: value, format: 'pem' }));
    const bytes = Buffer.from(value, 'base64');
    if (bytes.length === 32) return assertEd25519(createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: bytes.toString('base64url') }, format: 'jwk' }));
    return assertEd25519(createPublicKey({ key: bytes, format: 'der', type: 'spki' }));
  } catch (e) {
    throw new Error(`not a valid Ed25519 public key (SPKI PEM, or base64 of the raw 32 bytes or of SPKI DER): ${(e as Error).message.split('\n')[0]}`, {
      cause: e,
    });
  }
}

export function signCheckpoint(privateKey: KeyObject, fields: CheckpointFields): string {
  return sign(null, Buffer.from(checkpointMessage(fields), 'utf8'), privateKey).toString('base64');
}

/** True when `signature` is a valid Ed25519 signature of the checkpoint by `publicKey`. */
export function verifyCheckpoint(publicKey: KeyObject, checkpoint: SignedCheckpoint): boolean {
  try {
    const sig = Buffer.from(checkpoint.signature, 'base64');
    if (sig.length !== 64) return false;
    return verify(null, Buffer.from(checkpointMessage(checkpoint), 'utf8'), publicKey, sig);
  } catch {
    return false;
  }
}
