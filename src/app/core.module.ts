import { type DynamicModule, Global, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ApiComposition } from './api-composition';
import { IdempotencyKeys } from '../common/idempotency/idempotency';
import { AppConfig } from '../config/app-config';
import { PgListener } from '../database/pg-listener';
import { sqlOf } from '../database/sql';
import { RunHookRegistry } from '../provisioning/engine/run-hooks';
import { NamespaceRegistry } from '../provisioning/namespaces/namespace-registry';
import { ProviderSet } from '../provisioning/providers/provider-set';

@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  constructor(
    private readonly ds: DataSource,
    private readonly providers: ProviderSet,
  ) {}
  async onApplicationShutdown() {
    await this.providers.close();
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}

/**
 * Configuration, the database handle and what the composition root built for this process
 * (providers, namespace registry, run hooks), available to every module by class.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, dataSource: DataSource, composition: ApiComposition): DynamicModule {
    const shared = [
      { provide: AppConfig, useValue: config },
      { provide: DataSource, useValue: dataSource },
      { provide: ProviderSet, useValue: composition.providers },
      { provide: NamespaceRegistry, useValue: composition.registry },
      { provide: RunHookRegistry, useValue: composition.hooks },
      { provide: IdempotencyKeys, useValue: new IdempotencyKeys(sqlOf(dataSource)) },
    ];
    return {
      module: CoreModule,
      providers: [...shared, DataSourceCloser, PgListener],
      exports: [...shared.map((p) => p.provide), PgListener],
    };
  }
}
