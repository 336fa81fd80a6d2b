import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { NamespacesModule } from './namespaces/namespaces.module';
import { LabModule } from './providers/lab/http/lab.module';
import { EnginesController } from './runs/engines.controller';
import { RunsController } from './runs/runs.controller';
import { RunsService } from './runs/runs.service';

@Module({})
export class ProvisioningApiModule {
  /** The lab routes exist only when the lab provider is enabled (absent from /docs otherwise). */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ProvisioningApiModule,
      imports: [...(config.labEnabled ? [LabModule] : []), NamespacesModule],
      controllers: [EnginesController, RunsController],
      providers: [RunsService],
    };
  }
}
