import { LEAF_SIGNATURES } from '../namespaces/leaf-signatures';
import { type LeafProcedure, type ProbeResult, type Provider, type ProviderOperations, ProviderError } from './provider';

/** What GET /health/ready shows of one provider. */
export interface ProviderProbe extends ProbeResult {
  provider: string;
  namespaces: string[];
}

/** How long a probe may take before the provider counts as unreachable. */
export const PROBE_TIMEOUT_MS = 3_000;

/** How long a direct read (outside a run) may take before it fails as retryable. */
export const DIRECT_READ_TIMEOUT_MS = 10_000;

function withProbeTimeout(probe: Promise<ProbeResult>): Promise<ProbeResult> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<ProbeResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${PROBE_TIMEOUT_MS} ms` }), PROBE_TIMEOUT_MS);
  });
  return Promise.race([probe, late]).finally(() => clearTimeout(timer));
}

/** Leaf namespace → its signature ids, from LEAF_SIGNATURES. */
function signaturesByNamespace(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const id of Object.keys(LEAF_SIGNATURES)) {
    const ns = id.slice(0, id.indexOf('.'));
    out.set(ns, [...(out.get(ns) ?? []), id]);
  }
  return out;
}

/**
 * The providers of one process, as the composition root configured them: which provider serves
 * which leaf namespace, their procedures for the engine's registry, their read procedures and
 * out-of-band operations for the API, their probes for readiness. Built once per process.
 */
export class ProviderSet {
  private readonly byNamespace = new Map<string, Provider>();
  private readonly procedures = new Map<string, LeafProcedure>();

  /** Throws when two providers serve one namespace, or a provider serves a namespace partly. */
  constructor(readonly providers: readonly Provider[]) {
    const expected = signaturesByNamespace();
    const problems: string[] = [];
    for (const provider of providers) {
      const served = new Set(provider.procedures.map((p) => p.namespace));
      for (const ns of served) {
        const other = this.byNamespace.get(ns);
        if (other) problems.push(`leaf namespace ${ns} is served by two providers: ${other.name} and ${provider.name}`);
        this.byNamespace.set(ns, provider);
        const have = new Set(provider.procedures.filter((p) => p.namespace === ns).map((p) => `${ns}.${p.name}`));
        const missing = (expected.get(ns) ?? []).filter((id) => !have.has(id));
        if (missing.length) problems.push(`provider ${provider.name} serves ${ns} without ${missing.join(', ')}`);
      }
      for (const p of provider.procedures) this.procedures.set(`${p.namespace}.${p.name}`, p);
    }
    if (problems.length) throw new Error(`The providers do not fit together:\n  - ${problems.join('\n  - ')}`);
  }

  /** The provider serving a leaf namespace. */
  forNamespace(namespace: string): Provider | undefined {
    return this.byNamespace.get(namespace);
  }

  /** Leaf namespaces of LEAF_SIGNATURES no provider serves. */
  unservedNamespaces(): string[] {
    return [...signaturesByNamespace().keys()].filter((ns) => !this.byNamespace.has(ns));
  }

  /** Throws naming every leaf namespace without a provider (start-up of every process). */
  requireEveryNamespace(): void {
    const missing = this.unservedNamespaces();
    if (missing.length) {
      throw new Error(
        `No provider serves the leaf namespace${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: set ${missing.map((ns) => `PROVIDER_${ns.toUpperCase()}`).join(', ')} to a provider that implements ${missing.length > 1 ? 'them' : 'it'}`,
      );
    }
  }

  leaf(namespace: string, procedure: string): LeafProcedure | undefined {
    return this.procedures.get(`${namespace}.${procedure}`);
  }

  /**
   * A read procedure called directly, outside any run (nothing is journaled): e.g. a user's
   * devices for the API. The input is parsed exactly as in a run; writes are refused, they only
   * ever happen in runs. Failures are ProviderErrors (a timeout is retryable PROVIDER_TIMEOUT).
   */
  async read(id: string, raw: Record<string, unknown>, opts: { organizationId: string | null; timeoutMs?: number }): Promise<Record<string, unknown>> {
    const leaf = this.procedures.get(id);
    if (!leaf) throw new ProviderError('PROCEDURE_UNAVAILABLE', `no provider implements ${id}`, false);
    if (leaf.kind !== 'read') throw new Error(`${id} is a write procedure: writes happen only in provisioning runs`);
    const input = leaf.parseInput(raw);
    const ctx = { runId: null, stepSeq: 0, attempt: 1, engineId: 'api', organizationId: opts.organizationId };
    const ms = opts.timeoutMs ?? DIRECT_READ_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ProviderError('PROVIDER_TIMEOUT', `${id} did not answer within ${ms} ms`, true)), ms);
    });
    try {
      const result = await Promise.race([leaf.execute(input, ctx), timeout]);
      return (result.output ?? {}) as Record<string, unknown>;
    } finally {
      clearTimeout(timer);
    }
  }

  /** An out-of-band operation (`Namespace.Operation`) of the provider serving its namespace, if it offers one. */
  operation<K extends keyof ProviderOperations>(name: K): ProviderOperations[K] | undefined {
    const provider = this.byNamespace.get(String(name).slice(0, String(name).indexOf('.')));
    return provider?.operations?.[name] as ProviderOperations[K] | undefined;
  }

  /** Every provider's reachability; a provider without `probe` is reachable by definition (it lives in this database). */
  async probe(): Promise<ProviderProbe[]> {
    return Promise.all(
      this.providers.map(async (p) => {
        const namespaces = [...this.byNamespace].filter(([, q]) => q === p).map(([ns]) => ns);
        let result: ProbeResult;
        try {
          result = p.probe ? await withProbeTimeout(p.probe()) : { ok: true };
        } catch (e) {
          result = { ok: false, detail: `probe failed: ${String((e as Error)?.message ?? e).slice(0, 200)}` };
        }
        return { provider: p.name, namespaces, ...result };
      }),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.providers.map((p) => p.close?.().catch(() => undefined)));
  }
}
