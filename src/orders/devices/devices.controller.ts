import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import type { Principal } from '../../access/principal';
import { Endpoint } from '../../common/http/endpoint.decorator';
import { IdParam } from '../../common/validation/id-param.pipe';
import { DevicesService } from './devices.service';
import { DeviceList } from './devices.views';

@ApiTags('orders')
@Controller('v1/organizations/:id/customer-users/:alias/devices')
export class DevicesController {
  constructor(private readonly devices: DevicesService) {}

  @Get()
  @Endpoint({
    permission: 'orders.read',
    summary: 'The mobile devices of a customer user, as the mobility platform reports them',
    description:
      "For the customer's admins and a reseller with a **delegated** token (the same people who place orders). Wipe one with a `wipe_device` order (`POST /v1/orders`).",
    errors: ['NOT_FOUND', 'ACTIVESYNC_NOT_ENABLED', 'PLATFORM_ERROR', 'SERVICE_UNAVAILABLE'],
    readOnly: true,
    response: { type: DeviceList },
  })
  list(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string, @Param('alias') alias: string): Promise<DeviceList> {
    return this.devices.list(p, id, alias);
  }
}
