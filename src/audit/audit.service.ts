import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { ProblemError } from '../common/errors/problem';
import { decodeCursor, type Page, toPage } from '../common/pagination/cursor';
import { pgPoolOf, sqlOfPg, queryRows } from '../database/sql';
import { AccessService } from '../access/access.service';
import { auditScope, seesWholeInstallation } from '../access/scope-rules';
import type { Principal } from '../access/principal';
import { AuditExportStream, batchQuery, type ExportBatch, type ExportFormat, exportFormat } from './audit-export';
import { type AuditWhere, buildAuditWhere, pageQuery, type SeqRange, seqRangeQuery } from './audit-query';
import { type AuditEventView, auditEventView, type VerifyView } from './audit.views';
import { verifyAuditChain } from './chain-walk';
import { AuditSealer } from './audit-sealer.service';
import type { AuditExportQuery, AuditFilterQuery, AuditListQuery, VerifyQuery } from './dto/audit.dto';

/**
 * Rows per export batch. Measured on a fresh API process streaming 100,000 events (76 MB): with
 * 100 the RSS plateaus about 35 MB above idle; bigger batches mean bigger strings and buffers per
 * round trip (200: +43 MB, 1000: +50 MB), smaller ones more round trips for no gain.
 */
export const EXPORT_BATCH = 100;

export { pgPoolOf };

@Injectable()
export class AuditService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly sealer: AuditSealer,
  ) {}

  /**
   * The principal's visibility plus the request's filters. An auditor sees its organization's
   * subtree (`auditScope`, on organization_path); hoster-level auditors see everything,
   * including events that concern no organization. `organization=` must itself be in scope
   * (404 otherwise, like any other tenant's id).
   */
  private async where(p: Principal, f: AuditFilterQuery, order: 'asc' | 'desc'): Promise<AuditWhere> {
    if (f.from && f.to && Date.parse(f.from) >= Date.parse(f.to)) {
      throw new ProblemError('AUDIT_INVALID_RANGE', '`from` must be before `to`', { errors: [{ path: 'from', message: 'must be before to' }] });
    }
    let subtree: string | undefined;
    if (f.organization) subtree = (await this.access.requireOrganization(p, 'audit.read', f.organization)).path;
    let range: SeqRange | null | undefined;
    const rq = seqRangeQuery(f, order);
    if (rq) {
      const r = (await pgPoolOf(this.ds).query(rq.text, rq.params)).rows[0];
      range = r.lo === null ? null : { lo: Number(r.lo), hi: Number(r.hi) };
    }
    return buildAuditWhere(auditScope(p), f, subtree, range);
  }

  async list(p: Principal, q: AuditListQuery): Promise<Page<AuditEventView>> {
    const limit = q.limit ?? 50;
    const order = q.order ?? 'desc';
    const cursor = decodeCursor(q.cursor, 1);
    if (cursor && (typeof cursor[0] !== 'number' || !Number.isSafeInteger(cursor[0]))) throw new ProblemError('INVALID_CURSOR');
    await this.sealer.sealNow();
    const base = await this.where(p, q, order);
    const { text, params } = pageQuery(base, { order, after: cursor?.[0] as number | undefined, limit: limit + 1 });
    const rows: any[] = await queryRows(this.ds, text, params);
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
    const base = await this.where(p, q, order);
    const rendering = exportFormat(format);
    const headSeq = Number((await queryRows(this.ds, 'SELECT seq FROM audit_chain_head WHERE id = 1'))[0]?.seq ?? 0);
    const pool = pgPoolOf(this.ds);
    const fetch = async (after: number | undefined): Promise<ExportBatch> => {
      const { text, params } = pageQuery(base, { order, after, upTo: headSeq, limit: EXPORT_BATCH, select: rendering.select });
      const [r] = (await pool.query(batchQuery(text, order, rendering.eol), params)).rows;
      return { count: r.n, lastSeq: r.last === null ? null : Number(r.last), data: r.data ?? '' };
    };
    const firstBatch = await fetch(undefined);
    const stream = new AuditExportStream(fetch, EXPORT_BATCH, { header: rendering.header, firstBatch });
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
      throw new ProblemError('AUDIT_INVALID_RANGE', '`fromSeq` must not be after `toSeq`', { errors: [{ path: 'fromSeq', message: 'must not be after toSeq' }] });
    }
    await this.sealer.sealNow();
    return verifyAuditChain(sqlOfPg(pgPoolOf(this.ds)), { fromSeq: q.fromSeq, toSeq: q.toSeq });
  }
}
