import { Injectable, type OnModuleInit } from '@nestjs/common';
import { rootLogger } from '../common/logging/logger';
import { NotifiedCache } from '../database/notified-cache';
import { PgListener } from '../database/pg-listener';
import type { Principal } from '../access/principal';

/** Channel on which every identity change that can narrow a token's rights is announced. */
export const IDENTITY_CHANNEL = 'provisio_identity';

/** ACCESS.md §3: a short cache is fine only if bounded to ≤ 5 s. */
export const PRINCIPAL_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

/**
 * Resolved principals by token hash, for at most 5 s. Any change that can take rights away
 * (revocation, role change, user disabled or deleted, delegation revoked, organization suspended)
 * clears it: at once in the process that made the change, and in every API process through the
 * NOTIFY that triggers on those tables send when the change commits (migration
 * IdentityChangeNotifications), however it was made. While the LISTEN connection is down, nothing
 * is cached (the bound could not be kept).
 */
@Injectable()
export class PrincipalCache implements OnModuleInit {
  private readonly cache: NotifiedCache<Principal>;

  constructor(listener: PgListener) {
    this.cache = new NotifiedCache(listener, {
      channel: IDENTITY_CHANNEL,
      ttlMs: PRINCIPAL_CACHE_MS,
      maxEntries: MAX_ENTRIES,
      log: rootLogger().child({ component: 'principal-cache' }),
    });
  }

  onModuleInit(): void {
    this.cache.start();
  }

  /** Take before resolving a token, hand to `set`: a principal resolved across a change is not kept. */
  generation(): number {
    return this.cache.generation();
  }

  get(tokenHash: string, now = Date.now()): Principal | undefined {
    return this.cache.get(tokenHash, now);
  }

  set(tokenHash: string, principal: Principal, endsAt: number, now = Date.now(), generation = this.cache.generation()): void {
    this.cache.set(tokenHash, principal, generation, endsAt, now);
  }

  /** One database lookup per token at a time (see NotifiedCache.shared). */
  shared<T>(tokenHash: string, lookup: () => Promise<T>): Promise<T> {
    return this.cache.shared(tokenHash, lookup);
  }

  clear(): void {
    this.cache.clear();
  }

  /**
   * For changes that may take rights away: this process forgets its cached principals once the
   * change is done (others hear of it through the tables' NOTIFY triggers).
   */
  afterChange<T>(work: Promise<T>): Promise<T> {
    return this.cache.afterChange(work);
  }
}
