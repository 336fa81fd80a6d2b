import { ProblemError } from '../errors/problem';

/**
 * Checks on request bodies that the JSON and XML parsers of Fastify do not make: nesting depth
 * (deep JSON makes the validation pipe recurse until the stack overflows), lone UTF-16
 * surrogates (legal `\uD800` escapes in JSON, but not Unicode text: they would be stored as
 * U+FFFD), declared charsets other than UTF-8 and content codings we do not decode.
 */

/** Our JSON bodies nest 4 levels at most; 64 leaves room and stays far from any stack limit. */
export const JSON_MAX_DEPTH = 64;

/** Whether arrays/objects in a JSON text nest deeper than `max` (one pass, strings skipped, no recursion). */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** Whether any string or key of a parsed JSON value holds a lone surrogate (iterative walk). */
export function hasLoneSurrogate(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (!v.isWellFormed()) return true;
    } else if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (!k.isWellFormed()) return true;
        stack.push(x);
      }
    }
  }
  return false;
}

/** A surrogate escape in the text is the only way a parsed value can hold a lone surrogate. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/** Throws the problem for a JSON text that parses but must not be used; `value` is the parsed text. */
export function checkJsonBody(text: string, value: unknown): void {
  if (SURROGATE_ESCAPE.test(text) && hasLoneSurrogate(value)) {
    throw new ProblemError('INVALID_ENCODING', 'The body holds a lone UTF-16 surrogate (a \\uD800-\\uDFFF escape without its pair), which is not Unicode text');
  }
}

/** Throws before parsing when a JSON text nests too deep. */
export function checkJsonDepth(text: string): void {
  if (jsonNestsDeeperThan(text, JSON_MAX_DEPTH))
    throw new ProblemError('MALFORMED_JSON', `The body nests arrays and objects deeper than ${JSON_MAX_DEPTH} levels`);
}

/** Bodies are UTF-8; a Content-Type declaring another charset is refused rather than misread. */
export function checkCharset(contentType: string | undefined): void {
  const m = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(contentType ?? '');
  if (m && !/^utf-?8$/i.test(m[1])) throw new ProblemError('UNSUPPORTED_MEDIA_TYPE', `Only UTF-8 bodies are accepted, not charset=${m[1].slice(0, 40)}`);
}

/** We decode no content coding: a compressed (or claimed compressed) body is refused, not misread. */
export function checkContentEncoding(encoding: string | string[] | undefined): void {
  if (encoding === undefined) return;
  const value = (Array.isArray(encoding) ? encoding.join(',') : encoding).trim().toLowerCase();
  if (value !== '' && value !== 'identity')
    throw new ProblemError('UNSUPPORTED_MEDIA_TYPE', `Content-Encoding ${value.slice(0, 40)} is not supported; send the body uncompressed`);
}
