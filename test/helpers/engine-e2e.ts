/**
 * Helpers for engine end-to-end tests: request documents, compiled runs, in-process engines with
 * the real lab provider and program machine, and engine child processes (`node dist/src/main.js
 * engine`) that tests kill with real signals.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Pool } from 'pg';
import { createRunHooks } from '../../src/app/run-hooks';
import { appendAuditEvent } from '../../src/audit/audit-writer';
import { sqlOfPg } from '../../src/database/sql';
import { newId } from '../../src/common/ids';
import { compileRequest } from '../../src/provisioning/language/compiler';
import { createMachine } from '../../src/provisioning/language/machine';
import { createLabProvider } from '../../src/provisioning/providers/lab';
import { type CreateRunInput, createRun } from '../../src/provisioning/engine/create-run';
import { Engine } from '../../src/provisioning/engine/engine';
import type { RunRow } from '../../src/provisioning/engine/run-row';
import { NamespaceRegistry } from '../../src/provisioning/namespaces/namespace-registry';
import { unique } from './unique';
import { waitFor } from './wait';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURE = fs.readFileSync(path.join(ROOT, 'test/fixtures/engine-onboard.xml'), 'utf8');

/** The onboarding request (OU, Exchange, accepted domain, 3 users with mailboxes, a site) for one organization. */
export function onboardXml(orgId: string, domain: string, opts: { onFailure?: 'rollback' | 'park' } = {}): string {
  let xml = FIXTURE.replaceAll('ORG_ID', orgId).replaceAll('DOMAIN', domain);
  if (opts.onFailure) xml = xml.replace('onFailure="rollback"', `onFailure="${opts.onFailure}"`);
  return xml;
}

/** A trusted request creating an OU and one directory user per alias. */
export function usersXml(orgId: string, domain: string, aliases: string[]): string {
  const users = aliases.map((a) => `<user alias="${a}" displayName="User ${a}"/>`).join('');
  return `<request xmlns="urn:provisio:request:1">
  <data><organization id="${orgId}" name="Org ${orgId}" domain="${domain}"/><users>${users}</users></data>
  <procedure>
    <execute namespace="Directory" procedure="CreateOrganization">
      <before source="data" sourcePath="organization" mode="insert"/>
    </execute>
    <forEach name="u" root="data" path="users/user">
      <execute namespace="Directory" procedure="CreateUser">
        <before source="data" sourcePath="organization/@id | organization/@domain" destinationPath="organization" mode="merge"/>
        <before source="u" mode="insert"/>
      </execute>
    </forEach>
  </procedure>
</request>`;
}

/** A unique domain per call, so runs of different tests never collide on the platform. */
export function uniqueDomain(prefix = 'c'): string {
  return `${unique(prefix)}.example`;
}

let signatures: Promise<NamespaceRegistry> | undefined;
/** The registry the API compiles with (leaf procedures known by their signatures), loaded once per test file. */
export function compilingRegistry(): Promise<NamespaceRegistry> {
  return (signatures ??= NamespaceRegistry.load([]));
}

/**
 * Compiles a trusted request (as the raw request route does) and inserts its run; the run is filed
 * under its organization's path (read here) as the API files it.
 */
export async function submitXml(pool: Pool, xml: string, opts: Omit<CreateRunInput, 'compiled'> = {}): Promise<RunRow> {
  const registry = await compilingRegistry();
  const id = opts.id ?? newId('run');
  const compiled = compileRequest(xml, { registry, context: { request: id, organization: opts.organizationId ?? null }, allowTrusted: true });
  let organizationPath = opts.organizationPath;
  if (opts.organizationId && organizationPath === undefined) {
    organizationPath = (await pool.query<{ path: string }>(`SELECT path FROM organizations WHERE id = $1`, [opts.organizationId])).rows[0]?.path ?? null;
  }
  return createRun(sqlOfPg(pool), { ...opts, organizationPath, id, compiled });
}

/** An engine in this process with the real lab provider and program machine. */
export async function startInProcessEngine(
  databaseUrl: string,
  opts: { capacity?: number; ttlMs?: number; pollMs?: number } = {},
): Promise<{ engine: Engine; stop(): Promise<void> }> {
  const pool = new Pool({ connectionString: databaseUrl, max: (opts.capacity ?? 8) * 2 + 4 });
  const registry = await NamespaceRegistry.load([createLabProvider(pool)]);
  const engine = new Engine({
    pool,
    resolver: registry,
    createMachine,
    hooks: createRunHooks(),
    audit: appendAuditEvent,
    capacity: opts.capacity ?? 8,
    leaseTtlMs: opts.ttlMs ?? 1000,
    pollIntervalMs: opts.pollMs ?? 200,
  });
  await engine.start();
  let stopped: Promise<void> | undefined;
  return { engine, stop: () => (stopped ??= engine.stop().then(() => pool.end())) };
}

export interface EngineProcess {
  child: ChildProcess;
  pid: number;
  /** Lines the process printed (pino JSON). */
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The engines row id, once registered. */
  engineId(): Promise<string>;
}

/** `node dist/src/main.js engine` on the given database, with a short lease. */
export function spawnEngine(databaseUrl: string, env: Record<string, string> = {}): EngineProcess {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/src/main.js'), 'engine'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      ENGINE_LEASE_TTL: '1s',
      ENGINE_POLL_INTERVAL: '200ms',
      ENGINE_CONCURRENCY: '8',
      LOG_LEVEL: process.env.PROVISIO_TEST_LOG ?? 'info',
      PROVISIO_ROLE: 'engine',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) output.push(line);
    if (output.length > 5000) output.splice(0, output.length - 5000);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const engineId = () =>
    waitFor(
      async () => {
        for (const line of output) {
          try {
            const j = JSON.parse(line);
            if (j.engineId && j.msg === 'engine process ready') return j.engineId as string;
          } catch {
            /* not JSON */
          }
        }
        return undefined;
      },
      `engine pid ${child.pid} to register`,
      30_000,
    );
  return { child, pid: child.pid!, output, exited, engineId };
}

/** Kills what is left of spawned engines (SIGCONT first, in case a test stopped one). */
export async function killAll(engines: EngineProcess[]) {
  await Promise.all(
    engines.map(async (e) => {
      if (e.child.exitCode !== null || e.child.signalCode !== null) return;
      try {
        process.kill(e.pid, 'SIGCONT');
        process.kill(e.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
      await e.exited;
    }),
  );
}
