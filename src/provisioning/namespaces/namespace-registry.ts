import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { isProblemError } from '../../common/errors/problem';
import { PROJECT_ROOT } from '../../common/version';
import { checkBody, executesOf } from '../language/body-check';
import { MAX_NAMESPACE_NESTING } from '../language/compiler';
import type { CompositeProcedure, LeafProcedureRef, ProcedureCatalog, ResolvedProcedure } from '../language/procedure-catalog';
import { parseXmlSafely } from '../language/safe-xml';
import { schemaText } from '../language/schemas';
import { type NamespaceDocument, readNamespaceDocument } from '../language/namespace-document';
import type { LeafProcedure, Provider } from '../providers/provider';
import { type EntityFields, LEAF_SIGNATURES } from './leaf-signatures';

/**
 * The procedures a program may call (LANGUAGE.md §3): leaf procedures from providers (or, for
 * those no provider registered, their signature in LEAF_SIGNATURES, so the API process can
 * compile without loading providers), and composite procedures from the XML documents in
 * `documents/`. Everything is checked once at load: schema (namespace.xsd, with libxml2 through
 * xmllint-wasm, and the same structure in code), paths and forEach names, that every called
 * procedure exists, access (a private procedure is callable only from its own namespace), no
 * cycles, and nesting within the compiler's limit. A broken document stops the process at start.
 */

export const DOCUMENTS_DIR = path.join(PROJECT_ROOT, 'src/provisioning/namespaces/documents');

export class NamespaceLoadError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [message],
  ) {
    super(problems.length === 1 && problems[0] === message ? message : `${message}\n  - ${problems.join('\n  - ')}`);
    this.name = 'NamespaceLoadError';
  }
}

export interface NamespaceSourceDocument {
  /** File name, for messages. */
  file: string;
  xml: string;
}

export interface NamespaceLoadOptions {
  /** Directory of composite documents (default: the shipped `documents/`). */
  documentsDir?: string;
  /** Documents to load instead of reading a directory (tests). */
  documents?: NamespaceSourceDocument[];
  /**
   * Also validate the documents with libxml2 (xmllint-wasm, in a worker thread) against
   * namespace.xsd. Default: for documents given here or read from another directory, yes; for the
   * shipped documents, no — they are part of the build, and the test suite validates every one of
   * them with libxml2 (test/language-xsd.e2e-spec.ts). The worker costs each process ≈ 20 MB of
   * peak memory at start. The checks in code (structure, references, cycles, nesting) always run.
   */
  validateXsd?: boolean;
}

export interface ProcedureSummary {
  name: string;
  /** `public`: callable by simple requests; `private`: only from its own namespace; `trusted`: leaf procedures, callable by composite procedures and trusted requests. */
  access: 'public' | 'private' | 'trusted';
  kind: 'read' | 'write' | 'composite';
  summary: string;
  /** Entity (or data path) → its attributes; a trailing `?` marks optional ones. */
  input: EntityFields;
  /** Leaf procedures: fields the output adds to executeData. */
  output?: string[];
}

export interface NamespaceSummary {
  name: string;
  kind: 'leaf' | 'composite';
  version: string;
  description?: string;
  procedures: ProcedureSummary[];
}

interface LeafEntry {
  ref: LeafProcedureRef;
  procedure?: LeafProcedure;
  input: EntityFields;
  output: string[];
}

interface CompositeNamespace {
  doc: NamespaceDocument;
  xml: string;
  procedures: Map<string, CompositeProcedure>;
}

export class NamespaceRegistry implements ProcedureCatalog {
  private constructor(
    private readonly leaves: Map<string, LeafEntry>,
    private readonly leafNamespaces: Map<string, string[]>,
    private readonly composites: Map<string, CompositeNamespace>,
  ) {}

