import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CurrentStepView, RunErrorView } from '../provisioning/runs/runs.views';
import { ORDER_STATUSES, ORDER_TYPES } from './dto/order-requests';

export class OrderPlacedBy {
  @ApiProperty({ description: 'the user who placed it (for a delegated token: the reseller user)' }) userId: string;
  @ApiProperty({ description: "that user's organization" }) organizationId: string;
  @ApiPropertyOptional({ type: String, description: 'the delegation used, when a reseller acted for the customer', nullable: true }) delegationId:
    string | null;
  @ApiPropertyOptional({ type: String, description: 'the customer acted for, with a delegated token', nullable: true }) onBehalfOf: string | null;
}

export class OrderProgress {
  @ApiProperty({ description: 'status of the provisioning run' }) runStatus: string;
  @ApiProperty({ description: 'steps completed' }) stepsDone: number;
  @ApiProperty({ description: 'steps the request compiled to (some may be skipped by conditions)' }) stepsTotal: number;
  @ApiPropertyOptional({ type: CurrentStepView, nullable: true }) currentStep: CurrentStepView | null;
}

export class RolledBackStep {
  @ApiProperty({ example: '1/Hosted Organization.Subscribe/4/Exchange.AddAcceptedDomain' }) path: string;
  @ApiProperty() namespace: string;
  @ApiProperty() procedure: string;
  @ApiProperty({ enum: ['completed', 'failed'] }) status: string;
}

export class OrderLinks {
  @ApiProperty() self: string;
  @ApiProperty() request: string;
  @ApiProperty() response: string;
  @ApiProperty() timeline: string;
  @ApiProperty() run: string;
}

export class OrderView {
  @ApiProperty({ example: 'ord_01jdx3m5v8k2q9w7e4r6t1y0ab' }) id: string;
  @ApiProperty({ enum: ORDER_TYPES }) type: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status: string;
  @ApiProperty() organizationId: string;
  @ApiPropertyOptional({ type: String, nullable: true }) subscriptionId: string | null;
  @ApiProperty() runId: string;
  @ApiProperty({ type: OrderPlacedBy }) placedBy: OrderPlacedBy;
  @ApiProperty({ type: Object, description: 'the order as placed' }) request: Record<string, unknown>;
  @ApiProperty({ type: Object, description: 'what the order does, resolved (plan versions, aliases, records)' }) summary: Record<string, unknown>;
  @ApiProperty({ type: OrderProgress }) progress: OrderProgress;
  @ApiPropertyOptional({ type: RunErrorView, nullable: true, description: 'why it failed (failed, needs_attention)' }) errorContext: RunErrorView | null;
  @ApiProperty({ type: RolledBackStep, isArray: true, description: 'the compensations run, newest step first' }) rolledBack: RolledBackStep[];
  @ApiPropertyOptional({ type: String, description: "an operator's resolution, when the run was resolved by hand", nullable: true }) resolution: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({ type: String, nullable: true }) finishedAt: string | null;
  @ApiProperty({ type: OrderLinks }) links: OrderLinks;
}

export class OrderPage {
  @ApiProperty({ type: OrderView, isArray: true }) items: OrderView[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor: string | null;
}

export const TERMINAL_ORDER_STATUSES = ['completed', 'failed', 'needs_attention', 'cancelled'];
