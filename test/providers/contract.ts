import { randomBytes } from 'node:crypto';
import type { ExecuteResult, LeafProcedure, ProcedureContext, Provider } from '../../src/provisioning/providers/provider';
import type { ProviderError } from '../../src/provisioning/providers/provider';

/**
 * The provider contract (ARCHITECTURE.md §6, providers/README.md) as one set of behaviours, run
 * against the lab in `npm test` and against every real driver in `npm run test:platform`, so
 * the lab cannot drift from the real platforms. Each behaviour is observed through the
 * provider's own read procedures; the platform tier also looks with the servers' own tools.
 */

export interface ContractTarget {
  provider: Provider;
  /** A provider of the same kind whose platform does not answer (closed port), when there is one. */
  unreachable?: Provider;
  close(): Promise<void>;
}

type Raw = Record<string, unknown>;

/** Calls a provider the way the engine does: parse, then execute or rollback. */
export class ContractClient {
  private readonly byId: Map<string, LeafProcedure>;
  constructor(readonly provider: Provider) {
    this.byId = new Map(provider.procedures.map((p) => [`${p.namespace}.${p.name}`, p]));
  }
  proc(id: string): LeafProcedure {
    const p = this.byId.get(id);
    if (!p) throw new Error(`${this.provider.name} has no ${id}`);
    return p;
  }
  exec(id: string, raw: Raw, ctx: ProcedureContext): Promise<ExecuteResult> {
    const p = this.proc(id);
    return p.execute(p.parseInput(raw), ctx);
  }
  async rollback(id: string, raw: Raw, data: unknown, ctx: ProcedureContext): Promise<void> {
    const p = this.proc(id);
    await p.rollback!(p.parseInput(raw), data, ctx);
  }
  async output(id: string, raw: Raw, ctx: ProcedureContext): Promise<Record<string, any>> {
    return (await this.exec(id, raw, ctx)).output as Record<string, any>;
  }
}

export { providerFailure as failure } from '../helpers/provider-failure';

/** A run's context; each test uses fresh runs and organizations, so targets can be shared. */
export function runCtx(organizationId: string | null = null, runId = `run_${randomBytes(8).toString('hex')}`): ProcedureContext {
  return { runId, stepSeq: 1, attempt: 1, engineId: 'eng_contract', organizationId };
}

export function freshTenant() {
  const tag = randomBytes(5).toString('hex');
  const id = `org_contract${tag}`;
  const domain = `c${tag}.example`;
  const organization = { id, name: `Contract ${tag}`, domain };
  return {
    id,
    domain,
    organization,
    ou: { organization },
    user: (alias: string, displayName = `${alias} of ${tag}`) => ({ organization, user: { alias, displayName } }),
    userRef: (alias: string) => ({ organization: { id }, user: { alias } }),
    zone: { organization: { id }, zone: { name: domain } },
    record: (name: string, type: string, value: string, extra: Record<string, string> = {}) => ({
      organization: { id },
      zone: { name: domain },
      record: { name, type, value, ...extra },
    }),
  };
}

/** Every error of the contract is classified, and says which kind it is by its code's suffix. */
export function expectPermanent(e: ProviderError, kind: 'CONFLICT' | 'NOT_FOUND' | 'PREREQUISITE_MISSING' | 'IN_USE'): void {
  expect(e.retryable).toBe(false);
  expect(e.code).toMatch(new RegExp(`_${kind}$`));
}
