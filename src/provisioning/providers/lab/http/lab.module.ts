import { Module } from '@nestjs/common';
import { LabAdminService } from './lab-admin.service';
import { LabController } from './lab.controller';

/**
 * GET /v1/lab/state, GET/PUT /v1/lab/faults. The routes exist only while LAB_ENABLED is true:
 * otherwise they answer 404 ROUTE_NOT_FOUND like any unknown route.
 */
@Module({ controllers: [LabController], providers: [LabAdminService] })
export class LabModule {}
