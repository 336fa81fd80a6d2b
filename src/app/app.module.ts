import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { ApiComposition } from './api-composition';
import { AuditModule } from '../audit/audit.module';
import { CatalogModule } from '../catalog/catalog.module';
import type { AppConfig } from '../config/app-config';
import { CoreModule } from './core.module';
import { HealthModule } from '../health/health.module';
import { IdentityModule } from '../identity/identity.module';
import { OrdersModule } from '../orders/orders.module';
import { ProvisioningApiModule } from '../provisioning/provisioning-api.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, dataSource: DataSource, composition: ApiComposition, extra: NonNullable<ModuleMetadata['imports']> = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, dataSource, composition),
        IdentityModule,
        HealthModule,
        ProvisioningApiModule.forRoot({ labRoutes: composition.labRoutes }),
        AuditModule,
        CatalogModule,
        OrdersModule,
        ...extra,
      ],
    };
  }
}
