import { ProviderError } from '../provider';

/**
 * ejabberd's admin HTTP API (mod_http_api): `POST <url>/<command>` with a JSON body. Every call
 * has a timeout; no answer, a timeout or a 5xx is a retryable `XMPP_UNAVAILABLE`, a refusal a
 * permanent `XMPP_REJECTED`. Commands that return a result code answer 0 on success.
 */

export interface EjabberdApiSettings {
  url: string;
  /** Bearer token (an ejabberd OAuth token), when the API is not open to the caller's address. */
  token?: string;
  timeoutMs: number;
}

export const XMPP_FAILURE_CODES = {
  XMPP_UNAVAILABLE: true,
  XMPP_REJECTED: false,
} as const;

export function xmppFailure(code: keyof typeof XMPP_FAILURE_CODES, message: string, details: Record<string, unknown> = {}): ProviderError {
  return new ProviderError(code, message, XMPP_FAILURE_CODES[code], details);
}

export class EjabberdApi {
  constructor(private readonly s: EjabberdApiSettings) {}

  async call<T = unknown>(command: string, args: Record<string, unknown> = {}): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.s.url}/${command}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.s.token ? { authorization: `Bearer ${this.s.token}` } : {}) },
        body: JSON.stringify(args),
        signal: AbortSignal.timeout(this.s.timeoutMs),
      });
    } catch (e) {
      throw xmppFailure('XMPP_UNAVAILABLE', `ejabberd ${command}: no answer (${String((e as Error)?.message ?? e).slice(0, 200)})`, { command });
    }
    const text = await res.text().catch(() => '');
    if (res.status >= 500) throw xmppFailure('XMPP_UNAVAILABLE', `ejabberd ${command}: ${res.status} ${text.slice(0, 200)}`, { command, status: res.status });
    if (!res.ok) throw xmppFailure('XMPP_REJECTED', `ejabberd ${command}: ${res.status} ${text.slice(0, 200)}`, { command, status: res.status });
    try {
      return JSON.parse(text) as T;
    } catch {
      throw xmppFailure('XMPP_UNAVAILABLE', `ejabberd ${command}: unreadable answer ${JSON.stringify(text.slice(0, 100))}`, { command });
    }
  }

  /** A command that answers a result code: anything but 0 is a refusal. */
  async ok(command: string, args: Record<string, unknown> = {}): Promise<void> {
    const r = await this.call(command, args);
    if (r !== 0) throw xmppFailure('XMPP_REJECTED', `ejabberd ${command}: ${JSON.stringify(r).slice(0, 200)}`, { command });
  }
}
