import fs from 'node:fs';
import { DataSource } from 'typeorm';
import { seedCatalog } from '../../src/catalog/catalog-seed';
import { type TestApp, startTestApp } from '../helpers/app';
import { type EngineProcess, killAll, spawnEngine } from '../helpers/engine-e2e';
import { waitFor } from '../helpers/wait';
import { type Actor, bootstrapHoster, createCustomer } from '../helpers/identity';
import type { PlatformService } from '../../scripts/platform/service';
import { type PlatformHarness, startPlatformHarness } from './platform-harness';

/**
 * Provisio (API and engine processes) against real servers: the directory on slapd and DNS on
 * PowerDNS, everything else on the lab, orders placed over HTTP as a customer would.
 */
export interface PlatformWorld {
  h: PlatformHarness;
  t: TestApp;
  hoster: Actor;
  engines: EngineProcess[];
  /** A new customer of the hoster with its admin. */
  customer(): Promise<Actor>;
  /** Places an order as `token` and waits until it ends. */
  order(token: string, body: Record<string, unknown>): Promise<{ id: string; status: string; runId: string; errorContext: unknown; body: any }>;
  /** More engines (e.g. with crash points), on the same database and platform. */
  spawn(env?: Record<string, string>): Promise<EngineProcess>;
  close(): Promise<void>;
}

export async function startPlatformWorld(
  opts: { engines?: number; engineEnv?: Record<string, string>; services?: PlatformService[] } = {},
): Promise<PlatformWorld> {
  const h = await startPlatformHarness(opts.services);
  const t = await startTestApp({ env: h.env });
  const hoster = await bootstrapHoster(t);
  await seedCatalog(t.app.get(DataSource));
  const engines: EngineProcess[] = [];
  const spawn = async (env: Record<string, string> = {}) => {
    const e = spawnEngine(t.db.url, { ...h.env, ...env });
    engines.push(e);
    await e.engineId();
    return e;
  };
  for (let i = 0; i < (opts.engines ?? 2); i++) await spawn(opts.engineEnv);
  return {
    h,
    t,
    hoster,
    engines,
    customer: () => createCustomer(t, hoster.token, { parentId: hoster.orgId }),
    async order(token, body) {
      const placed = await t.post('/v1/orders', body, { token });
      if (placed.status !== 202) throw new Error(`order refused: ${placed.status} ${JSON.stringify(placed.body)}`);
      const done = await waitFor(
        async () => {
          const r = await t.get(`/v1/orders/${placed.body.id}?wait=30`, { token });
          return ['completed', 'failed', 'needs_attention', 'cancelled'].includes(r.body.status) ? r.body : undefined;
        },
        `order ${placed.body.id} to end`,
        170_000,
      );
      return { id: done.id, status: done.status, runId: done.runId, errorContext: done.errorContext, body: done };
    },
    spawn,
    close: async () => {
      await killAll(engines);
      await t.close();
      await h.close();
    },
  };
}

/** Appends to PROVISIO_TEST_TRANSCRIPT (when set) what the servers' own tools show, for the record. */
export function transcript(title: string, text: string): void {
  const file = process.env.PROVISIO_TEST_TRANSCRIPT;
  if (file) fs.appendFileSync(file, `\n### ${title}\n${text.trimEnd()}\n`);
}

export const THREE_USERS = [
  { alias: 'ann', displayName: 'Ann Lee', userPlan: 'mobile-mailbox' },
  { alias: 'bob', displayName: 'Bob Ray', userPlan: 'standard-mailbox' },
  { alias: 'cy', displayName: 'Cy Young', userPlan: 'standard-mailbox' },
];

/** DNs of the entries below ou=Hosting that belong to an organization (its OU, users, groups). */
export function entriesOf(h: PlatformHarness, organizationId: string): string[] {
  return h
    .ldapsearch(`(|(provisioOrganizationId=${organizationId})(ou=${organizationId}))`, ['1.1'])
    .split('\n')
    .filter((l) => l.startsWith('dn: '))
    .map((l) => l.slice(4))
    .sort();
}