  /** Loads and checks everything; throws NamespaceLoadError listing every problem. */
  static async load(providers: Provider[], opts: NamespaceLoadOptions = {}): Promise<NamespaceRegistry> {
    const problems: string[] = [];
    const leaves = loadLeaves(providers, problems);
    const leafNamespaces = new Map<string, string[]>();
    for (const key of leaves.keys()) {
      const e = leaves.get(key)!;
      leafNamespaces.set(e.ref.namespace, [...(leafNamespaces.get(e.ref.namespace) ?? []), e.ref.name]);
    }

    const sources = opts.documents ?? readDocuments(opts.documentsDir ?? DOCUMENTS_DIR);
    const shipped = opts.documents === undefined && (opts.documentsDir === undefined || path.resolve(opts.documentsDir) === path.resolve(DOCUMENTS_DIR));
    if (opts.validateXsd ?? !shipped) problems.push(...(await validateWithLibxml2(sources)));
    const composites = new Map<string, CompositeNamespace>();
    for (const src of sources) {
      let doc: NamespaceDocument;
      try {
        doc = readNamespaceDocument(parseXmlSafely(src.xml));
      } catch (e) {
        if (!isProblemError(e)) throw e;
        const errors = (e.extra.errors ?? []).map((x) => `${x.path}: ${x.message}`);
        problems.push(`${src.file}: ${e.message}${errors.length > 1 ? ` (${errors.slice(1).join('; ')})` : ''}`);
        continue;
      }
      if (leafNamespaces.has(doc.name)) {
        problems.push(`${src.file}: namespace "${doc.name}" is already a leaf namespace`);
        continue;
      }
      if (composites.has(doc.name)) {
        problems.push(`${src.file}: namespace "${doc.name}" is defined twice`);
        continue;
      }
      const procedures = new Map<string, CompositeProcedure>();
      for (const p of doc.procedures) {
        procedures.set(p.name, {
          namespace: doc.name,
          version: doc.version,
          name: p.name,
          access: p.access,
          ...(p.summary !== undefined && { summary: p.summary }),
          input: p.input,
          body: p.body,
        });
        for (const err of checkBody(p.body, `${doc.name}.${p.name}`)) problems.push(`${src.file}: ${err.path}: ${err.message}`);
      }
      composites.set(doc.name, { doc, xml: src.xml, procedures });
    }

    const registry = new NamespaceRegistry(leaves, leafNamespaces, composites);
    registry.checkReferences(problems);
    if (!problems.length) registry.checkCyclesAndNesting(problems);
    if (problems.length)
      throw new NamespaceLoadError(`The namespace registry could not be loaded (${problems.length} problem${problems.length > 1 ? 's' : ''})`, problems);
    return registry;
  }

  // --- ProcedureCatalog ---------------------------------------------------------------------

  hasNamespace(namespace: string): boolean {
    return this.leafNamespaces.has(namespace) || this.composites.has(namespace);
  }

  resolve(namespace: string, procedure: string): ResolvedProcedure | undefined {
    const composite = this.composite(namespace, procedure);
    if (composite) return { type: 'composite', composite };
    const leaf = this.leaves.get(`${namespace}.${procedure}`);
    return leaf ? { type: 'leaf', leaf: leaf.ref } : undefined;
  }

  // --- lookups ------------------------------------------------------------------------------

  /** The provider's implementation, or undefined (unknown, or known only by its signature). */
  leaf(namespace: string, procedure: string): LeafProcedure | undefined {
    return this.leaves.get(`${namespace}.${procedure}`)?.procedure;
  }

  leafRef(namespace: string, procedure: string): LeafProcedureRef | undefined {
    return this.leaves.get(`${namespace}.${procedure}`)?.ref;
  }

  composite(namespace: string, procedure: string): CompositeProcedure | undefined {
    return this.composites.get(namespace)?.procedures.get(procedure);
  }

  /** The composite namespace document as shipped, or undefined for leaf/unknown namespaces. */
  document(name: string): string | undefined {
    return this.composites.get(name)?.xml;
  }

  namespace(name: string): NamespaceSummary | undefined {
    const c = this.composites.get(name);
    if (c) {
      return {
        name,
        kind: 'composite',
        version: c.doc.version,
        ...(c.doc.description !== undefined && { description: c.doc.description }),
        procedures: [...c.procedures.values()].map((p) => ({
          name: p.name,
          access: p.access,
          kind: 'composite' as const,
          summary: p.summary ?? '',
          input: Object.fromEntries(p.input.map((e) => [`${e.path}${e.optional ? '?' : ''}`, e.attributes])),
        })),
      };
    }
    const names = this.leafNamespaces.get(name);
    if (!names) return undefined;
    return {
      name,
      kind: 'leaf',
      version: '1',
      procedures: names.map((n) => {
        const e = this.leaves.get(`${name}.${n}`)!;
        return { name: n, access: 'trusted' as const, kind: e.ref.kind, summary: e.ref.summary, input: e.input, output: e.output };
      }),
    };
  }

  /** Every namespace, leaf namespaces first, each sorted by name. */
  namespaces(): NamespaceSummary[] {
    const leaf = [...this.leafNamespaces.keys()].sort();
    const composite = [...this.composites.keys()].sort();
    return [...leaf, ...composite].map((n) => this.namespace(n)!);
  }

  // --- load-time checks ---------------------------------------------------------------------

