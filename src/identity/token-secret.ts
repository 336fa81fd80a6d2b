import { createHash, randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const TOKEN_PREFIX = 'pvs_';
const TOKEN_SHAPE = /^pvs_[0-9A-Za-z]{43}$/;

function base62(bytes: Buffer): string {
  let n = BigInt('0x' + bytes.toString('hex'));
  let out = '';
  while (n > 0n) {
    out = BASE62[Number(n % 62n)] + out;
    n /= 62n;
  }
  return out.padStart(43, '0');
}

/** `pvs_` + 32 random bytes in base62 (ACCESS.md §3). Only its SHA-256 is ever stored. */
export function generateTokenSecret(): string {
  return TOKEN_PREFIX + base62(randomBytes(32));
}

export function hashToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function looksLikeToken(secret: string): boolean {
  return TOKEN_SHAPE.test(secret);
}

/** The first characters shown in listings so people can tell their tokens apart. */
export function displayPrefix(secret: string): string {
  return secret.slice(0, 10);
}
