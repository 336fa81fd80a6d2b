import { Injectable, type OnModuleInit } from '@nestjs/common';
import { rootLogger } from '../common/logging/logger';
import { NotifiedCache } from '../database/notified-cache';
import { PgListener } from '../database/pg-listener';
import type { Principal } from '../access/principal';

export const CATALOG_CHANNEL = 'provisio_catalog';
/** Plans change rarely; a list is reused for at most this long, and dropped at once on any change. */
export const CATALOG_CACHE_MS = 5_000;

/**
 * Plan lists as each kind of viewer sees them (`GET /v1/plans` is the hottest catalog read), per
 * API process. Dropped at once by the process that changes a plan, and in every process by the
 * NOTIFY of the triggers on plans, versions, offers and the organizations tree (migration
 * CatalogChangeNotifications), however the change was made.
 */
@Injectable()
export class CatalogCache implements OnModuleInit {
  /** Plan pages as JSON text (the answer's body). */
  readonly lists: NotifiedCache<string>;

  constructor(listener: PgListener) {
    this.lists = new NotifiedCache(listener, {
      channel: CATALOG_CHANNEL,
      ttlMs: CATALOG_CACHE_MS,
      maxEntries: 2_000,
      log: rootLogger().child({ component: 'catalog-cache' }),
    });
  }

  onModuleInit(): void {
    this.lists.start();
  }

  /** Everything a plan list depends on: where the token acts, what its roles allow, and the query. */
  static listKey(p: Principal, query: object): string {
    return JSON.stringify([
      [...p.roles].sort(),
      p.userOrgId,
      p.userOrgPath,
      p.userOrgKind,
      p.subjectOrgId,
      p.subjectOrgPath,
      p.subjectOrgKind,
      p.delegationId !== null,
      Object.entries(query)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b)),
    ]);
  }
}