  private checkReferences(problems: string[]) {
    for (const [ns, c] of this.composites) {
      for (const p of c.procedures.values()) {
        for (const x of executesOf(p.body)) {
          const where = `${ns}.${p.name}${x.line ? ` (line ${x.line})` : ''}`;
          if (!this.hasNamespace(x.namespace)) {
            problems.push(`${where}: calls ${x.namespace}.${x.procedure}, but there is no namespace "${x.namespace}"`);
            continue;
          }
          const target = this.resolve(x.namespace, x.procedure);
          if (!target) problems.push(`${where}: calls ${x.namespace}.${x.procedure}, which does not exist`);
          else if (target.type === 'composite' && target.composite.access === 'private' && x.namespace !== ns) {
            problems.push(`${where}: calls ${x.namespace}.${x.procedure}, which is private to namespace ${x.namespace}`);
          }
        }
      }
    }
  }

  private checkCyclesAndNesting(problems: string[]) {
    const key = (p: CompositeProcedure) => `${p.namespace}.${p.name}`;
    const depth = new Map<string, number>();
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (p: CompositeProcedure): number => {
      const k = key(p);
      if (state.get(k) === 'done') return depth.get(k)!;
      if (state.get(k) === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(k)), k];
        throw new NamespaceLoadError(`Composite procedures call each other in a cycle: ${cycle.join(' → ')}`);
      }
      state.set(k, 'visiting');
      stack.push(k);
      let deepest = 0;
      for (const x of executesOf(p.body)) {
        const target = this.resolve(x.namespace, x.procedure);
        if (target?.type === 'composite') deepest = Math.max(deepest, visit(target.composite));
      }
      stack.pop();
      state.set(k, 'done');
      depth.set(k, deepest + 1);
      return deepest + 1;
    };
    for (const c of this.composites.values()) {
      for (const p of c.procedures.values()) {
        try {
          const d = visit(p);
          if (d > MAX_NAMESPACE_NESTING) problems.push(`${key(p)}: composite procedures nest ${d} levels deep (at most ${MAX_NAMESPACE_NESTING})`);
        } catch (e) {
          if (!(e instanceof NamespaceLoadError)) throw e;
          problems.push(e.message);
          return;
        }
      }
    }
  }
}

function loadLeaves(providers: Provider[], problems: string[]): Map<string, LeafEntry> {
  const leaves = new Map<string, LeafEntry>();
  for (const provider of providers) {
    for (const p of provider.procedures) {
      const k = `${p.namespace}.${p.name}`;
      if (leaves.has(k)) {
        problems.push(`leaf procedure ${k} is registered twice (provider ${provider.name})`);
        continue;
      }
      if (p.kind === 'write' && typeof p.rollback !== 'function')
        problems.push(`leaf procedure ${k} (provider ${provider.name}) is a write procedure without rollback`);
      const sig = LEAF_SIGNATURES[k];
      if (sig && sig.kind !== p.kind) problems.push(`leaf procedure ${k} (provider ${provider.name}) is ${p.kind}, its signature says ${sig.kind}`);
      leaves.set(k, {
        ref: { namespace: p.namespace, name: p.name, kind: p.kind, summary: sig?.summary ?? p.description },
        procedure: p,
        input: sig?.input ?? (p.inputDoc ? { input: Object.keys(p.inputDoc) } : {}),
        output: sig?.output ?? [],
      });
    }
  }
  for (const [k, sig] of Object.entries(LEAF_SIGNATURES)) {
    if (leaves.has(k)) continue;
    const dot = k.indexOf('.');
    leaves.set(k, { ref: { namespace: k.slice(0, dot), name: k.slice(dot + 1), kind: sig.kind, summary: sig.summary }, input: sig.input, output: sig.output });
  }
  return leaves;
}

function readDocuments(dir: string): NamespaceSourceDocument[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((f) => ({ file: f, xml: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/** libxml2 (WebAssembly) against namespace.xsd: one worker for all documents, once per process. */
async function validateWithLibxml2(sources: NamespaceSourceDocument[]): Promise<string[]> {
  if (!sources.length) return [];
  const result = await validateXML({
    xml: sources.map((s, i) => ({ fileName: `doc${i}.xml`, contents: s.xml })),
    schema: [{ fileName: 'namespace.xsd', contents: schemaText('namespace') }],
  });
  if (result.valid) return [];
  return result.errors.map((e) => {
    const i = e.loc ? Number(/^doc(\d+)\.xml$/.exec(e.loc.fileName)?.[1]) : NaN;
    const file = Number.isInteger(i) ? sources[i].file : 'namespace document';
    return `${file}${e.loc ? `:${e.loc.lineNumber}` : ''}: ${e.message}`;
  });
}
