import { Injectable, type OnModuleInit } from '@nestjs/common';
import { rootLogger } from '../common/logging/logger';
import { PgListener } from '../database/pg-listener';
import type { Principal } from './principal';

/** Channel on which every identity change that can narrow a token's rights is announced. */
export const IDENTITY_CHANNEL = 'provisio_identity';

/** ACCESS.md §3: a short cache is fine only if bounded to ≤ 5 s. */
export const PRINCIPAL_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  principal: Principal;
  /** When the entry stops being trusted: the 5 s bound, or earlier when the token/delegation ends. */
  until: number;
}

/**
 * Resolved principals by token hash, for at most 5 s. Any change that can take rights away
 * (revocation, role change, user disabled or deleted, delegation revoked, organization suspended)
 * clears it: at once in the process that made the change, and in every API process through the
 * NOTIFY that triggers on those tables send when the change commits (migration
 * IdentityChangeNotifications), however it was made. While the LISTEN connection is down, nothing is cached (the bound could not be kept).
 */
@Injectable()
export class PrincipalCache implements OnModuleInit {
  private readonly entries = new Map<string, Entry>();
  private trusted = false;
  private readonly log = rootLogger().child({ component: 'principal-cache' });

  constructor(private readonly listener: PgListener) {}

  onModuleInit(): void {
    this.listener.onState((connected) => {
      this.trusted = connected;
      this.entries.clear();
    });
    this.listener
      .listen(IDENTITY_CHANNEL, () => this.entries.clear())
      .then(() => (this.trusted = this.listener.connected))
      .catch((err) => this.log.warn({ err }, 'identity notifications unavailable; principals are not cached'));
  }

  get(tokenHash: string, now = Date.now()): Principal | undefined {
    if (!this.trusted) return undefined;
    const e = this.entries.get(tokenHash);
    if (!e) return undefined;
    if (e.until <= now) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return e.principal;
  }

  set(tokenHash: string, principal: Principal, endsAt: number, now = Date.now()): void {
    if (!this.trusted) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { principal, until: Math.min(now + PRINCIPAL_CACHE_MS, endsAt) });
  }

  clear(): void {
    this.entries.clear();
  }

  /**
   * For changes that may take rights away: this process forgets its cached principals once the
   * change is done (others hear of it through the tables' NOTIFY triggers).
   */
  async afterChange<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } finally {
      this.clear();
    }
  }
}
