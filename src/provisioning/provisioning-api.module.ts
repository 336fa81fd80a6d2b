import { Module } from '@nestjs/common';
import { LabModule } from './providers/lab/http/lab.module';
import { EnginesController } from './runs/engines.controller';

@Module({ imports: [LabModule], controllers: [EnginesController] })
export class ProvisioningApiModule {}
