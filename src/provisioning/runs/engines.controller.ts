import { Controller, Get, Query } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { Endpoint } from '../../common/http/endpoint.decorator';
import { AppConfig } from '../../config/app-config';
import { queryRows } from '../../database/sql';

export class EngineView {
  @ApiProperty({ example: 'eng_01jdx3m5v8k2q9w7e4r6t1y0ab' }) id: string;
  @ApiProperty() host: string;
  @ApiProperty() pid: number;
  @ApiProperty() version: string;
  @ApiProperty({ enum: ['running', 'draining', 'dead', 'stopped'] }) state: string;
  @ApiProperty() startedAt: string;
  @ApiProperty() lastHeartbeatAt: string;
  @ApiPropertyOptional() stoppedAt: string | null;
  @ApiProperty({ description: 'runs this engine may hold at once' }) capacity: number;
  @ApiProperty({ description: 'runs held at the last heartbeat' }) runsHeld: number;
  @ApiProperty({ description: 'steps journaled since the engine started' }) stepsDone: number;
}

class EngineQuery {
  @ApiPropertyOptional({ enum: ['running', 'draining', 'dead', 'stopped', 'all'], description: 'default: engines alive or heard from in the last hour (dead ones included), plus those stopped in the last hour; `all`: every engine ever registered' })
  @IsOptional() @IsIn(['running', 'draining', 'dead', 'stopped', 'all'])
  state?: string;
}

@ApiTags('provisioning')
@Controller('v1/engines')
export class EnginesController {
  constructor(private readonly ds: DataSource, private readonly config: AppConfig) {}

  @Get()
  @Endpoint({ permission: 'engines.read', summary: 'List provisioning engines with their state and load', response: { type: EngineView, isArray: true } })
  async list(@Query() q: EngineQuery): Promise<{ items: EngineView[] }> {
    const rows: any[] = await queryRows(this.ds, 
      `SELECT id, host, pid, version, started_at, heartbeat_at, stopped_at, capacity, runs_held, steps_done,
              CASE WHEN state = 'stopped' THEN 'stopped'
                   WHEN heartbeat_at < now() - make_interval(secs => $1::float8 / 1000) THEN 'dead'
                   ELSE state END AS shown_state
         FROM engines
        WHERE $2::text = 'all'
           OR (state <> 'stopped' AND heartbeat_at > now() - interval '1 hour')
           OR stopped_at > now() - interval '1 hour'
        ORDER BY started_at DESC
        LIMIT 500`,
      [this.config.engineLeaseTtlMs, q.state ? 'all' : 'default'],
    );
    const items = rows
      .map((r) => ({
        id: r.id,
        host: r.host,
        pid: r.pid,
        version: r.version,
        state: r.shown_state,
        startedAt: new Date(r.started_at).toISOString(),
        lastHeartbeatAt: new Date(r.heartbeat_at).toISOString(),
        stoppedAt: r.stopped_at ? new Date(r.stopped_at).toISOString() : null,
        capacity: r.capacity,
        runsHeld: r.runs_held,
        stepsDone: Number(r.steps_done),
      }))
      .filter((e) => !q.state || q.state === 'all' || e.state === q.state);
    return { items };
  }
}
