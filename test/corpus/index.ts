import { catalogCases } from './catalog';
import { httpLevelCases, routeSweepCases, type SweepRoute } from './http-level';
import { identityCases } from './identity';
import { jsonSyntaxCases } from './json-syntax';
import { operationsCases } from './operations';
import { orderCases } from './orders';
import type { CaseGroup, CorpusCase, CorpusContext } from './types';
import { xmlRequestCases } from './xml-requests';

export type { CorpusCase, CorpusContext, TokenKey } from './types';

/** The corpus, one group per area (each file lists its cases in the order a reviewer reads them). */
export const GROUPS: Record<string, CaseGroup> = {
  'json-syntax': jsonSyntaxCases,
  identity: identityCases,
  catalog: catalogCases,
  orders: orderCases,
  'xml-requests': xmlRequestCases,
  operations: operationsCases,
  'http-level': httpLevelCases,
};

/** Every case, for the prepared world and the app's routes (for the malformed-id sweep). */
export function buildCorpus(ctx: CorpusContext, routes: SweepRoute[]): CorpusCase[] {
  const cases = [...Object.values(GROUPS).flatMap((g) => g(ctx)), ...routeSweepCases(routes)];
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.name)) throw new Error(`duplicate corpus case name: ${c.name}`);
    seen.add(c.name);
  }
  return cases;
}
