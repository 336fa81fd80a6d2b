import { ProviderError } from '../provider';

/**
 * The PowerDNS Authoritative HTTP API (`/api/v1/servers/{id}/…`) over Node's fetch: one timeout
 * per call, answers classified. 5xx, timeouts and connection failures are retryable (every call
 * the driver makes is idempotent to repeat); 4xx are permanent, except 404 which callers read as
 * "not there".
 */

export interface PowerDnsClientSettings {
  apiUrl: string;
  apiKey: string;
  serverId: string;
  /** Per-call timeout. */
  timeoutMs: number;
}

export const PDNS_FAILURE_CODES = {
  /** No answer: connection refused or reset, timeout, 5xx. The call may be repeated. */
  PDNS_UNAVAILABLE: true,
  /** The zone or name belongs to another organization, or the record clashes (CNAME rules). */
  PDNS_CONFLICT: false,
  /** The zone a call needs does not exist. */
  PDNS_PREREQUISITE_MISSING: false,
  /** The object a read or change addresses does not exist. */
  PDNS_NOT_FOUND: false,
  /** PowerDNS refused the content (422) or the request (other 4xx). */
  PDNS_REJECTED: false,
  /** The API key is wrong or the server id unknown: configuration, not the call. */
  PDNS_CONFIGURATION: false,
} as const;
export type PdnsFailureCode = keyof typeof PDNS_FAILURE_CODES;

export function pdnsFailure(code: PdnsFailureCode, message: string, details: Record<string, unknown> = {}): ProviderError {
  return new ProviderError(code, message, PDNS_FAILURE_CODES[code], details);
}

export class PowerDnsHttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(`PowerDNS answered ${status}: ${detail}`);
    this.name = 'PowerDnsHttpError';
  }
}

export interface PowerDnsRecord {
  content: string;
  disabled: boolean;
}
export interface PowerDnsComment {
  content: string;
  account: string;
  modified_at?: number;
}
export interface PowerDnsRrset {
  name: string;
  type: string;
  ttl: number;
  records: PowerDnsRecord[];
  comments: PowerDnsComment[];
}
export interface PowerDnsZone {
  id: string;
  name: string;
  kind: string;
  account: string;
  serial: number;
  rrsets: PowerDnsRrset[];
}
export interface RrsetChange {
  name: string;
  type: string;
  changetype: 'REPLACE' | 'DELETE';
  ttl?: number;
  records?: PowerDnsRecord[];
  /** Omitted: the rrset's comments stay as they are. */
  comments?: PowerDnsComment[];
}

/** `example.com` → `example.com.` (the API's canonical zone and owner names). */
export function fqdn(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}

export class PowerDnsClient {
  constructor(private readonly s: PowerDnsClientSettings) {}

  private url(path: string): string {
    return `${this.s.apiUrl.replace(/\/+$/, '')}/api/v1/servers/${encodeURIComponent(this.s.serverId)}${path}`;
  }

  /** One API call: the status and the parsed body; 404 is returned, other failures thrown classified. */
  async request<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T | undefined }> {
    let res: Response;
    try {
      res = await fetch(this.url(path), {
        method,
        headers: { 'X-API-Key': this.s.apiKey, ...(body === undefined ? {} : { 'content-type': 'application/json' }), accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.s.timeoutMs),
      });
    } catch (e) {
      throw unavailable(e, this.s);
    }
    let text: string;
    try {
      text = await res.text();
    } catch (e) {
      throw unavailable(e, this.s);
    }
    if (res.ok) return { status: res.status, body: text ? (JSON.parse(text) as T) : undefined };
    if (res.status === 404) return { status: 404, body: undefined };
    const detail = apiError(text);
    if (res.status >= 500) throw pdnsFailure('PDNS_UNAVAILABLE', `PowerDNS failed (${res.status}): ${detail}`, { status: res.status });
    if (res.status === 401 || res.status === 403)
      throw pdnsFailure('PDNS_CONFIGURATION', `PowerDNS refused the API key (${res.status})`, { status: res.status });
    throw new PowerDnsHttpError(res.status, detail);
  }

  /** A call that must find what it addresses (404 is an error). */
  async call<T>(method: string, path: string, body?: unknown): Promise<T | undefined> {
    const r = await this.request<T>(method, path, body);
    if (r.status === 404) throw new PowerDnsHttpError(404, `${method} ${path}: not found`);
    return r.body;
  }

  async zone(name: string): Promise<PowerDnsZone | undefined> {
    return (await this.request<PowerDnsZone>('GET', `/zones/${encodeURIComponent(fqdn(name))}`)).body;
  }

  /** Zones without their records (names, accounts, serials). */
  async zones(): Promise<Omit<PowerDnsZone, 'rrsets'>[]> {
    return (await this.call<Omit<PowerDnsZone, 'rrsets'>[]>('GET', '/zones')) ?? [];
  }

  async createZone(zone: { name: string; account: string; rrsets: PowerDnsRrset[] }): Promise<void> {
    await this.call('POST', '/zones', {
      name: fqdn(zone.name),
      kind: 'Native',
      account: zone.account,
      // YYYYMMDDnn, increased by every change made through the API.
      soa_edit_api: 'DEFAULT',
      nameservers: [],
      rrsets: zone.rrsets,
    });
    await this.flushCache(zone.name);
  }

  /**
   * Drops PowerDNS's cached answers for a zone. Changes through the API flush them, creating a zone
   * does not: a name queried before (REFUSED, no such zone) would stay refused for the cache ttl.
   */
  async flushCache(zone: string): Promise<void> {
    await this.call('PUT', `/cache/flush?domain=${encodeURIComponent(fqdn(zone))}`);
  }

  /** Several rrset changes in one backend transaction. */
  async patch(zone: string, rrsets: RrsetChange[]): Promise<void> {
    await this.call('PATCH', `/zones/${encodeURIComponent(fqdn(zone))}`, { rrsets });
  }

  /** Deletes a zone; true when it was there. */
  async deleteZone(name: string): Promise<boolean> {
    return (await this.request('DELETE', `/zones/${encodeURIComponent(fqdn(name))}`)).status !== 404;
  }

  async server(): Promise<void> {
    await this.call('GET', '');
  }
}

function apiError(text: string): string {
  try {
    const j = JSON.parse(text) as { error?: unknown };
    if (typeof j.error === 'string') return j.error.slice(0, 300);
  } catch {
    // not JSON
  }
  return text.slice(0, 300) || 'no detail';
}

/** A call that got no answer; its message names the URL, never the key. */
function unavailable(e: unknown, s: PowerDnsClientSettings): ProviderError {
  const err = e as { name?: string; cause?: { code?: string }; message?: string };
  const why = err?.name === 'TimeoutError' ? `no answer within ${s.timeoutMs} ms` : (err?.cause?.code ?? err?.message ?? 'unreachable');
  return pdnsFailure('PDNS_UNAVAILABLE', `PowerDNS API ${s.apiUrl} unreachable: ${why}`, {
    reason: err?.name === 'TimeoutError' ? 'timeout' : (err?.cause?.code ?? 'network'),
  });
}
