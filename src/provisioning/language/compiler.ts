import { type FieldError, ProblemError } from '../../common/errors/problem';
import type { Statement } from './ast';
import { checkBody } from './body-check';
import { buildDocument, type FrameView, MappingError, selectFrom } from './mapping';
import type { CompositeProcedure, ProcedureCatalog } from './procedure-catalog';
import type { AfterMapping, BeforeMapping, Binding, CompiledRequest, ForkOp, Op, Program, RequestContextAttrs } from './program';
import { parseXmlSafely } from './safe-xml';
import { readRequest, REQUEST_NS } from './statements';
import {
  COMMENT_NODE,
  ELEMENT_NODE,
  isWhitespace,
  newDocument,
  plainCopy,
  rootOf,
  serialize,
  TEXT_NODE,
  type XDocument,
  type XElement,
  type XNode,
} from './xml-dom';
import { selectNodes } from './xpath-paths';

/**
 * Compiles a request document into a Program (LANGUAGE.md §4): safe parse → structure (schema)
 * → server-written context → resolve procedures → expand composites into enter/exit, unroll
 * forEach over the data as submitted, when → skip jumps, try/catch → handler ops.
 *
 * forEach inside a composite procedure iterates the composite's frame as it is when the frame is
 * entered: the compiler evaluates the `before` mappings of every enclosing composite call on the
 * submitted data. Nodes that `after` mappings add later are not iterated (forEach is static;
 * `when` is the dynamic construct).
 *
 * Step paths (CallOp.path) are documented in src/provisioning/namespaces/README.md.
 */

export const MAX_CALL_STEPS = 10_000;
/** Structural ops (enter/exit/when/try) are cheap but still bounded. */
export const MAX_OPS = 50_000;
/** forEach iterations, including those whose body turns out to have no call. */
export const MAX_ITERATIONS = 100_000;
export const MAX_NAMESPACE_NESTING = 16;

export interface CompileOptions {
  registry: ProcedureCatalog;
  context: RequestContextAttrs;
  /** Whether the caller may submit a `<procedure>` body (hoster operators). */
  allowTrusted: boolean;
}

export function compileRequest(xml: string | Uint8Array, opts: CompileOptions): CompiledRequest {
  const doc = parseXmlSafely(xml);
  const req = readRequest(doc);
  if (req.context)
    throw new ProblemError('REQUEST_CONTEXT_FORBIDDEN', 'The context element is written by the server from your credentials; remove it from the request');
  if (req.body && !opts.allowTrusted) {
    throw new ProblemError(
      'TRUSTED_REQUEST_FORBIDDEN',
      'Requests with a procedure body are trusted requests; you may only submit a call to a public procedure',
    );
  }

  const dataDoc = newDocument('data');
  const dataRoot = rootOf(dataDoc);
  if (req.data)
    for (const c of Array.from(childrenForData(req.data))) {
      const copy = plainCopy(dataDoc, c);
      if (copy) dataRoot.appendChild(copy);
    }

  const builder = new ProgramBuilder(opts.registry, dataDoc);
  if (req.call) {
    const { namespace, procedure } = req.call;
    const composite = resolveComposite(opts.registry, namespace, procedure);
    checkInput(composite, dataRoot);
    builder.expandCall(composite);
  } else {
    const errors = checkBody(req.body!, '/request/procedure');
    if (errors.length) throw new ProblemError('REQUEST_INVALID', `The request procedure is not valid: ${errors[0].message}`, { errors });
    builder.expandTopLevel(req.body!);
    // An empty <procedure/> (or one whose statements execute nothing) would make a run that
    // does nothing and looks like work: refuse it like any other invalid program.
    if (builder.callCount === 0) {
      throw new ProblemError('REQUEST_INVALID', 'The request procedure executes no procedure: add at least one execute', {
        errors: [{ path: '/request/procedure', message: 'executes nothing' }],
      });
    }
  }

  const program: Program = {
    version: 1,
    onFailure: req.onFailure,
    ops: builder.ops,
    callCount: builder.callCount,
    namespaceVersions: builder.namespaceVersions,
  };
  return {
    program,
    data: serialize(dataRoot),
    requestXml: withContext(doc, opts.context),
    kind: req.body ? 'trusted' : 'simple',
  };
}

