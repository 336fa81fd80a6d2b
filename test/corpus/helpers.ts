import type { CorpusCase, TokenKey } from './types';

type Method = CorpusCase['method'];

/** A JSON case: `c('what', 'POST', '/v1/x', 'hosterAdmin', { body }, 400)`. */
export function jsonCase(
  name: string,
  method: Method,
  url: string,
  token: TokenKey,
  json: unknown,
  expect: CorpusCase['expect'],
  extra: Partial<CorpusCase> = {},
): CorpusCase {
  return { name, method, url, token, json, expect, ...extra };
}

/** A case without a body. */
export function bare(name: string, method: Method, url: string, token: TokenKey, expect: CorpusCase['expect'], extra: Partial<CorpusCase> = {}): CorpusCase {
  return { name, method, url, token, expect, ...extra };
}

/** Percent-encodes a hostile value for a path segment or a query value. */
export const enc = (v: string) => encodeURIComponent(v);

/** `{ a: 1 }` with one field replaced. */
export function withField<T extends Record<string, unknown>>(base: T, field: string, value: unknown): Record<string, unknown> {
  return { ...base, [field]: value };
}

/** A JSON text where the placeholder string `"@RAW@"` is replaced by raw JSON (e.g. `1e309`). */
export function rawJson(template: unknown, raw: string): string {
  return JSON.stringify(template).replace('"@RAW@"', raw);
}
