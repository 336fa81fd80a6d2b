import { isIPv4, isIPv6 } from 'node:net';
import { ProviderError } from './provider';

/**
 * Parsing of a leaf procedure's generic input (executeData converted to an object, see
 * leaf-signatures.ts): each entity is an object whose fields are strings (XML attributes or
 * text-only children). Fields the signature does not list are ignored, because composite
 * namespaces copy whole data nodes into executeData. Every failure is ProviderError.invalidInput
 * naming the field, so a run's errorContext says exactly what was wrong.
 */

type Raw = Record<string, unknown>;

function invalid(field: string, message: string): ProviderError {
  return ProviderError.invalidInput(`${field}: ${message}`, { field });
}

/** The named entity of the input; a single-element array (one XML child) is accepted too. */
export function entity(raw: Raw, name: string, required = true): Raw | undefined {
  let v = raw?.[name];
  if (Array.isArray(v)) {
    if (v.length !== 1) throw invalid(name, 'exactly one element expected');
    v = v[0];
  }
  if (v === undefined || v === null || v === '') {
    if (required) throw invalid(name, 'is required');
    return undefined;
  }
  if (typeof v !== 'object') throw invalid(name, 'must be an element with fields');
  return v as Raw;
}

/** A scalar field as a trimmed string; undefined when absent (or empty and optional). */
function scalar(e: Raw, entityName: string, field: string, required: boolean): string | undefined {
  let v = e[field];
  if (Array.isArray(v) && v.length === 1) v = v[0];
  if (v === undefined || v === null) {
    if (required) throw invalid(`${entityName}.${field}`, 'is required');
    return undefined;
  }
  if (typeof v === 'number' || typeof v === 'boolean') v = String(v);
  if (typeof v !== 'string') throw invalid(`${entityName}.${field}`, 'must be a text value');
  const s = v.trim();
  if (s === '') {
    if (required) throw invalid(`${entityName}.${field}`, 'must not be empty');
    return undefined;
  }
  return s;
}

export class Fields {
  constructor(
    private readonly e: Raw,
    private readonly name: string,
  ) {}

  static of(raw: Raw, name: string): Fields {
    return new Fields(entity(raw, name)!, name);
  }

  static optional(raw: Raw, name: string): Fields | undefined {
    const e = entity(raw, name, false);
    return e ? new Fields(e, name) : undefined;
  }

  private path(field: string) {
    return `${this.name}.${field}`;
  }

  text(field: string, max?: number): string;
  text(field: string, max: number, required: false): string | undefined;
  text(field: string, max = 256, required = true): string | undefined {
    const s = scalar(this.e, this.name, field, required);
    if (s === undefined) return undefined;
    if (s.length > max) throw invalid(this.path(field), `at most ${max} characters`);
    // Control and bidi-override characters make names lie about what they say.
    if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u.test(s)) throw invalid(this.path(field), 'must be printable text');
    return s;
  }

  /** An identifier such as a Provisio organization id (`org_01…`). */
  id(field: string): string {
    const s = scalar(this.e, this.name, field, true)!;
    if (!/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/.test(s)) throw invalid(this.path(field), 'must be an identifier (letters, digits, _ . : -, at most 64)');
    return s;
  }

  domain(field: string): string {
    return parseDomain(scalar(this.e, this.name, field, true)!, this.path(field));
  }

  /** A mail alias / user name: the local part of alias@domain. */
  alias(field: string): string {
    const s = scalar(this.e, this.name, field, true)!.toLowerCase();
    if (!/^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$/.test(s) || s.includes('..')) {
      throw invalid(this.path(field), 'must be 1-64 of a-z 0-9 . _ - starting and ending with a letter or digit');
    }
    return s;
  }

  int(field: string, min: number, max: number): number;
  int(field: string, min: number, max: number, required: false): number | undefined;
  int(field: string, min: number, max: number, required = true): number | undefined {
    const s = scalar(this.e, this.name, field, required);
    if (s === undefined) return undefined;
    if (!/^-?\d{1,12}$/.test(s)) throw invalid(this.path(field), 'must be an integer');
    const n = Number(s);
    if (n < min || n > max) throw invalid(this.path(field), `must be between ${min} and ${max}`);
    return n;
  }

  bool(field: string, required = false): boolean | undefined {
    const s = scalar(this.e, this.name, field, required)?.toLowerCase();
    if (s === undefined) return undefined;
    if (['true', '1', 'yes'].includes(s)) return true;
    if (['false', '0', 'no'].includes(s)) return false;
    throw invalid(this.path(field), 'must be true or false');
  }

  /** Matches `pattern` (after trimming), at most `max` characters. */
  pattern(field: string, pattern: RegExp, message: string, max = 64): string {
    const s = scalar(this.e, this.name, field, true)!;
    if (s.length > max || !pattern.test(s)) throw invalid(this.path(field), message);
    return s;
  }

  raw(field: string, required: boolean): string | undefined {
    return scalar(this.e, this.name, field, required);
  }
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * A DNS domain name, lower-cased, without trailing dot. ASCII only: internationalized names must
 * arrive as punycode (`xn--…`), so homoglyphs cannot pass as a customer's domain.
 */
