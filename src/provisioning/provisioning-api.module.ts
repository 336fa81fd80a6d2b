import { Module } from '@nestjs/common';
import { LabModule } from './providers/lab/http/lab.module';
import { EnginesController } from './runs/engines.controller';
import { RunsController } from './runs/runs.controller';
import { RunsService } from './runs/runs.service';

@Module({ imports: [LabModule], controllers: [EnginesController, RunsController], providers: [RunsService] })
export class ProvisioningApiModule {}