/** Data children worth copying: whitespace between elements is formatting. */
function childrenForData(data: XElement): XNode[] {
  const out: XNode[] = [];
  let hasElements = false;
  for (let n = data.firstChild; n; n = n.nextSibling) if (n.nodeType === ELEMENT_NODE) hasElements = true;
  for (let n = data.firstChild; n; n = n.nextSibling) {
    if (hasElements && n.nodeType === TEXT_NODE && isWhitespace(n.nodeValue ?? '')) continue;
    out.push(n);
  }
  return out;
}

function resolveComposite(registry: ProcedureCatalog, namespace: string, procedure: string): CompositeProcedure {
  if (!registry.hasNamespace(namespace)) throw new ProblemError('NAMESPACE_UNKNOWN', `There is no namespace "${namespace}"`, { namespace });
  const resolved = registry.resolve(namespace, procedure);
  if (!resolved) throw new ProblemError('PROCEDURE_UNKNOWN', `Namespace "${namespace}" has no procedure "${procedure}"`, { namespace, procedure });
  if (resolved.type !== 'composite' || resolved.composite.access !== 'public') {
    throw new ProblemError(
      'PROCEDURE_NOT_PUBLIC',
      `${namespace}.${procedure} is not a public procedure; a simple request may only call public procedures of composite namespaces`,
      { namespace, procedure },
    );
  }
  return resolved.composite;
}

/** A simple request's data must hold what the called procedure's `<input>` declares as required. */
function checkInput(composite: CompositeProcedure, dataRoot: XElement) {
  const errors: FieldError[] = [];
  for (const el of composite.input) {
    const nodes = selectNodes(el.path, dataRoot) as XElement[];
    if (!nodes.length && !el.optional) errors.push({ path: `data/${el.path}`, message: `is required by ${composite.namespace}.${composite.name}` });
    for (const attr of el.attributes) {
      if (attr.endsWith('?')) continue;
      nodes.forEach((n, i) => {
        if (n.nodeType === ELEMENT_NODE && !n.hasAttribute(attr)) {
          errors.push({
            path: `data/${el.path}${nodes.length > 1 ? `[${i + 1}]` : ''}/@${attr}`,
            message: `is required by ${composite.namespace}.${composite.name}`,
          });
        }
      });
    }
    if (errors.length >= 50) break;
  }
  if (errors.length) {
    throw new ProblemError(
      'REQUEST_DATA_INVALID',
      `The data lacks what ${composite.namespace}.${composite.name} needs: ${errors[0].path} ${errors[0].message}`,
      { errors: errors.slice(0, 50) },
    );
  }
}

