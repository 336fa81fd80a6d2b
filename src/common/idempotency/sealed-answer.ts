import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Stored answers that carry a secret (a token shown once) are kept for replay, but sealed
 * (AES-256-GCM) with a key derived from the caller's own bearer credential and the
 * Idempotency-Key: the database holds only ciphertext, and only the client that made the request,
 * retrying with the same credential and key, can open it. A client that lost the answer to
 * "create an organization with its admin" or "issue a token" gets it again instead of an
 * unrelated conflict (issue 14, item 7).
 */

const MARK = '$sealed';
const VERSION = 'v1';

function keyOf(credential: string, scope: string, idempotencyKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', credential, `${scope}\n${idempotencyKey}`, 'provisio idempotent replay', 32));
}

export function sealAnswer(body: unknown, credential: string, scope: string, idempotencyKey: string): Record<string, string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(credential, scope, idempotencyKey), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(body ?? null), 'utf8'), cipher.final()]);
  return { [MARK]: `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64url')}` };
}

export function isSealed(body: unknown): body is Record<string, string> {
  return typeof body === 'object' && body !== null && typeof (body as Record<string, unknown>)[MARK] === 'string';
}

/** The sealed answer, or undefined when this credential cannot open it (another token of the same user). */
export function openAnswer(body: Record<string, string>, credential: string, scope: string, idempotencyKey: string): unknown {
  const [version, payload] = body[MARK].split(':');
  if (version !== VERSION || !payload) return undefined;
  const raw = Buffer.from(payload, 'base64url');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(credential, scope, idempotencyKey), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8'));
  } catch {
    return undefined;
  }
}
