import { Module } from '@nestjs/common';
import { PlansController, ServicesController, SubscriptionsController } from './catalog.controllers';
import { CatalogCache } from './catalog-cache';
import { PlansService } from './plans.service';
import { SubscriptionsService } from './subscriptions.service';

/**
 * The catalog over HTTP. Other modules use the plain functions on `Sql` instead (subscriptions.ts,
 * quota-ledger.ts), inside their own transactions.
 */
@Module({
  controllers: [ServicesController, PlansController, SubscriptionsController],
  providers: [CatalogCache, PlansService, SubscriptionsService],
})
export class CatalogModule {}
