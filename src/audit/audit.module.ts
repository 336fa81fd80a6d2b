import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditSealer } from './audit-sealer.service';
import { AuditService } from './audit.service';
import { AuditCheckpointer } from './checkpointer';
import { AuditCheckpointsService, AuditSigner } from './checkpoints.service';

/**
 * The auditor's view: query, export, verify, signed checkpoints, and the periodic checkpointer
 * (which therefore runs in every API process, `serve` and `all`, coordinated by an advisory lock).
 */
@Module({
  controllers: [AuditController],
  providers: [AuditSealer, AuditService, AuditSigner, AuditCheckpointsService, AuditCheckpointer],
  exports: [AuditService, AuditCheckpointsService, AuditSealer],
})
export class AuditModule {}
