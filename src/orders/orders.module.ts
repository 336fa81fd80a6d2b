import { Module } from '@nestjs/common';
import { OrderWaiter } from './order-waiter';
import { OrdersController } from './orders.controller';
import { OrdersReader } from './orders.reader';
import { OrdersService } from './orders.service';
import { PlaceOrderUseCase } from './place-order.use-case';

@Module({
  controllers: [OrdersController],
  providers: [OrdersReader, OrdersService, OrderWaiter, PlaceOrderUseCase],
})
export class OrdersModule {}
