import { withCrashPoints } from '../crash-point';
import { defineProvider, type NamespaceImplementation } from '../define-provider';
import type { ProbeResult, Provider } from '../provider';
import { PowerDnsClient, type PowerDnsClientSettings } from './powerdns-client';
import {
  type DnsDeps,
  addRecord,
  createZone,
  deleteZone,
  getZone,
  publishZone,
  removeRecord,
  rollbackAddRecord,
  rollbackCreateZone,
  rollbackDeleteZone,
  rollbackPublishZone,
  rollbackRemoveRecord,
  zonesOf,
} from './powerdns-procedures';
import type { ZoneSettings } from './powerdns-zones';

export type PowerDnsProviderSettings = PowerDnsClientSettings & ZoneSettings;

/**
 * The `powerdns` provider: the DNS namespace on PowerDNS Authoritative through its HTTP API.
 * Zones are created paused (a disabled SOA: PowerDNS serves no zone without one) and published
 * by enabling the SOA, so no partial zone is ever served. Connects on the first call.
 */
export function createPowerDnsProvider(settings: PowerDnsProviderSettings): Provider {
  const client = new PowerDnsClient(settings);
  const d: DnsDeps = { client, settings };
  const dns: NamespaceImplementation<'DNS'> = {
    CreateZone: { execute: (i, ctx) => createZone(d, i, ctx), rollback: (i, _data, ctx) => rollbackCreateZone(d, i, ctx) },
    PublishZone: {
      execute: (i, ctx) => publishZone(d, i, ctx),
      rollback: (i, data, ctx) => rollbackPublishZone(d, i, data as { published?: boolean } | undefined, ctx),
    },
    DeleteZone: { execute: (i, ctx) => deleteZone(d, i, ctx), rollback: (i, _data, ctx) => rollbackDeleteZone(d, i, ctx) },
    AddRecord: { execute: (i, ctx) => addRecord(d, i, ctx), rollback: (i, _data, ctx) => rollbackAddRecord(d, i, ctx) },
    RemoveRecord: { execute: (i, ctx) => removeRecord(d, i, ctx), rollback: (i, _data, ctx) => rollbackRemoveRecord(d, i, ctx) },
    GetZone: { execute: (i, ctx) => getZone(d, i, ctx) },
  };
  return withCrashPoints(
    defineProvider({
      name: 'powerdns',
      implementations: { DNS: dns },
      inventory: async (organizationId) => ({ zones: await zonesOf(d, organizationId) }),
      probe: () => probe(client, settings.apiUrl),
    }),
  );
}

async function probe(client: PowerDnsClient, url: string): Promise<ProbeResult> {
  try {
    await client.server();
    return { ok: true, detail: url };
  } catch (e) {
    return { ok: false, detail: `${url}: ${String((e as Error).message).slice(0, 160)}` };
  }
}
