import { Module } from '@nestjs/common';
import { EnginesController } from './runs/engines.controller';

@Module({ controllers: [EnginesController] })
export class ProvisioningApiModule {}
