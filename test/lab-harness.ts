import { Pool } from 'pg';
import { newId } from '../src/common/ids';
import { sqlOfPg, type Sql } from '../src/database/sql';
import type { ExecuteResult, LeafProcedure, ProcedureContext, Provider } from '../src/provisioning/providers/provider';
import type { ProviderError } from '../src/provisioning/providers/provider';
import { createLabProvider, type LabProviderOptions } from '../src/provisioning/providers/lab';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { providerFailure } from './helpers/provider-failure';

/** A lab provider on a test database of its own, called the way an engine calls it. */
export interface LabHarness {
  db: TestDatabase;
  pool: Pool;
  sql: Sql;
  provider: Provider;
  proc(id: string): LeafProcedure;
  /** parseInput + execute, as the engine does. */
  exec(id: string, raw: Record<string, unknown>, ctx?: Partial<ProcedureContext>): Promise<ExecuteResult>;
  rollback(id: string, raw: Record<string, unknown>, data: unknown, ctx?: Partial<ProcedureContext>): Promise<void>;
  /** The ProviderError a call fails with (fails the test if it succeeds). */
  failure(p: Promise<unknown>): Promise<ProviderError>;
  ctx(over?: Partial<ProcedureContext>): ProcedureContext;
  close(): Promise<void>;
}

export async function startLab(opts: LabProviderOptions = {}, poolSize = 10): Promise<LabHarness> {
  const db = await createTestDatabase();
  const pool = new Pool({ connectionString: db.url, max: poolSize });
  const provider = createLabProvider(pool, opts);
  const byId = new Map(provider.procedures.map((p) => [`${p.namespace}.${p.name}`, p]));
  const defaultRun = newId('run');
  const ctx = (over: Partial<ProcedureContext> = {}): ProcedureContext => ({
    runId: defaultRun,
    stepSeq: 1,
    attempt: 1,
    engineId: 'eng_test',
    organizationId: null,
    ...over,
  });
  const proc = (id: string) => {
    const p = byId.get(id);
    if (!p) throw new Error(`no lab procedure ${id}`);
    return p;
  };
  return {
    db,
    pool,
    sql: sqlOfPg(pool),
    provider,
    proc,
    ctx,
    exec: (id, raw, c) => {
      const p = proc(id);
      return p.execute(p.parseInput(raw), ctx(c));
    },
    rollback: (id, raw, data, c) => {
      const p = proc(id);
      return p.rollback!(p.parseInput(raw), data, ctx(c));
    },
    failure: providerFailure,
    close: async () => {
      await pool.end();
      await db.drop();
    },
  };
}

/** Inputs of a small customer, as composite namespaces build them. */
export function customer(id: string, domain: string) {
  const organization = { id, name: `Customer ${id}`, domain };
  return {
    organization,
    ou: { organization },
    user: (alias: string, extra: Record<string, string> = {}) => ({
      organization,
      user: { alias, displayName: `${alias} of ${id}`, mailboxSizeMb: '2048', ...extra },
    }),
    zone: { organization, zone: { name: domain } },
    record: (name: string, type: string, value: string, extra: Record<string, string> = {}) => ({
      zone: { name: domain },
      record: { name, type, value, ...extra },
    }),
  };
}

/** OU, Exchange organization and accepted domain: what a mailbox needs. */
export async function provisionMailOrganization(lab: LabHarness, c: ReturnType<typeof customer>, ctx?: Partial<ProcedureContext>) {
  await lab.exec('Directory.CreateOrganization', c.ou, ctx);
  await lab.exec('Exchange.EnableOrganization', c.ou, ctx);
  await lab.exec('Exchange.AddAcceptedDomain', c.ou, ctx);
}
