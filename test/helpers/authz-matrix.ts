/**
 * The scaffolding of the authorization matrices (identity, catalog, orders, runs): every route ×
 * every role × own vs another tenant, against one expectation table per area. Each area keeps its
 * table and its targets; this file holds what they share: the role keys and their tokens in the
 * test world, the route-coverage check and the loop that sends every case and collects mismatches.
 */
import type { INestApplication } from '@nestjs/common';
import type { TestApp } from './app';
import type { World } from './identity';
import { listRoutes } from './routes';

/** Hoster admin, CSR, auditor; reseller R1's admin, CSR, auditor; customer C1's admin, CSR, end user, auditor; R1's delegated token in C1. */
export type Key = 'HA' | 'HC' | 'HAU' | 'RA' | 'RC' | 'RAU' | 'OA' | 'OC' | 'EU' | 'OAU' | 'DLG';
export const KEYS: Key[] = ['HA', 'HC', 'HAU', 'RA', 'RC', 'RAU', 'OA', 'OC', 'EU', 'OAU', 'DLG'];
export const HOSTER_KEYS: Key[] = ['HA', 'HC', 'HAU'];
export const RESELLER_KEYS: Key[] = ['RA', 'RC', 'RAU'];

/** A status for every target, or one per target: [own, other] or, where a role has three targets, [own, other, third]. */
export type Expect = number | [number, number] | [number, number, number];

/** The same status for every role. */
export const everyone = (status: number): Record<Key, Expect> => Object.fromEntries(KEYS.map((k) => [k, status])) as Record<Key, Expect>;

/** The token of each role key in the world of test/helpers/identity.ts. */
export function tokensOf(w: World): Record<Key, string> {
  return {
    HA: w.hoster.admin.token,
    HC: w.hoster.csr.token,
    HAU: w.hoster.auditor.token,
    RA: w.r1.admin.token,
    RC: w.r1.csr.token,
    RAU: w.r1.auditor.token,
    OA: w.c1.admin.token,
    OC: w.c1.csr.token,
    EU: w.c1.endUser.token,
    OAU: w.c1.auditor.token,
    DLG: w.delegation.token,
  };
}

/** `METHOD /path` of every route the given controllers serve. */
export function routesOf(app: INestApplication, controllers: string[]): string[] {
  return listRoutes(app)
    .filter((r) => controllers.includes(r.controller))
    .map((r) => `${r.method} ${r.path}`);
}

/** The routes that have no row in the table. */
export function withoutRow(routes: string[], rows: { route: string }[]): string[] {
  const covered = new Set(rows.map((r) => r.route));
  return routes.filter((r) => !covered.has(r));
}

export interface MatrixRequest {
  method: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent as is with `contentType` instead of a JSON body. */
  raw?: string;
  contentType?: string;
}

export interface MatrixRow {
  route: string;
  expect: Record<Key, Expect>;
}

export interface MatrixOptions<R extends MatrixRow> {
  /** own, other and (for some roles) third target of a role for this row. */
  targets(row: R, key: Key): string[];
  /** The request of one case (rows usually build it themselves). */
  request(row: R, target: string, key: Key): Promise<MatrixRequest>;
  /** Undo what a case left behind that would change the next one. */
  after?(row: R, target: string, key: Key): Promise<void>;
}

/**
 * Sends every row × role × target and returns each case whose status differs from the table (and
 * each refusal that is not problem+json), with the number of cases sent.
 */
export async function runMatrix<R extends MatrixRow>(
  t: TestApp,
  tokens: Record<Key, string>,
  rows: R[],
  o: MatrixOptions<R>,
): Promise<{ mismatches: string[]; cases: number }> {
  const labels = ['own', 'other', 'third'];
  const mismatches: string[] = [];
  let cases = 0;
  for (const row of rows) {
    for (const key of KEYS) {
      const exp = row.expect[key];
      const list = Array.isArray(exp) ? exp : [exp];
      const targets = o.targets(row, key);
      for (let i = 0; i < targets.length; i++) {
        const status = list[i] ?? list[0];
        const req = await o.request(row, targets[i], key);
        const res = await t.request(req.method, req.url, {
          token: tokens[key],
          body: req.body,
          headers: req.headers,
          raw: req.raw,
          contentType: req.contentType,
        });
        cases++;
        const where = `${row.route} as ${key} on ${labels[i]}`;
        if (res.status !== status) mismatches.push(`${where}: expected ${status}, got ${res.status} ${res.body?.code ?? ''}`);
        if (res.status >= 400 && !String(res.headers['content-type']).includes('application/problem+json')) {
          mismatches.push(`${where}: ${res.status} is not problem+json (${res.headers['content-type']})`);
        }
        await o.after?.(row, targets[i], key);
      }
    }
  }
  return { mismatches, cases };
}
