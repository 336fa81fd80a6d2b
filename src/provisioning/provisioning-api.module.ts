import { Module } from '@nestjs/common';
import { NamespacesModule } from './namespaces/namespaces.module';
import { LabModule } from './providers/lab/http/lab.module';
import { EnginesController } from './runs/engines.controller';
import { RunsController } from './runs/runs.controller';
import { RunsService } from './runs/runs.service';

@Module({ imports: [LabModule, NamespacesModule], controllers: [EnginesController, RunsController], providers: [RunsService] })
export class ProvisioningApiModule {}
