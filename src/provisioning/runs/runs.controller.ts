import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Endpoint } from '../../common/http/endpoint.decorator';
import { IdParam } from '../../common/validation/id-param.pipe';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import type { Principal } from '../../access/principal';
import { ResolveRunRequest, RunListQuery, SubmitRequestQuery } from './dto/runs.dto';
import { RunsService } from './runs.service';
import { RunDetailView, RunPage, RunView, StepPage } from './runs.views';

@ApiTags('provisioning')
@Controller('v1/provisioning')
export class RunsController {
  constructor(private readonly runs: RunsService) {}

  @Post('requests')
  @ApiConsumes('application/xml')
  @ApiBody({
    description: 'a request document (LANGUAGE.md): a simple `<call>` or, for hoster admins, a trusted `<procedure>` body',
    schema: { type: 'string' },
  })
  @Endpoint({
    permission: 'requests.submit',
    idempotent: true,
    summary: 'Submit a raw XML provisioning request; answers 202 with the queued run and its Location',
    description: 'The document is parsed safely, schema-validated and compiled before anything is stored: any problem answers 4xx and stores nothing.',
    status: 202,
    errors: [
      'VALIDATION_FAILED',
      'NOT_FOUND',
      'UNSUPPORTED_MEDIA_TYPE',
      'PAYLOAD_TOO_LARGE',
      'INVALID_ENCODING',
      'XML_TOO_LARGE',
      'XML_FORBIDDEN_CONSTRUCT',
      'XML_TOO_DEEP',
      'XML_MALFORMED',
      'XML_SCHEMA_VIOLATION',
      'REQUEST_CONTEXT_FORBIDDEN',
      'TRUSTED_REQUEST_FORBIDDEN',
      'REQUEST_INVALID',
      'NAMESPACE_UNKNOWN',
      'PROCEDURE_UNKNOWN',
      'PROCEDURE_NOT_PUBLIC',
      'REQUEST_DATA_INVALID',
      'REQUEST_TOO_MANY_STEPS',
      'NAMESPACE_NESTING_TOO_DEEP',
    ],
    response: { type: RunView, description: 'the queued run' },
  })
  async submit(
    @CurrentPrincipal() p: Principal,
    @Body() body: unknown,
    @Query() q: SubmitRequestQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RunView> {
    const run = await this.runs.submit(p, body, q);
    reply.header('Location', `/v1/provisioning/runs/${run.id}`);
    return run;
  }

  @Get('runs')
  @Endpoint({
    permission: 'runs.read',
    summary: 'List provisioning runs in your scope, newest first (filters: status, organization subtree, order, creation time)',
    errors: ['VALIDATION_FAILED', 'INVALID_CURSOR', 'NOT_FOUND'],
    readOnly: true,
    response: { type: RunPage },
  })
  list(@CurrentPrincipal() p: Principal, @Query() q: RunListQuery) {
    return this.runs.list(p, q);
  }

  @Get('runs/:id')
  @Endpoint({
    permission: 'runs.read',
    summary: 'One run: status, current step, error, the timeline of steps and rollbacks, and the response document',
    errors: ['RUN_NOT_FOUND', 'NOT_FOUND'],
    readOnly: true,
    response: { type: RunDetailView },
  })
  get(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string): Promise<RunDetailView> {
    return this.runs.get(p, id);
  }

  @Get('runs/:id/steps')
  @Endpoint({
    permission: 'runs.read',
    summary: 'The timeline of a run: every attempt of every step and rollback with path, engine, attempt, timings and error',
    errors: ['RUN_NOT_FOUND', 'NOT_FOUND'],
    readOnly: true,
    response: { type: StepPage },
  })
  async steps(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string) {
    return { items: await this.runs.steps(p, id) };
  }

  @Post('runs/:id/retry')
  @Endpoint({
    permission: 'runs.operate',
    summary: 'Retry a parked, failed or needs_attention run from its failed step',
    description:
      'A parked run resumes at the step that failed. A failed or needs_attention run was (partly) compensated, so it replays from the start: every procedure is idempotent, so what still exists is not created twice.',
    status: 200,
    errors: ['RUN_NOT_FOUND', 'NOT_FOUND', 'RUN_STATE_CONFLICT'],
    response: { type: RunView },
  })
  retry(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string) {
    return this.runs.retry(p, id);
  }

  @Post('runs/:id/rollback')
  @Endpoint({
    permission: 'runs.operate',
    summary: 'Compensate a parked, failed or needs_attention run (again): undo every completed write step not yet undone, newest first',
    status: 200,
    errors: ['RUN_NOT_FOUND', 'NOT_FOUND', 'RUN_STATE_CONFLICT'],
    response: { type: RunView },
  })
  rollback(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string) {
    return this.runs.rollback(p, id);
  }

  @Post('runs/:id/resolve')
  @Endpoint({
    permission: 'runs.operate',
    summary: 'Close a parked, failed or needs_attention run with a mandatory reason (audited); unblocks its serialization key',
    status: 200,
    errors: ['VALIDATION_FAILED', 'RUN_NOT_FOUND', 'NOT_FOUND', 'RUN_STATE_CONFLICT'],
    response: { type: RunView },
  })
  resolve(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string, @Body() body: ResolveRunRequest) {
    return this.runs.resolve(p, id, body.reason);
  }
}
