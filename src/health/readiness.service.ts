import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { pendingMigrations } from '../database/migrate';
import { pingDatabase } from '../database/migrations.store';
import { sqlOf } from '../database/sql';
import { countLiveEngines } from '../provisioning/engine/engines.store';
import { type ProviderProbe, ProviderSet } from '../provisioning/providers/provider-set';

export interface Check {
  ok: boolean;
  detail?: string;
}

export interface Readiness {
  ok: boolean;
  checks: { database: Check; migrations?: Check; engines?: Check; providers: Check };
  /** Each configured provider: the namespaces it serves and whether its platform answers. */
  providers: ProviderProbe[];
}

/**
 * GET /health/ready: the database answers, every migration is applied, at least one engine is
 * alive (engines.store.ts defines a dead one), and every configured provider's platform answers.
 */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: AppConfig,
    private readonly providers: ProviderSet,
  ) {}

  async check(): Promise<Readiness> {
    const sql = sqlOf(this.ds);
    const probing = this.providers.probe();
    const checks: Readiness['checks'] = { database: { ok: true }, providers: { ok: true } };
    try {
      await pingDatabase(sql);
      const pending = await pendingMigrations(sql);
      checks.migrations = pending.length ? { ok: false, detail: `${pending.length} pending` } : { ok: true };
      const live = await countLiveEngines(sql, this.config.engineLeaseTtlMs);
      checks.engines = live > 0 ? { ok: true, detail: `${live} live` } : { ok: false, detail: 'no engine heartbeat within one lease ttl' };
    } catch {
      checks.database = { ok: false, detail: 'unreachable' };
    }
    const providers = await probing;
    const down = providers.filter((p) => !p.ok);
    checks.providers = down.length
      ? { ok: false, detail: down.map((p) => `${p.provider} (${p.namespaces.join(', ')}): ${p.detail ?? 'unreachable'}`).join('; ') }
      : { ok: true, detail: providers.map((p) => `${p.provider}: ${p.namespaces.join(', ')}`).join('; ') };
    const ok = checks.database.ok && !!checks.migrations?.ok && !!checks.engines?.ok && checks.providers.ok;
    return { ok, checks, providers };
  }
}
