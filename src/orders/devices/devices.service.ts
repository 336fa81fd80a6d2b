import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../../access/access.service';
import type { Principal } from '../../access/principal';
import { ProblemError } from '../../common/errors/problem';
import { sqlOf } from '../../database/sql';
import { ProviderError } from '../../provisioning/providers/provider';
import { ProviderSet } from '../../provisioning/providers/provider-set';
import { findCustomerUser } from '../inventory.store';
import type { DeviceList, DeviceView } from './devices.views';

const ALIAS = /^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$/;

/** A platform failure of a direct read, as the API answers it. */
function readProblem(e: unknown, alias: string): unknown {
  if (!(e instanceof ProviderError)) return e;
  if (e.retryable) return new ProblemError('SERVICE_UNAVAILABLE', `The mobility platform did not answer: ${e.message}`, {}, { 'Retry-After': '5' });
  if (e.code.endsWith('_NOT_FOUND')) return new ProblemError('ACTIVESYNC_NOT_ENABLED', `${alias} has no ActiveSync on the platform yet`, { alias });
  return new ProblemError('PLATFORM_ERROR', `The mobility platform refused the read (${e.code})`, { platformCode: e.code });
}

/**
 * A user's mobile devices, read from the platform that serves Mobility (nothing is journaled:
 * a read). Wiping one is an order (`wipe_device`), so it is audited, idempotent and retried like
 * every other change.
 */
@Injectable()
export class DevicesService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly providers: ProviderSet,
  ) {}

  async list(p: Principal, organizationId: string, alias: string): Promise<DeviceList> {
    const org = await this.access.requireOrganization(p, 'orders.read', organizationId);
    const user = ALIAS.test(alias) ? await findCustomerUser(sqlOf(this.ds), { organizationId: org.id }, alias) : undefined;
    if (!user || user.state === 'pending') throw new ProblemError('NOT_FOUND', `${org.name} has no user ${alias}`);
    if (!user.settings.activesync) throw new ProblemError('ACTIVESYNC_NOT_ENABLED', `${user.alias} has no ActiveSync, so no devices`, { alias: user.alias });
    let out: Record<string, unknown>;
    try {
      out = await this.providers.read('Mobility.GetDevices', { organization: { id: org.id }, user: { alias: user.alias } }, { organizationId: org.id });
    } catch (e) {
      throw readProblem(e, user.alias);
    }
    return { organizationId: org.id, alias: user.alias, items: (out.devices ?? []) as DeviceView[] };
  }
}