export function parseDomain(value: string, field: string): string {
  let s = value.trim().toLowerCase();
  if (s.endsWith('.')) s = s.slice(0, -1);
  if (s.length === 0 || s.length > 253) throw invalid(field, 'must be a domain name of at most 253 characters');
  const labels = s.split('.');
  if (labels.length < 2) throw invalid(field, 'must be a fully qualified domain name (at least two labels)');
  if (!labels.every((l) => LABEL.test(l))) throw invalid(field, 'must be a domain name: labels of a-z 0-9 - (punycode for international names)');
  if (/^\d+$/.test(labels[labels.length - 1])) throw invalid(field, 'the top-level label must not be numeric');
  return s;
}

export const RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export interface DnsRecordInput {
  /** Relative to the zone; `@` is the apex. */
  name: string;
  type: RecordType;
  value: string;
  ttl: number;
  priority: number | null;
}

const OWNER_LABEL = /^(?:\*|_?[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?)$/;

/** A record owner name relative to `zone` (`@`, `www`, `_sip._tls`, `*.dev`, or a FQDN inside the zone). */
export function parseRecordName(value: string, zone: string, field: string): string {
  let s = value.trim().toLowerCase();
  if (s === '@' || s === zone || s === `${zone}.`) return '@';
  if (s.endsWith(`.${zone}.`)) s = s.slice(0, -(zone.length + 2));
  else if (s.endsWith(`.${zone}`)) s = s.slice(0, -(zone.length + 1));
  else if (s.endsWith('.')) throw invalid(field, `a fully qualified name must lie inside the zone ${zone}`);
  const labels = s.split('.');
  if (s.length === 0 || s.length + zone.length + 1 > 253 || !labels.every((l, i) => OWNER_LABEL.test(l) && (l !== '*' || i === 0))) {
    throw invalid(field, 'must be @ or a name of labels a-z 0-9 - _ (a leading * for wildcards)');
  }
  return s;
}

function hostname(value: string, field: string): string {
  return parseDomain(value, field);
}

/** A record's value in its normalized form, and the priority written inside it (zone-file forms), if any. */
function recordValue(type: RecordType, name: string, rawValue: string): { value: string; embeddedPriority: number | null } {
  switch (type) {
    case 'A':
      if (!isIPv4(rawValue)) throw invalid('record.value', 'must be an IPv4 address');
      return { value: rawValue, embeddedPriority: null };
    case 'AAAA':
      if (!isIPv6(rawValue)) throw invalid('record.value', 'must be an IPv6 address');
      return { value: new URL(`http://[${rawValue}]/`).hostname.slice(1, -1), embeddedPriority: null };
    case 'CNAME':
      if (name === '@') throw invalid('record.name', 'a CNAME cannot be at the zone apex');
      return { value: hostname(rawValue, 'record.value'), embeddedPriority: null };
    case 'MX': {
      // Zone-file form "10 mail.example" is accepted too; the preference becomes the priority.
      const parts = rawValue.split(/\s+/);
      if (parts.length > 2 || (parts.length === 2 && !/^\d{1,5}$/.test(parts[0])))
        throw invalid('record.value', 'an MX value is a host name (or "preference host")');
      return { value: hostname(parts[parts.length - 1], 'record.value'), embeddedPriority: parts.length === 2 ? Number(parts[0]) : null };
    }
    case 'SRV':
      return srvValue(rawValue);
    case 'TXT':
      if (rawValue.length > 1024 || /[\u0000-\u001f\u007f]/.test(rawValue))
        throw invalid('record.value', 'a TXT value is printable text of at most 1024 characters');
      return { value: rawValue, embeddedPriority: null };
  }
}

/** An SRV value "weight port target"; the zone-file form "priority weight port target" is accepted too. */
function srvValue(rawValue: string): { value: string; embeddedPriority: number | null } {
  let parts = rawValue.split(/\s+/);
  let embeddedPriority: number | null = null;
  if (parts.length === 4 && /^\d{1,5}$/.test(parts[0])) {
    embeddedPriority = Number(parts[0]);
    parts = parts.slice(1);
  }
  if (
    parts.length !== 3 ||
    !/^\d{1,5}$/.test(parts[0]) ||
    !/^\d{1,5}$/.test(parts[1]) ||
    Number(parts[0]) > 65535 ||
    Number(parts[1]) > 65535 ||
    Number(parts[1]) === 0
  ) {
    throw invalid('record.value', 'an SRV value is "weight port target", e.g. "1 5061 sip.contoso.example"');
  }
  return { value: `${Number(parts[0])} ${Number(parts[1])} ${hostname(parts[2], 'record.value')}`, embeddedPriority };
}

/**
 * Validates and normalizes a record so that the same record always has the same natural key
 * (lower-case host names, compressed IPv6). MX priority defaults to 10, SRV priority to 0. An SRV
 * value is `weight port target` and an MX value a host name, priority being its own field; the
 * zone-file forms `priority weight port target` and `preference host` are accepted and split.
 */
export function parseRecord(f: Fields, zone: string, withDetails: boolean): DnsRecordInput {
  const name = parseRecordName(f.raw('name', true)!, zone, 'record.name');
  const type = f.raw('type', true)!.toUpperCase() as RecordType;
  if (!RECORD_TYPES.includes(type)) throw invalid('record.type', `must be one of ${RECORD_TYPES.join(', ')}`);
  const { value, embeddedPriority } = recordValue(type, name, f.raw('value', true)!);
  if (!withDetails) return { name, type, value, ttl: 0, priority: null };
  const ttl = f.int('ttl', 60, 604_800, false) ?? 3600;
  let priority = f.int('priority', 0, 65_535, false) ?? null;
  if (embeddedPriority !== null) {
    if (embeddedPriority > 65_535 || (priority !== null && priority !== embeddedPriority))
      throw invalid('record.priority', 'differs from the priority inside the value');
    priority = embeddedPriority;
  }
  if (type === 'MX') priority ??= 10;
  else if (type === 'SRV') priority ??= 0;
  else if (priority !== null) throw invalid('record.priority', `only MX and SRV records have a priority`);
  return { name, type, value, ttl, priority };
}

/** A site collection URL: http(s), no credentials, query or fragment; lower-case host, no trailing slash. */
/**
 * What the WHATWG URL parser would silently rewrite: dot segments (`/a/../b` becomes `/b`),
 * backslashes (read as `/`), percent-encoded dots and separators (`%2e%2e%2f` survives to
 * whoever decodes it next) and non-ASCII (a Cyrillic `а` in the host becomes punycode, so a
 * look-alike of a customer's domain would pass). Checked on the raw value, before parsing.
 */
const UNSAFE_URL = /(?:^|\/)\.{1,2}(?:\/|$)|\\|%2e|%2f|%5c|[^\x21-\x7e]/i;

export function parseSiteUrl(value: string, field = 'site.url'): string {
  if (UNSAFE_URL.test(value.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, ''))) {
    throw invalid(
      field,
      'must be a plain ASCII http(s) URL: no dot segments, backslashes, encoded dots or slashes, or international characters (use punycode)',
    );
  }
  let u: URL;
  try {
    u = new URL(value.trim());
  } catch {
    throw invalid(field, 'must be an absolute http(s) URL');
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password || u.search || u.hash) {
    throw invalid(field, 'must be an http(s) URL without credentials, query or fragment');
  }
  parseDomain(u.hostname, field);
  if (!/^[A-Za-z0-9/_.~%-]*$/.test(u.pathname) || u.pathname.includes('/../') || u.pathname.includes('//')) throw invalid(field, 'has an invalid path');
  const path = u.pathname.replace(/\/+$/, '');
  // Site URLs are case-insensitive (as in SharePoint): one natural key per site.
  const out = `${u.protocol}//${u.host}${path}`.toLowerCase();
  if (out.length > 512) throw invalid(field, 'at most 512 characters');
  return out;
}
