import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Endpoint } from '../../../../common/http/endpoint.decorator';
import { CurrentPrincipal } from '../../../../access/current-principal.decorator';
import type { Principal } from '../../../../access/principal';
import { LabAdminService } from './lab-admin.service';
import { LabDeviceSyncRequest, LabFaultsRequest, LabStateQuery } from './lab-faults.dto';
import { LAB_STATE_SCHEMA, LabFaultsView } from './lab.views';

@ApiTags('lab')
@Controller('v1/lab')
export class LabController {
  constructor(private readonly lab: LabAdminService) {}

  @Get('state')
  @Endpoint({
    permission: 'lab.read',
    summary: 'The lab platform state of one customer: OU, users, Exchange, mailboxes, mobility, DNS, SIP, sites',
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'ROUTE_NOT_FOUND'],
    readOnly: true,
    response: { schema: LAB_STATE_SCHEMA },
  })
  state(@CurrentPrincipal() p: Principal, @Query() q: LabStateQuery) {
    return this.lab.state(p, q.organization);
  }

  @Post('devices')
  @HttpCode(200)
  @Endpoint({
    permission: 'lab.faults',
    summary: 'Simulate a phone syncing with a mobility-enabled mailbox, so the device exists (operators and tests)',
    description: 'A device that synced before stays as it is (its wipe status included). Audited as `lab.device_synced`.',
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'ROUTE_NOT_FOUND'],
    response: {
      schema: {
        type: 'object',
        properties: {
          alias: { type: 'string' },
          id: { type: 'string' },
          model: { type: 'string' },
          wipeStatus: { type: 'string' },
          wipeRequestedAt: { type: 'string', nullable: true },
        },
      },
    },
  })
  syncDevice(@CurrentPrincipal() p: Principal, @Body() body: LabDeviceSyncRequest) {
    return this.lab.syncDevice(p, body);
  }

  @Get('faults')
  @Endpoint({
    permission: 'lab.faults',
    summary: 'The lab fault injection configuration (latency, error rates, rules with remaining counts)',
    errors: ['ROUTE_NOT_FOUND'],
    readOnly: true,
    response: { type: LabFaultsView },
  })
  faults(): Promise<LabFaultsView> {
    return this.lab.faults();
  }

  @Put('faults')
  @Endpoint({
    permission: 'lab.faults',
    summary: 'Replace the lab fault injection configuration; takes effect on the next lab call of every engine',
    description:
      'Omitted fields take their default (no latency, no errors, no rules), so `{}` resets the lab. Audited as `lab.faults_changed` with before/after.',
    errors: ['VALIDATION_FAILED', 'ROUTE_NOT_FOUND'],
    response: { type: LabFaultsView },
  })
  replaceFaults(@CurrentPrincipal() p: Principal, @Body() body: LabFaultsRequest): Promise<LabFaultsView> {
    return this.lab.replaceFaults(p, body);
  }
}
