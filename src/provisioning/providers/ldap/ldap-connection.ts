import { Client, ResultCodeError } from 'ldapts';
import { ProviderError } from '../provider';

/**
 * One bound connection to the directory, shared by every call of a process (LDAP multiplexes
 * operations on a connection): opened and bound on first use, reopened after a failure. Every
 * operation has a timeout; every failure becomes a classified ProviderError. Used by the
 * directory driver and by the mail and IM drivers, which keep their data on the same entries.
 */

export interface LdapSettings {
  url: string;
  bindDn: string;
  bindPassword: string;
  baseDn: string;
  /** Per-operation and connect timeout. */
  timeoutMs: number;
}

export const LDAP_FAILURE_CODES = {
  /** No answer (connection refused or lost, timeout) or the server is busy/unavailable. Retryable. */
  LDAP_UNAVAILABLE: true,
  /** The name or a unique value (user principal name) belongs to another organization. */
  LDAP_CONFLICT: false,
  /** An entry the call needs does not exist (a user without its organization's OU). */
  LDAP_PREREQUISITE_MISSING: false,
  /** A delete would orphan what other namespaces keep on or under the entry. */
  LDAP_IN_USE: false,
  /** The entry a read or change addresses does not exist. */
  LDAP_NOT_FOUND: false,
  /** The server refused the content (schema, syntax, naming). */
  LDAP_REJECTED: false,
  /** The bind DN or password is wrong or lacks rights: configuration, not the call. */
  LDAP_CONFIGURATION: false,
} as const;
export type LdapFailureCode = keyof typeof LDAP_FAILURE_CODES;

export function ldapFailure(code: LdapFailureCode, message: string, details: Record<string, unknown> = {}): ProviderError {
  return new ProviderError(code, message, LDAP_FAILURE_CODES[code], details);
}

/** LDAP result codes (RFC 4511 §4.1.9) the driver reads. */
export const LDAP_RESULT = {
  noSuchObject: 32,
  alreadyExists: 68,
  constraintViolation: 19,
  notAllowedOnNonLeaf: 66,
  invalidCredentials: 49,
} as const;

const RETRYABLE_RESULTS = new Set([3 /* timeLimitExceeded */, 11 /* adminLimitExceeded */, 51 /* busy */, 52 /* unavailable */, 80 /* other */]);
const CONFIGURATION_RESULTS = new Set([8, 13, 48, 49, 50]);

export function resultCode(e: unknown): number | undefined {
  return e instanceof ResultCodeError ? e.code : undefined;
}

/** Any failure of an LDAP call as a ProviderError (`what` says which call, for the run's error). */
export function classifyLdapError(e: unknown, what: string): ProviderError {
  if (e instanceof ProviderError) return e;
  const code = resultCode(e);
  const msg = String((e as Error)?.message ?? e)
    .split('\n')[0]
    .slice(0, 300);
  if (code === undefined) return ldapFailure('LDAP_UNAVAILABLE', `${what}: no answer from the directory (${msg})`, { reason: 'network' });
  if (RETRYABLE_RESULTS.has(code)) return ldapFailure('LDAP_UNAVAILABLE', `${what}: the directory is busy or unavailable (${code})`, { resultCode: code });
  if (CONFIGURATION_RESULTS.has(code))
    return ldapFailure('LDAP_CONFIGURATION', `${what}: the directory refused Provisio's bind or rights (${code})`, { resultCode: code });
  if (code === LDAP_RESULT.alreadyExists || code === LDAP_RESULT.constraintViolation)
    return ldapFailure('LDAP_CONFLICT', `${what}: ${msg}`, { resultCode: code });
  if (code === LDAP_RESULT.notAllowedOnNonLeaf) return ldapFailure('LDAP_IN_USE', `${what}: the entry still has entries below it`, { resultCode: code });
  if (code === LDAP_RESULT.noSuchObject) return ldapFailure('LDAP_NOT_FOUND', `${what}: no such entry`, { resultCode: code });
  return ldapFailure('LDAP_REJECTED', `${what}: ${msg} (${code})`, { resultCode: code });
}

/** RFC 4514: an attribute value inside a DN. */
export function escapeDnValue(v: string): string {
  return v
    .replace(/[\\,+"<>;=]/g, (c) => `\\${c}`)
    .replace(/^([ #])/, '\\$1')
    .replace(/ $/, '\\ ')
    .replace(/\0/g, '\\00');
}

/** RFC 4515: a value inside a search filter. */
export function escapeFilterValue(v: string): string {
  return v.replace(/[\\*()\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export class LdapConnection {
  private client: Client | undefined;
  private binding: Promise<Client> | undefined;

  constructor(readonly settings: LdapSettings) {}

  private newClient(): Client {
    return new Client({ url: this.settings.url, timeout: this.settings.timeoutMs, connectTimeout: this.settings.timeoutMs, strictDN: false });
  }

  private async bound(): Promise<Client> {
    if (this.client?.isConnected && this.client.isBound) return this.client;
    this.binding ??= (async () => {
      const c = this.newClient();
      try {
        await c.bind(this.settings.bindDn, this.settings.bindPassword);
      } catch (e) {
        await c.unbind().catch(() => undefined);
        throw e;
      }
      this.client = c;
      return c;
    })().finally(() => (this.binding = undefined));
    return this.binding;
  }

  /** Runs `fn` on the bound connection; failures come out classified (and drop a broken connection). */
  async run<T>(what: string, fn: (c: Client) => Promise<T>): Promise<T> {
    let c: Client;
    try {
      c = await this.bound();
    } catch (e) {
      throw classifyLdapError(e, `${what} (bind as ${this.settings.bindDn})`);
    }
    try {
      return await fn(c);
    } catch (e) {
      if (resultCode(e) === undefined && this.client === c) {
        this.client = undefined;
        void c.unbind().catch(() => undefined);
      }
      throw classifyLdapError(e, what);
    }
  }

  /** Binds as `dn` on a connection of its own (a user's login); true when the directory accepts it. */
  async canBind(dn: string, password: string): Promise<boolean> {
    const c = this.newClient();
    try {
      await c.bind(dn, password);
      return true;
    } catch (e) {
      if (resultCode(e) === LDAP_RESULT.invalidCredentials) return false;
      throw classifyLdapError(e, `bind as ${dn}`);
    } finally {
      await c.unbind().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    await c?.unbind().catch(() => undefined);
  }
}
