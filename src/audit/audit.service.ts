import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { Principal } from '../access/principal';
import { auditScope, seesWholeInstallation } from '../access/scope-rules';
import { ProblemError } from '../common/errors/problem';
import { decodeCursor, type Page, toPage } from '../common/pagination/cursor';
import { pgPoolOf, type Sql, sqlOf, sqlOfPg } from '../database/sql';
import { chainHead } from './audit-events.store';
import { AuditExportStream } from './audit-export';
import { type AuditSelection, auditWhere, exportBatch, type ExportFormat, exportFormat, findSeqRange, listAuditEvents } from './audit-query.store';
import { AuditSealer } from './audit-sealer.service';
import { type AuditEventView, auditEventView, type VerifyView } from './audit.views';
import { verifyAuditChain } from './chain-walk';
import type { AuditExportQuery, AuditFilterQuery, AuditListQuery, VerifyQuery } from './dto/audit.dto';

/**
 * Rows per export batch. Measured on a fresh API process streaming 100,000 events (76 MB): with
 * 100 the RSS plateaus about 35 MB above idle; bigger batches mean bigger strings and buffers per
 * round trip (200: +43 MB, 1000: +50 MB), smaller ones more round trips for no gain.
 */
const EXPORT_BATCH = 100;

@Injectable()
export class AuditService {
  /**
   * Long streaming reads go to the bare pg pool: TypeORM's query path keeps each result alive
   * long enough for V8 to promote it, so a long export grew the heap linearly (see pgPoolOf).
   */
  private readonly pool: Sql;
  private readonly sql: Sql;

  constructor(
    ds: DataSource,
    private readonly access: AccessService,
    private readonly sealer: AuditSealer,
  ) {
    this.pool = sqlOfPg(pgPoolOf(ds));
    this.sql = sqlOf(ds);
  }

  /**
   * The principal's visibility plus the request's filters. An auditor sees its organization's
   * subtree (`auditScope`, on organization_path); hoster-level auditors see everything,
   * including events that concern no organization. `organization=` must itself be in scope
   * (404 otherwise, like any other tenant's id).
   */
  private async selection(p: Principal, f: AuditFilterQuery, order: 'asc' | 'desc'): Promise<AuditSelection> {
    if (f.from && f.to && Date.parse(f.from) >= Date.parse(f.to)) {
      throw new ProblemError('AUDIT_INVALID_RANGE', '`from` must be before `to`', { errors: [{ path: 'from', message: 'must be before to' }] });
    }
    const subtreePath = f.organization ? (await this.access.requireOrganization(p, 'audit.read', f.organization)).path : undefined;
    const seqRange = await findSeqRange(this.pool, f, order);
    return { scope: auditScope(p), filters: f, subtreePath, seqRange };
  }

  async list(p: Principal, q: AuditListQuery): Promise<Page<AuditEventView>> {
    const limit = q.limit ?? 50;
    const order = q.order ?? 'desc';
    const cursor = decodeCursor(q.cursor, 1);
    if (cursor && (typeof cursor[0] !== 'number' || !Number.isSafeInteger(cursor[0]))) throw new ProblemError('INVALID_CURSOR');
    await this.sealer.sealNow();
    const rows = await listAuditEvents(this.sql, await this.selection(p, q, order), { order, after: cursor?.[0] as number | undefined, limit: limit + 1 });
    return toPage(rows, limit, (r) => [Number(r.seq)], auditEventView);
  }

  /**
   * A stream of every matching event, oldest first by default, up to the chain head at the time
   * the export started (so it is a consistent snapshot even while events keep arriving). The
   * first batch is read before answering, so a bad filter or a database error is still a proper
   * problem response; after that, errors abort the stream.
   */
  async export(p: Principal, q: AuditExportQuery): Promise<{ stream: AuditExportStream; format: ExportFormat; headSeq: number }> {
    const format = q.format ?? 'ndjson';
    const order = q.order ?? 'asc';
    await this.sealer.sealNow();
    const where = auditWhere(await this.selection(p, q, order));
    const headSeq = (await chainHead(this.sql)).seq;
    const fetch = (after: number | undefined) => exportBatch(this.pool, where, { format, order, after, upTo: headSeq, limit: EXPORT_BATCH });
    const firstBatch = await fetch(undefined);
    const stream = new AuditExportStream(fetch, EXPORT_BATCH, { header: exportFormat(format).header, firstBatch });
    return { stream, format, headSeq };
  }

  /**
   * Chain verification is about the whole installation (one chain across every tenant), so only
   * principals who see the whole installation may run it: hoster auditors and hoster admins. A
   * lower auditor would learn other tenants' activity (event counts, where breaks are) and could
   * make the server walk millions of rows it may not read; it relies instead on the signed
   * checkpoints, which it can read and verify offline.
   */
  async verify(p: Principal, q: VerifyQuery): Promise<VerifyView> {
    if (!seesWholeInstallation(p)) {
      await this.access.recordDenied(p, 'audit.read', 'audit_chain', ['verify'], 'hoster_only');
      throw new ProblemError('AUDIT_VERIFY_NOT_ALLOWED');
    }
    if (q.fromSeq !== undefined && q.toSeq !== undefined && q.fromSeq > q.toSeq) {
      throw new ProblemError('AUDIT_INVALID_RANGE', '`fromSeq` must not be after `toSeq`', {
        errors: [{ path: 'fromSeq', message: 'must not be after toSeq' }],
      });
    }
    await this.sealer.sealNow();
    return verifyAuditChain(this.pool, { fromSeq: q.fromSeq, toSeq: q.toSeq });
  }
}
