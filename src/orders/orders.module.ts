import { Module } from '@nestjs/common';
import { CustomerUserPasswordController, CustomerUserPasswordService } from './customer-user-password.controller';
import { DevicesController } from './devices/devices.controller';
import { DevicesService } from './devices/devices.service';
import { OrderWaiter } from './order-waiter';
import { OrdersController } from './orders.controller';
import { OrdersReader } from './orders.reader';
import { OrdersService } from './orders.service';
import { PlaceOrderUseCase } from './place-order.use-case';

@Module({
  controllers: [OrdersController, CustomerUserPasswordController, DevicesController],
  providers: [OrdersReader, OrdersService, OrderWaiter, PlaceOrderUseCase, CustomerUserPasswordService, DevicesService],
})
export class OrdersModule {}
