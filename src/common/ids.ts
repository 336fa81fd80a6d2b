import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * Prefixed, time-sortable ids (`org_01jd…`): a ULID-style 48-bit millisecond timestamp and 80
 * random bits in Crockford base32, lower case. Sorting by id sorts by creation time, which keeps
 * B-tree inserts local and makes ids usable as pagination tie-breakers.
 */
export function newId(prefix: string): string {
  let time = Date.now();
  const chars: string[] = new Array(26);
  for (let i = 9; i >= 0; i--) {
    chars[i] = CROCKFORD[time % 32];
    time = Math.floor(time / 32);
  }
  const rnd = randomBytes(16);
  for (let i = 0; i < 16; i++) chars[10 + i] = CROCKFORD[rnd[i] % 32];
  return `${prefix}_${chars.join('')}`;
}

/** Any of our ids (`org_…`, `usr_…`): a 2–5 letter prefix and 26 characters of Crockford base32. */
export const ID_PATTERN = /^[a-z]{2,5}_[0-9a-z]{26}$/;

/** Ids of one kind, e.g. `idPattern('org')`. */
export function idPattern(prefix: string): RegExp {
  return new RegExp(`^${prefix}_[0-9a-z]{26}$`);
}
