import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Pool } from 'pg';
import { createApp } from '../../src/app/app.factory';
import { type AppConfig, loadConfig } from '../../src/config/app-config';
import { ContractChecker, reportMismatches } from './contract';
import { createTestDatabase, type TestDatabase } from './database';

export interface TestResponse<T = any> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  /** Sent as is (string or Buffer) with `contentType`. */
  raw?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
}

export interface TestApp {
  app: NestFastifyApplication;
  db: TestDatabase;
  config: AppConfig;
  /** Superuser pool on the test database, for assertions on stored state. */
  pool: Pool;
  dataDir: string;
  request<T = any>(method: string, url: string, opts?: RequestOptions): Promise<TestResponse<T>>;
  get<T = any>(url: string, opts?: RequestOptions): Promise<TestResponse<T>>;
  post<T = any>(url: string, body?: unknown, opts?: RequestOptions): Promise<TestResponse<T>>;
  close(): Promise<void>;
}

export function testConfig(env: Record<string, string> = {}, dataDir?: string): AppConfig {
  const base: NodeJS.ProcessEnv = { ...process.env };
  delete base.DATABASE_URL;
  return loadConfig({
    LOG_LEVEL: 'silent',
    RATE_LIMIT_MAX: '0',
    DATA_DIR: dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-data-')),
    ...base,
    ...env,
  });
}

export interface StartOptions {
  env?: Record<string, string>;
  imports?: any[];
  db?: TestDatabase;
  /** Check every answer against the served OpenAPI document (default: on; a mismatch throws). */
  contract?: boolean;
}

/** Boots the real API (Fastify, global pipes and filters) on a fresh database; requests go through inject(). */
export async function startTestApp(opts: StartOptions = {}): Promise<TestApp> {
  const db = opts.db ?? (await createTestDatabase());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-data-'));
  const config = testConfig({ ...(opts.env ?? {}) }, dataDir);
  const app = await createApp(config, { databaseUrl: db.url, poolSize: 10, imports: opts.imports });
  const pool = new Pool({ connectionString: db.adminUrl, max: 4 });
  const fastify = app.getHttpAdapter().getInstance();
  const contract = opts.contract === false ? undefined : new ContractChecker(JSON.parse((await fastify.inject({ method: 'GET', url: '/docs-json' })).body));
  const request = async <T>(method: string, url: string, o: RequestOptions = {}): Promise<TestResponse<T>> => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let payload: string | Buffer | undefined;
    if (o.raw !== undefined) {
      payload = o.raw;
      headers['content-type'] = o.contentType ?? 'application/json';
    } else if (o.body !== undefined) {
      payload = JSON.stringify(o.body);
      headers['content-type'] = 'application/json';
    }
    const res = await fastify.inject({ method: method as any, url, headers, payload, query: o.query as any });
    const text = res.body;
    let body: any = text;
    const type = String(res.headers['content-type'] ?? '');
    if (type.includes('json') && text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    if (contract) reportMismatches(contract.check({ method, url, status: res.statusCode, headers: res.headers, text }));
    return { status: res.statusCode, headers: res.headers as any, body, text };
  };
  return {
    app,
    db,
    config,
    pool,
    dataDir,
    request,
    get: (url, o) => request('GET', url, o),
    post: (url, body, o) => request('POST', url, { ...(o ?? {}), body }),
    close: async () => {
      await app.close();
      await pool.end();
      if (!opts.db) await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