/** The stored request: the document as submitted with the server's `<context>` as first child. */
function withContext(doc: XDocument, context: RequestContextAttrs): string {
  const root = rootOf(doc);
  const el = doc.createElementNS(REQUEST_NS, root.prefix ? `${root.prefix}:context` : 'context');
  for (const key of ['order', 'organization', 'actor', 'onBehalfOf', 'request'] as const) {
    const v = context[key];
    if (typeof v === 'string' && v.length > 0) el.setAttribute(key, v.slice(0, 200));
  }
  let first: XNode | null = root.firstChild;
  while (first && first.nodeType !== ELEMENT_NODE) first = first.nextSibling;
  const indent = first?.previousSibling;
  root.insertBefore(el, first);
  if (indent && indent.nodeType === TEXT_NODE && isWhitespace(indent.nodeValue ?? '')) root.insertBefore(doc.createTextNode(indent.nodeValue ?? ''), first);
  // xmldom keeps the XML declaration as a node; we write our own (UTF-8 is all we accept) and
  // keep comments around the root element.
  const parts: string[] = [];
  for (let n = doc.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === ELEMENT_NODE || n.nodeType === COMMENT_NODE) parts.push(serialize(n));
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${parts.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------

/** A frame as the compiler knows it: built on first use from the submitted data. */
interface CompileFrame {
  doc?: XDocument;
  build?: () => XDocument;
}

class ProgramBuilder {
  readonly ops: Op[] = [];
  callCount = 0;
  readonly namespaceVersions: Record<string, string> = {};
  private iterations = 0;
  private readonly frames: CompileFrame[];

  constructor(
    private readonly registry: ProcedureCatalog,
    data: XDocument,
  ) {
    this.frames = [{ doc: data }];
  }

  private frameView(current: number): FrameView {
    return { current, root: (depth) => this.frameRoot(depth) };
  }

  private frameRoot(depth: number): XElement {
    const f = this.frames[depth];
    if (!f.doc) {
      f.doc = f.build!();
      f.build = undefined;
    }
    return rootOf(f.doc);
  }

  private push(op: Op): number {
    if (this.ops.length >= MAX_OPS) {
      throw new ProblemError('REQUEST_TOO_MANY_STEPS', `The request expands to more than ${MAX_OPS} operations`, { maxOps: MAX_OPS });
    }
    this.ops.push(op);
    return this.ops.length - 1;
  }

  /** `<call>`: the public procedure runs in a frame holding a copy of the data, written back at the end. */
  expandCall(composite: CompositeProcedure) {
    const label = `${composite.namespace}.${composite.name}`;
    this.enterComposite(composite, [label], {}, '', [{ source: 'data', sourcePath: '*', mode: 'insert' }], [{ sourcePath: '*', mode: 'replace' }]);
  }

  expandTopLevel(body: Statement[]) {
    this.expandBody(body, {}, [], '', false);
  }

  private enterComposite(
    composite: CompositeProcedure,
    segments: string[],
    bindings: Record<string, Binding>,
    literal: string,
    before: BeforeMapping[],
    after: AfterMapping[],
  ) {
    const depth = this.frames.length; // index of the new frame
    if (depth > MAX_NAMESPACE_NESTING) {
      throw new ProblemError('NAMESPACE_NESTING_TOO_DEEP', `Composite procedures nest deeper than ${MAX_NAMESPACE_NESTING} levels at ${segments.join('/')}`, {
        maxNesting: MAX_NAMESPACE_NESTING,
      });
    }
    this.namespaceVersions[composite.namespace] = composite.version;
    const path = segments.join('/');
    this.push({ op: 'enter', path, bindings, namespace: composite.namespace, procedure: composite.name, literal, before });
    const callerView = this.frameView(depth - 1);
    this.frames.push({ build: () => buildDocument('data', literal, before, bindings, callerView) });
    this.expandBody(composite.body, {}, segments, '', false);
    this.frames.pop();
    this.push({ op: 'exit', path, bindings, namespace: composite.namespace, procedure: composite.name, after });
  }

  /**
   * `prefix`: path segments so far; `positionPrefix`: the position of an enclosing when/try whose
   * statements are numbered `4.1`, `4.2`; a forEach body of one statement omits its position.
   */
  private expandBody(body: Statement[], bindings: Record<string, Binding>, prefix: string[], positionPrefix: string, omitSinglePosition: boolean) {
    const omit = omitSinglePosition && body.length === 1;
    body.forEach((s, i) => {
      const position = omit ? positionPrefix : positionPrefix ? `${positionPrefix}.${i + 1}` : `${i + 1}`;
      this.expandStatement(s, bindings, prefix, position, omit ? prefix : [...prefix, position]);
    });
  }

  private expandStatement(s: Statement, bindings: Record<string, Binding>, prefix: string[], position: string, here: string[]) {
    switch (s.type) {
      case 'execute': {
        const segments = [...here, `${s.namespace}.${s.procedure}`];
        const resolved = this.resolve(s.namespace, s.procedure, segments);
        if (resolved.type === 'composite') {
          this.enterComposite(resolved.composite, segments, bindings, s.literal, s.before, s.after);
          return;
        }
        if (++this.callCount > MAX_CALL_STEPS) {
          throw new ProblemError('REQUEST_TOO_MANY_STEPS', `The request expands to more than ${MAX_CALL_STEPS} steps`, { maxSteps: MAX_CALL_STEPS });
        }
        this.push({
          op: 'call',
          path: segments.join('/'),
          bindings,
          namespace: s.namespace,
          procedure: s.procedure,
          kind: resolved.leaf.kind,
          literal: s.literal,
          before: s.before,
          after: s.after,
          ...(s.retries !== undefined && { retries: s.retries }),
          ...(s.timeoutMs !== undefined && { timeoutMs: s.timeoutMs }),
          ...(s.id !== undefined && { id: s.id }),
        });
        return;
      }
      case 'forEach':
        this.expandForEach(s, bindings, here);
        return;
      case 'when': {
        const at = this.push({ op: 'when', path: here.join('/'), bindings, condition: s.condition, skipTo: -1 });
        this.expandBody(s.body, bindings, prefix, position, false);
        (this.ops[at] as Extract<Op, { op: 'when' }>).skipTo = this.ops.length;
        return;
      }
      case 'try': {
        const at = this.push({ op: 'try', path: here.join('/'), bindings, catchAt: -1, endAt: -1 });
        this.expandBody(s.body, bindings, prefix, position, false);
        const endTry = this.push({ op: 'endTry', path: `${here.join('/')}/endTry`, bindings, endAt: -1 });
        const catchAt = this.ops.length;
        this.expandBody(s.catchBody, bindings, prefix, position ? `${position}.catch` : 'catch', false);
        const endAt = this.ops.length;
        Object.assign(this.ops[at], { catchAt, endAt });
        (this.ops[endTry] as Extract<Op, { op: 'endTry' }>).endAt = endAt;
        return;
      }
    }
  }

  /** forEach: the body once per node (unrolled); with `parallel`, a fork op ahead of the iterations. */
  private expandForEach(s: Extract<Statement, { type: 'forEach' }>, bindings: Record<string, Binding>, here: string[]) {
    const current = this.frames.length - 1;
    let binding: Omit<Binding, 'index' | 'key'>;
    if (s.root === 'data' || s.root === 'executeData') binding = { frameDepth: current, path: s.path };
    else {
      const outer = bindings[s.root];
      binding = { frameDepth: outer.frameDepth, path: `(${outer.path})[${outer.index}]/${s.path}` };
    }
    let nodes: XNode[];
    try {
      nodes = selectFrom(this.frameRoot(binding.frameDepth), binding.path);
    } catch (e) {
      if (e instanceof MappingError) throw new ProblemError('REQUEST_INVALID', `forEach ${s.name}: ${e.message}`);
      throw e;
    }
    this.iterations += nodes.length;
    if (this.iterations > MAX_ITERATIONS) {
      throw new ProblemError('REQUEST_TOO_MANY_STEPS', `The request iterates more than ${MAX_ITERATIONS} forEach nodes`, { maxIterations: MAX_ITERATIONS });
    }
    const keys = iterationKeys(nodes);
    // parallel="N": a fork op ahead of the unrolled iterations says where each starts.
    const fork =
      (s.parallel ?? 1) > 1 && nodes.length > 1 ? this.push({ op: 'fork', path: here.join('/'), bindings, limit: s.parallel!, starts: [], endAt: -1 }) : -1;
    nodes.forEach((_, i) => {
      if (fork >= 0) (this.ops[fork] as ForkOp).starts.push(this.ops.length);
      const b: Binding = { ...binding, index: i + 1, key: keys[i] };
      this.expandBody(s.body, { ...bindings, [s.name]: b }, [...here, `${s.name}[${keys[i]}]`], '', true);
    });
    if (fork >= 0) (this.ops[fork] as ForkOp).endAt = this.ops.length;
  }

  private resolve(namespace: string, procedure: string, segments: string[]) {
    if (!this.registry.hasNamespace(namespace))
      throw new ProblemError('NAMESPACE_UNKNOWN', `There is no namespace "${namespace}" (at ${segments.join('/')})`, { namespace });
    const resolved = this.registry.resolve(namespace, procedure);
    if (!resolved)
      throw new ProblemError('PROCEDURE_UNKNOWN', `Namespace "${namespace}" has no procedure "${procedure}" (at ${segments.join('/')})`, {
        namespace,
        procedure,
      });
    if (resolved.type === 'composite' && resolved.composite.access !== 'public' && this.frames.length === 1) {
      throw new ProblemError('PROCEDURE_NOT_PUBLIC', `${namespace}.${procedure} is private to its namespace`, { namespace, procedure });
    }
    return resolved;
  }
}

const KEY_ATTRIBUTES = ['alias', 'name', 'id'];
const MAX_KEY = 64;

function escapeKey(v: string): string {
  return v.replace(/[%/[\]#\u0000-\u001f]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * Readable, unique keys for forEach nodes: the alias, name or id attribute (escaped), else the
 * 1-based position. A key shared by several nodes, or cut at 64 characters, gets `#position`.
 */
export function iterationKeys(nodes: XNode[]): string[] {
  const raw = nodes.map((n, i) => {
    if (n.nodeType === ELEMENT_NODE) {
      for (const a of KEY_ATTRIBUTES) {
        const v = (n as XElement).getAttribute(a);
        if (v) {
          const key = escapeKey(v);
          return key.length > MAX_KEY ? `${key.slice(0, MAX_KEY)}#${i + 1}` : key;
        }
      }
    }
    return String(i + 1);
  });
  const counts = new Map<string, number>();
  for (const k of raw) counts.set(k, (counts.get(k) ?? 0) + 1);
  return raw.map((k, i) => (counts.get(k)! > 1 || (/^\d+$/.test(k) && k !== String(i + 1)) ? `${k}#${i + 1}` : k));
}
