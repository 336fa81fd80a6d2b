import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendAuditEvent } from '../../../../audit/audit-writer';
import { ProblemError } from '../../../../common/errors/problem';
import { AppConfig } from '../../../../config/app-config';
import { inTransaction, sqlOf } from '../../../../database/sql';
import { AccessService } from '../../../../access/access.service';
import type { Principal } from '../../../../access/principal';
import { auditActorOf } from '../../../../audit/audit-actor';
import { type LabFaultConfigView, lockLabFaults, readLabFaults, replaceLabFaults } from '../lab-faults';
import { labRegisterDevice, type LabState, labState } from '../lab-state.store';
import type { LabDeviceSyncRequest, LabFaultsRequest } from './lab-faults.dto';

/** The lab's operator surface: a customer's platform state, and the fault configuration. */
@Injectable()
export class LabAdminService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: AppConfig,
    private readonly access: AccessService,
  ) {}

  /** With LAB_ENABLED=false the lab routes answer as if they did not exist. */
  private ensureEnabled() {
    if (!this.config.labEnabled) throw new ProblemError('ROUTE_NOT_FOUND', 'The lab provider is not enabled (LAB_ENABLED=false)');
  }

  async state(p: Principal, organizationId: string): Promise<LabState> {
    this.ensureEnabled();
    await this.access.requireOrganization(p, 'lab.read', organizationId);
    return labState(sqlOf(this.ds), organizationId);
  }

  /** A phone syncing with a mailbox: the device appears on the lab's mobility platform (audited as `lab.device_synced`). */
  async syncDevice(p: Principal, body: LabDeviceSyncRequest): Promise<LabState['mobilityDevices'][number]> {
    this.ensureEnabled();
    const org = await this.access.requireOrganization(p, 'lab.faults', body.organizationId);
    return inTransaction(this.ds, async (sql) => {
      if (!(await labRegisterDevice(sql, body))) {
        throw new ProblemError('VALIDATION_FAILED', `${body.alias} is not enabled for mobility on the lab`, {
          errors: [{ path: 'alias', message: 'not enabled for mobility' }],
        });
      }
      await appendAuditEvent(sql, auditActorOf(p), {
        action: 'lab.device_synced',
        resourceType: 'lab_device',
        resourceId: body.deviceId,
        organizationId: org.id,
        organizationPath: org.path,
        details: { alias: body.alias, deviceId: body.deviceId, model: body.model ?? null },
      });
      const device = (await labState(sql, org.id)).mobilityDevices.find((d) => d.alias === body.alias && d.id === body.deviceId);
      return device!;
    });
  }

  async faults(): Promise<LabFaultConfigView> {
    this.ensureEnabled();
    return readLabFaults(sqlOf(this.ds));
  }

  /** Replaces the configuration and audits before/after, in one transaction (audit last). */
  async replaceFaults(p: Principal, body: LabFaultsRequest): Promise<LabFaultConfigView> {
    this.ensureEnabled();
    return inTransaction(this.ds, async (sql) => {
      // Serializes concurrent replacements so each audited "before" is what it replaced.
      await lockLabFaults(sql);
      const before = await readLabFaults(sql);
      await replaceLabFaults(sql, {
        latencyMs: body.latencyMs ?? 0,
        jitterMs: body.jitterMs ?? 0,
        transientErrorRate: body.transientErrorRate ?? 0,
        permanentErrorRate: body.permanentErrorRate ?? 0,
        rules: (body.rules ?? []).map((r) => ({
          procedure: r.procedure,
          effect: r.effect,
          times: r.times,
          phase: r.phase ?? 'execute',
          organizationId: r.organizationId ?? null,
        })),
      });
      const after = await readLabFaults(sql);
      const summary = (v: LabFaultConfigView) => ({
        latencyMs: v.latencyMs,
        jitterMs: v.jitterMs,
        transientErrorRate: v.transientErrorRate,
        permanentErrorRate: v.permanentErrorRate,
        rules: v.rules.map(({ procedure, phase, effect, times, remaining, organizationId }) => ({
          procedure,
          phase,
          effect,
          times,
          remaining,
          organizationId,
        })),
      });
      await appendAuditEvent(sql, auditActorOf(p), {
        action: 'lab.faults_changed',
        resourceType: 'lab_faults',
        resourceId: 'lab',
        organizationId: p.userOrgId,
        details: { before: summary(before), after: summary(after) },
      });
      return after;
    });
  }
}
