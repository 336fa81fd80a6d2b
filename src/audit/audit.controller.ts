import { Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { clock } from '../common/clock';
import { Endpoint } from '../common/http/endpoint.decorator';
import { rootLogger } from '../common/logging/logger';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import type { Principal } from '../access/principal';
import { AuditService } from './audit.service';
import { AuditEventPage, CheckpointPage, CheckpointView, VerifyView } from './audit.views';
import { AuditCheckpointsService } from './checkpoints.service';
import { AuditExportQuery, AuditListQuery, CheckpointListQuery, VerifyQuery } from './dto/audit.dto';

@ApiTags('audit')
@Controller('v1/audit')
export class AuditController {
  private readonly log = rootLogger().child({ component: 'audit-export' });

  constructor(
    private readonly audit: AuditService,
    private readonly checkpoints: AuditCheckpointsService,
  ) {}

  @Get('events')
  @Endpoint({
    permission: 'audit.read',
    summary: 'Audit events in your scope, newest first (filters, keyset cursor stable under concurrent inserts)',
    description:
      'An auditor sees the events of its organization and everything under it (including what a reseller did there with a delegated token: `onBehalfOfOrgId` is set); hoster auditors see the whole installation.',
    errors: ['VALIDATION_FAILED', 'INVALID_CURSOR', 'NOT_FOUND', 'AUDIT_INVALID_RANGE'],
    response: { type: AuditEventPage },
  })
  list(@CurrentPrincipal() p: Principal, @Query() q: AuditListQuery) {
    return this.audit.list(p, q);
  }

  @Get('events/export')
  @ApiProduces('application/x-ndjson', 'text/csv')
  @Endpoint({
    permission: 'audit.read',
    summary: 'Stream every matching event as NDJSON (verifiable offline) or CSV',
    description:
      'Same filters and scope as the list, oldest first by default, up to the chain head when the export started. Each NDJSON line has `seq`, `prevHash`, `hash` and every hashed field: `provisio audit verify --file export.ndjson --public-key key.pem --checkpoints checkpoints.json` checks it without the server. Streamed from the database in batches with back-pressure.',
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'AUDIT_INVALID_RANGE'],
    response: { textTypes: ['application/x-ndjson', 'text/csv'] },
  })
  async export(@CurrentPrincipal() p: Principal, @Query() q: AuditExportQuery, @Res() reply: FastifyReply): Promise<void> {
    const { stream, format, headSeq } = await this.audit.export(p, q);
    const stamp = clock.now().toISOString().replace(/[:.]/g, '-');
    stream.on('error', (err) => this.log.error({ err }, 'audit export aborted'));
    reply
      .header('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="audit-${stamp}.${format === 'csv' ? 'csv' : 'ndjson'}"`)
      .header('Cache-Control', 'no-store')
      .header('X-Audit-Head-Seq', String(headSeq));
    await reply.send(stream);
  }

  @Get('verify')
  @Endpoint({
    permission: 'audit.read',
    summary: 'Re-walk the hash chain (and the signed checkpoints in range) and report the first break',
    description:
      'Hoster auditors and hoster admins only (403 `AUDIT_VERIFY_NOT_ALLOWED` for others): the chain is one for the whole installation. `firstBreak.reason`: `hash_mismatch` (a row was edited), `missing_sequence` (a row was deleted), `broken_link` (rows re-ordered or re-hashed), `checkpoint_mismatch` (the chain no longer matches what was signed).',
    errors: ['VALIDATION_FAILED', 'AUDIT_VERIFY_NOT_ALLOWED', 'AUDIT_INVALID_RANGE'],
    response: { type: VerifyView },
  })
  verify(@CurrentPrincipal() p: Principal, @Query() q: VerifyQuery) {
    return this.audit.verify(p, q);
  }

  @Get('checkpoints')
  @Endpoint({
    permission: 'audit.read',
    summary: 'Signed checkpoints of the chain, newest first, with the public key to verify them offline',
    errors: ['VALIDATION_FAILED', 'INVALID_CURSOR'],
    response: { type: CheckpointPage },
  })
  listCheckpoints(@Query() q: CheckpointListQuery) {
    return this.checkpoints.list(q);
  }

  @Post('checkpoints')
  @ApiResponse({ status: 200, description: 'nothing happened since the latest checkpoint: that one', type: CheckpointView })
  @Endpoint({
    permission: 'audit.checkpoint',
    summary: 'Sign a checkpoint of the chain head now (201), or return the latest when nothing happened since (200)',
    errors: ['AUDIT_CHAIN_EMPTY'],
    status: 201,
    response: { type: CheckpointView },
  })
  async createCheckpoint(@CurrentPrincipal() p: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    const { created, checkpoint } = await this.checkpoints.createManual(p);
    if (!created) reply.status(200);
    return checkpoint;
  }
}
