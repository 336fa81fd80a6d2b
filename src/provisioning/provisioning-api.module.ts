import { type DynamicModule, Module } from '@nestjs/common';
import { NamespacesModule } from './namespaces/namespaces.module';
import { PlatformObjectsModule } from './platform/platform-objects.controller';
import { LabModule } from './providers/lab/http/lab.module';
import { EnginesController } from './runs/engines.controller';
import { RunsController } from './runs/runs.controller';
import { RunsService } from './runs/runs.service';

@Module({})
export class ProvisioningApiModule {
  /** The lab routes exist only when the composition root says so (absent from /docs otherwise). */
  static forRoot(opts: { labRoutes: boolean }): DynamicModule {
    return {
      module: ProvisioningApiModule,
      imports: [...(opts.labRoutes ? [LabModule] : []), NamespacesModule, PlatformObjectsModule],
      controllers: [EnginesController, RunsController],
      providers: [RunsService],
    };
  }
}
