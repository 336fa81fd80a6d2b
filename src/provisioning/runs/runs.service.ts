import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendAuditEvent } from '../../audit/audit-writer';
import { ProblemError } from '../../common/errors/problem';
import { newId } from '../../common/ids';
import { decodeCursor, type Page, pageLimit, toPage } from '../../common/pagination/cursor';
import { inTransaction, type Sql, sqlOf } from '../../database/sql';
import { AccessService } from '../../access/access.service';
import { maySubmitTrustedRequests } from '../../access/identity-rules';
import type { Permission } from '../../access/permissions';
import type { Principal } from '../../access/principal';
import { auditActorOf } from '../../audit/audit-actor';
import { compileRequest } from '../language/compiler';
import { NamespaceRegistry } from '../namespaces/namespace-registry';
import { createRun } from '../engine/create-run';
import { RunHookRegistry } from '../engine/run-hooks';
import type { RunListQuery, SubmitRequestQuery } from './dto/runs.dto';
import { cancelQueuedRun, resolveRun, retryRun, rollbackRun } from './run-actions';
import { nextCall, runTimeline } from './run-progress';
import { findRunInScope, findRuns, findRunView, RUN_SCOPE_COLUMNS, type ScopedRunRecord } from './runs.store';
import { type RunDetailView, type RunView, runViewOf, type StepView } from './runs.views';

export { nextCall } from './run-progress';

/**
 * Runs for the operator API: scoped reads (a run outside the caller's scope is a 404, like a
 * missing one), the operator actions, and raw request submission.
 */
@Injectable()
export class RunsService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly registry: NamespaceRegistry,
    /** Operator actions change run statuses in this process: other modules' hooks must see them. */
    private readonly hooks: RunHookRegistry,
  ) {}

  async list(p: Principal, q: RunListQuery): Promise<Page<RunView>> {
    const limit = pageLimit(q);
    const scope = this.access.scope(p, 'runs.read', RUN_SCOPE_COLUMNS);
    const org = q.organization ? await this.access.requireOrganization(p, 'runs.read', q.organization) : undefined;
    const cursor = decodeCursor(q.cursor, ['int']);
    const rows = await findRuns(sqlOf(this.ds), scope, {
      status: q.status,
      subtreeOf: org?.path,
      orderId: q.order,
      createdFrom: q.createdFrom,
      createdTo: q.createdTo,
      beforeSeq: cursor ? Number(cursor[0]) : undefined,
      limit: limit + 1,
    });
    return toPage(rows, limit, (r) => [Number(r.seq)], runViewOf);
  }

  async get(p: Principal, id: string): Promise<RunDetailView> {
    const row = await this.scoped(sqlOf(this.ds), p, id, 'runs.read', true);
    const steps = await this.steps(p, id, row);
    const view = runViewOf(row);
    if (row.program && row.state) view.currentStep = nextCall(row.program, row.state) ?? view.currentStep;
    return { ...view, steps, responseXml: row.response_xml ?? null };
  }

  async steps(p: Principal, id: string, loaded?: ScopedRunRecord): Promise<StepView[]> {
    if (!loaded) await this.scoped(sqlOf(this.ds), p, id, 'runs.read');
    return runTimeline(sqlOf(this.ds), id);
  }

  retry(p: Principal, id: string): Promise<RunView> {
    return this.act(p, id, (sql) => retryRun(sql, id, auditActorOf(p), { hooks: this.hooks }));
  }

  rollback(p: Principal, id: string): Promise<RunView> {
    return this.act(p, id, (sql) => rollbackRun(sql, id, auditActorOf(p), { hooks: this.hooks }));
  }

  resolve(p: Principal, id: string, reason: string): Promise<RunView> {
    return this.act(p, id, (sql) => resolveRun(sql, id, auditActorOf(p), reason, { hooks: this.hooks, userId: p.userId }));
  }

  cancel(p: Principal, id: string, reason: string | null): Promise<RunView> {
    return this.act(p, id, (sql) => cancelQueuedRun(sql, id, auditActorOf(p), reason, { hooks: this.hooks }));
  }

  /**
   * POST /v1/provisioning/requests: compile first (any 4xx leaves nothing behind), then store the
   * run and its audit event in one transaction. With `?organization=` the run belongs to that
   * organization (providers are told so). Without it the run belongs to no customer, but is
   * filed under the submitter's organization path, so the hoster's auditors see it.
   */
  async submit(p: Principal, xml: unknown, q: SubmitRequestQuery): Promise<RunView> {
    if (typeof xml !== 'string') throw new ProblemError('UNSUPPORTED_MEDIA_TYPE', 'Send the request document as application/xml');
    const org = q.organization ? await this.access.requireOrganization(p, 'requests.submit', q.organization) : undefined;
    const registry = this.registry;
    const runId = newId('run');
    const compiled = compileRequest(xml, {
      registry,
      context: { actor: p.userId, organization: org?.id ?? null, onBehalfOf: p.delegationId ? p.subjectOrgId : null, request: runId },
      allowTrusted: maySubmitTrustedRequests(p),
    });
    await inTransaction(this.ds, async (sql) => {
      const run = await createRun(sql, {
        compiled,
        id: runId,
        organizationId: org?.id ?? null,
        organizationPath: org?.path ?? p.subjectOrgPath,
        serializationKey: q.serializationKey ?? null,
        priority: q.priority,
        createdBy: p,
      });
      await appendAuditEvent(sql, auditActorOf(p), {
        action: 'run.submitted',
        resourceType: 'provisioning_run',
        resourceId: run.id,
        organizationId: org?.id ?? p.subjectOrgId,
        organizationPath: org?.path ?? p.subjectOrgPath,
        details: {
          kind: compiled.kind,
          steps: compiled.program.callCount,
          onFailure: compiled.program.onFailure,
          serializationKey: run.serializationKey,
          priority: run.priority,
        },
      });
    });
    return runViewOf((await findRunView(sqlOf(this.ds), runId))!);
  }

  /**
   * An operator action in one transaction, on a run in the caller's `runs.operate` scope. The
   * answer is the run as the action left it (read in the same transaction: an engine may claim
   * it the moment it commits).
   */
  private async act(p: Principal, id: string, fn: (sql: Sql) => Promise<unknown>): Promise<RunView> {
    return inTransaction(this.ds, async (sql) => {
      await this.scoped(sql, p, id, 'runs.operate');
      await fn(sql);
      return runViewOf((await findRunView(sql, id))!);
    });
  }

  /** Loads a run the principal may see with `permission`; missing or out of scope → 404 (the latter audited). */
  private async scoped(sql: Sql, p: Principal, id: string, permission: Permission, detail = false): Promise<ScopedRunRecord> {
    const row = await findRunInScope(sql, this.access.scope(p, permission, RUN_SCOPE_COLUMNS), id, detail);
    if (!row) throw new ProblemError('RUN_NOT_FOUND', `Run ${id} not found`);
    if (!row.in_scope) {
      await this.access.recordDenied(p, permission, 'provisioning_run', [id]);
      throw new ProblemError('RUN_NOT_FOUND', `Run ${id} not found`);
    }
    return row;
  }
}
