import { Controller, Get, Query } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { Endpoint } from '../../common/http/endpoint.decorator';
import { AppConfig } from '../../config/app-config';
import { sqlOf } from '../../database/sql';
import { listEngines } from '../engine/engines.store';

export class EngineView {
  @ApiProperty({ example: 'eng_01jdx3m5v8k2q9w7e4r6t1y0ab' }) id: string;
  @ApiProperty() host: string;
  @ApiProperty() pid: number;
  @ApiProperty() version: string;
  @ApiProperty({ enum: ['running', 'draining', 'dead', 'stopped'] }) state: string;
  @ApiProperty() startedAt: string;
  @ApiProperty() lastHeartbeatAt: string;
  @ApiProperty({ type: String, nullable: true }) stoppedAt: string | null;
  @ApiProperty({ description: 'runs this engine may hold at once' }) capacity: number;
  @ApiProperty({ description: 'runs held at the last heartbeat' }) runsHeld: number;
  @ApiProperty({ description: 'steps journaled since the engine started' }) stepsDone: number;
}

class EngineQuery {
  @ApiPropertyOptional({
    enum: ['running', 'draining', 'dead', 'stopped', 'all'],
    description:
      'default: engines alive or heard from in the last hour (dead ones included), plus those stopped in the last hour; `all`: every engine ever registered',
  })
  @IsOptional()
  @IsIn(['running', 'draining', 'dead', 'stopped', 'all'])
  state?: string;
}

@ApiTags('provisioning')
@Controller('v1/engines')
export class EnginesController {
  constructor(
    private readonly ds: DataSource,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Endpoint({ permission: 'engines.read', summary: 'List provisioning engines with their state and load', response: { type: EngineView, page: true } })
  async list(@Query() q: EngineQuery): Promise<{ items: EngineView[]; nextCursor: null }> {
    const engines = await listEngines(sqlOf(this.ds), this.config.engineLeaseTtlMs, q.state !== undefined);
    const items = engines
      .map((e) => ({
        id: e.id,
        host: e.host,
        pid: e.pid,
        version: e.version,
        state: e.state,
        startedAt: e.startedAt.toISOString(),
        lastHeartbeatAt: e.heartbeatAt.toISOString(),
        stoppedAt: e.stoppedAt ? e.stoppedAt.toISOString() : null,
        capacity: e.capacity,
        runsHeld: e.runsHeld,
        stepsDone: e.stepsDone,
      }))
      .filter((e) => !q.state || q.state === 'all' || e.state === q.state);
    return { items, nextCursor: null };
  }
}
