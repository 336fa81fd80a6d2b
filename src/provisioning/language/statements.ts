import { type FieldError, ProblemError } from '../../common/errors/problem';
import type { ExecuteStatement, Statement } from './ast';
import type { AfterMapping, BeforeMapping, MappingMode } from './program';
import {
  CDATA_SECTION_NODE,
  ELEMENT_NODE,
  isWhitespace,
  lineOf,
  localNameOf,
  plainChildrenXml,
  TEXT_NODE,
  XMLNS_NS,
  XSI_NS,
  type XDocument,
  type XElement,
} from './xml-dom';

/**
 * Reads request and namespace documents into statements, checking the same structure as
 * `schemas/request.xsd` and `schemas/namespace.xsd`. Validation runs in code because the only
 * pure-JS XSD validator available (xmllint-wasm) starts a worker and a WebAssembly instance per
 * call (≈70 ms measured), far beyond the per-request budget; the XSDs stay the published
 * contract and tests check every shipped document with libxml2's xmllint.
 */

export const REQUEST_NS = 'urn:provisio:request:1';
export const NAMESPACE_NS = 'urn:provisio:namespace:1';

const MAX_ERRORS = 50;

const NAMESPACE_NAME = /^[A-Za-z][A-Za-z0-9]*( [A-Za-z][A-Za-z0-9]*)*$/;
const PROCEDURE_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
// eslint-disable-next-line no-misleading-character-class -- XML NCName: combining marks (U+0300–U+036F) may follow a name start
const NCNAME = /^[\p{L}_][\p{L}\p{N}_.\-\u00B7\u0300-\u036F\u203F\u2040]*$/u;
export const DESTINATION_PATH = /^[A-Za-z_][A-Za-z0-9_.-]*(\/[A-Za-z_][A-Za-z0-9_.-]*)*$/;
export const ATTRIBUTE_LIST = /^([A-Za-z_][A-Za-z0-9_.-]*\??( [A-Za-z_][A-Za-z0-9_.-]*\??)*)?$/;
export const VERSION = /^[0-9]+(\.[0-9]+)*$/;

type Check = (v: string) => string | null;

interface AttrSpec {
  required?: boolean;
  check?: Check;
  /** XSD whitespace `collapse` (non-string built-in types): trim and fold spaces before checking. */
  collapse?: boolean;
}

export const pattern =
  (re: RegExp, max: number, what: string): Check =>
  (v) =>
    v.length > max ? `is longer than ${max} characters` : re.test(v) ? null : `is not a valid ${what}`;
export const oneOf =
  (...values: string[]): Check =>
  (v) =>
    values.includes(v) ? null : `must be one of ${values.join(', ')}`;
export const length =
  (min: number, max: number): Check =>
  (v) =>
    v.length < min ? 'must not be empty' : v.length > max ? `is longer than ${max} characters` : null;
const fixed =
  (value: string): Check =>
  (v) =>
    v === value ? null : `must be "${value}" (or omitted)`;
const integer =
  (min: number, max: number): Check =>
  (v) => {
    if (!/^\+?[0-9]+$/.test(v)) return 'must be an integer';
    const n = Number(v);
    return n < min || n > max ? `must be between ${min} and ${max}` : null;
  };
const BOOLEAN = oneOf('true', 'false', '1', '0');

export const A = {
  namespaceName: { required: true, check: pattern(NAMESPACE_NAME, 64, 'namespace name') },
  procedureName: { required: true, check: pattern(PROCEDURE_NAME, 64, 'procedure name') },
  variable: { collapse: true, check: pattern(NCNAME, 64, 'name (NCName)') },
  path: { check: length(1, 1024) },
  destinationPath: { check: pattern(DESTINATION_PATH, 256, 'destination path (child element names separated by /)') },
  mode: { check: oneOf('insert', 'merge', 'replace') },
  boolean: { collapse: true, check: BOOLEAN },
} satisfies Record<string, AttrSpec>;

export function parseBoolean(v: string | undefined): boolean {
  return v === 'true' || v === '1';
}

/** Collects structure errors with the element path and line, like a schema validator would. */
export class StructureReader {
  readonly errors: FieldError[] = [];

  constructor(readonly ns: string) {}

  fail(where: string, node: XElement, message: string) {
    if (this.errors.length >= MAX_ERRORS) return;
    const line = lineOf(node);
    this.errors.push({ path: where, message: line ? `line ${line}: ${message}` : message });
  }

  /** The element's attributes per `spec`; unknown unqualified attributes are errors. */
  attributes(el: XElement, where: string, spec: Record<string, AttrSpec>): Record<string, string | undefined> {
    const out: Record<string, string | undefined> = {};
    const attrs = el.attributes;
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs.item(i)!;
      if (a.namespaceURI === XMLNS_NS || a.namespaceURI === XSI_NS || a.name === 'xmlns' || a.name.startsWith('xmlns:')) continue;
      if (a.namespaceURI) {
        this.fail(`${where}/@${a.name}`, el, `attribute ${a.name} is not allowed here`);
        continue;
      }
      const s = spec[a.name];
      if (!s) {
        this.fail(`${where}/@${a.name}`, el, `attribute ${a.name} is not allowed on ${localNameOf(el)}`);
        continue;
      }
      const value = s.collapse ? a.value.replace(/[ \t\r\n]+/g, ' ').trim() : a.value;
      const problem = s.check?.(value);
      if (problem) this.fail(`${where}/@${a.name}`, el, `attribute ${a.name} ${problem}`);
      else out[a.name] = value;
    }
    for (const [name, s] of Object.entries(spec)) {
      if (s.required && !el.hasAttribute(name)) this.fail(`${where}/@${name}`, el, `attribute ${name} is required on ${localNameOf(el)}`);
    }
    return out;
  }

  /** Element children of element-only content; text and elements of other namespaces are errors. */
  children(el: XElement, where: string): XElement[] {
    const out: XElement[] = [];
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === ELEMENT_NODE) {
        const c = n as XElement;
        if (c.namespaceURI !== this.ns) this.fail(`${where}/${c.nodeName}`, c, `element ${c.nodeName} is not in namespace ${this.ns}`);
        else out.push(c);
      } else if ((n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE) && !isWhitespace(n.nodeValue ?? '')) {
        this.fail(where, el, `text is not allowed inside ${localNameOf(el)}`);
      }
    }
    return out;
  }

  /** Throws XML_SCHEMA_VIOLATION when anything was collected. */
  throwIfErrors(what: string) {
    if (this.errors.length) {
      const first = this.errors[0];
      throw new ProblemError('XML_SCHEMA_VIOLATION', `The ${what} does not match its schema: ${first.path}: ${first.message}`, { errors: this.errors });
    }
  }
}

/** Numbers siblings by name for readable error paths: execute[2], before[1]. */
export function childPaths(where: string, children: XElement[]): string[] {
  const seen = new Map<string, number>();
  return children.map((c) => {
    const name = localNameOf(c);
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return `${where}/${name}[${n}]`;
  });
}

const STATEMENTS = ['execute', 'forEach', 'when', 'try'];
/** Upper bound of a forEach's `parallel` attribute (the XSDs say the same). */
export const MAX_PARALLEL = 64;

export function readBody(r: StructureReader, children: XElement[], where: string): Statement[] {
  const paths = childPaths(where, children);
  const out: Statement[] = [];
  children.forEach((c, i) => {
    const s = readStatement(r, c, paths[i]);
    if (s) out.push(s);
  });
  return out;
}

function readForEach(r: StructureReader, el: XElement, where: string): Statement {
  const a = r.attributes(el, where, {
    name: { ...A.variable, required: true },
    root: A.variable,
    path: { ...A.path, required: true },
    parallel: { collapse: true, check: integer(1, MAX_PARALLEL) },
  });
  const body = readBody(r, r.children(el, where), where);
  return {
    type: 'forEach',
    name: a.name ?? '',
    root: a.root ?? 'data',
    path: a.path ?? '',
    ...(a.parallel !== undefined && { parallel: Number(a.parallel) }),
    body,
    line: lineOf(el),
  };
}

function readWhen(r: StructureReader, el: XElement, where: string): Statement {
  const a = r.attributes(el, where, { source: { ...A.variable, required: true }, sourcePath: A.path, equals: {}, not: A.boolean });
  const body = readBody(r, r.children(el, where), where);
  return {
    type: 'when',
    condition: {
      source: a.source ?? '',
      ...(a.sourcePath !== undefined && { sourcePath: a.sourcePath }),
      ...(a.equals !== undefined && { equals: a.equals }),
      ...(parseBoolean(a.not) && { not: true }),
    },
    body,
    line: lineOf(el),
  };
}

function readTry(r: StructureReader, el: XElement, where: string): Statement {
  const line = lineOf(el);
  r.attributes(el, where, {});
  const children = r.children(el, where);
  const last = children[children.length - 1];
  const notCatch = (cs: XElement[]) => cs.filter((c) => localNameOf(c) !== 'catch');
  if (!last || localNameOf(last) !== 'catch') {
    r.fail(where, el, 'try must end with exactly one catch element');
    return { type: 'try', body: readBody(r, notCatch(children), where), catchBody: [], line };
  }
  const inner = children.slice(0, -1);
  inner.filter((c) => localNameOf(c) === 'catch').forEach((c) => r.fail(where, c, 'try must end with exactly one catch element'));
  const catchWhere = `${where}/catch[1]`;
  r.attributes(last, catchWhere, {});
  return { type: 'try', body: readBody(r, notCatch(inner), where), catchBody: readBody(r, r.children(last, catchWhere), catchWhere), line };
}

function readStatement(r: StructureReader, el: XElement, where: string): Statement | undefined {
  const name = localNameOf(el);
  switch (name) {
    case 'execute':
      return readExecute(r, el, where);
    case 'forEach':
      return readForEach(r, el, where);
    case 'when':
      return readWhen(r, el, where);
    case 'try':
      return readTry(r, el, where);
    default:
      r.fail(where, el, `unexpected element ${name} (expected one of ${STATEMENTS.join(', ')})`);
      return undefined;
  }
}

function readBefore(r: StructureReader, c: XElement, where: string): BeforeMapping {
  const m = r.attributes(c, where, {
    source: { ...A.variable, required: true },
    sourcePath: A.path,
    destination: { check: fixed('executeData') },
    destinationPath: A.destinationPath,
    mode: A.mode,
  });
  r.children(c, where).forEach((x) => r.fail(where, x, 'before must be empty'));
  const mapping: BeforeMapping = { source: m.source ?? '', mode: (m.mode ?? 'insert') as MappingMode };
  if (m.sourcePath !== undefined) mapping.sourcePath = m.sourcePath;
  if (m.destinationPath !== undefined) mapping.destinationPath = m.destinationPath;
  return mapping;
}

function readAfter(r: StructureReader, c: XElement, where: string): AfterMapping {
  const m = r.attributes(c, where, {
    source: { check: fixed('executeData') },
    sourcePath: A.path,
    destination: { check: fixed('data') },
    destinationPath: A.destinationPath,
    mode: A.mode,
  });
  r.children(c, where).forEach((x) => r.fail(where, x, 'after must be empty'));
  const mapping: AfterMapping = { mode: (m.mode ?? 'insert') as MappingMode };
  if (m.sourcePath !== undefined) mapping.sourcePath = m.sourcePath;
  if (m.destinationPath !== undefined) mapping.destinationPath = m.destinationPath;
  return mapping;
}

function readExecute(r: StructureReader, el: XElement, where: string): ExecuteStatement {
  const a = r.attributes(el, where, {
    namespace: A.namespaceName,
    procedure: A.procedureName,
    id: A.variable,
    retries: { collapse: true, check: integer(0, 20) },
    timeoutMs: { collapse: true, check: integer(1, 3_600_000) },
  });
  const stmt: ExecuteStatement = {
    type: 'execute',
    namespace: a.namespace ?? '',
    procedure: a.procedure ?? '',
    literal: '',
    before: [],
    after: [],
    line: lineOf(el),
  };
  if (a.id !== undefined) stmt.id = a.id;
  if (a.retries !== undefined) stmt.retries = Number(a.retries);
  if (a.timeoutMs !== undefined) stmt.timeoutMs = Number(a.timeoutMs);
  // Content model: executeData?, before*, after*
  const order = ['executeData', 'before', 'after'];
  let stage = 0;
  const children = r.children(el, where);
  const paths = childPaths(where, children);
  children.forEach((c, i) => {
    const name = localNameOf(c);
    const at = order.indexOf(name);
    if (at < 0) return r.fail(paths[i], c, `unexpected element ${name} in execute (expected executeData?, before*, after*)`);
    if (at < stage || (at === 0 && i > 0)) return r.fail(paths[i], c, `element ${name} is out of order in execute (expected executeData?, before*, after*)`);
    stage = at;
    if (name === 'executeData') {
      r.attributes(c, paths[i], {});
      stmt.literal = plainChildrenXml(c);
    } else if (name === 'before') {
      stmt.before.push(readBefore(r, c, paths[i]));
    } else {
      stmt.after.push(readAfter(r, c, paths[i]));
    }
  });
  return stmt;
}

// ---------------------------------------------------------------------------------------------
// Request documents

export interface RequestDocument {
  onFailure: 'rollback' | 'park';
  root: XElement;
  context?: XElement;
  data?: XElement;
  body?: Statement[];
  call?: { namespace: string; procedure: string };
}

export function readRequest(doc: XDocument): RequestDocument {
  const r = new StructureReader(REQUEST_NS);
  const root = doc.documentElement!;
  if (localNameOf(root) !== 'request' || root.namespaceURI !== REQUEST_NS) {
    r.fail(`/${root.nodeName}`, root, `the root element must be request in namespace ${REQUEST_NS}`);
    r.throwIfErrors('request');
  }
  const a = r.attributes(root, '/request', { onFailure: { check: oneOf('rollback', 'park') } });
  const out: RequestDocument = { onFailure: (a.onFailure ?? 'rollback') as 'rollback' | 'park', root };
  // Content model: context?, data?, (procedure | call)
  const order = ['context', 'data', 'main'];
  let stage = -1;
  for (const c of r.children(root, '/request')) {
    const name = localNameOf(c);
    const where = `/request/${name}`;
    const at = name === 'procedure' || name === 'call' ? 2 : order.indexOf(name);
    if (at < 0) {
      r.fail(where, c, `unexpected element ${name} in request (expected context?, data?, then procedure or call)`);
      continue;
    }
    if (at <= stage) {
      r.fail(where, c, `element ${name} is out of order or repeated in request (expected context?, data?, then procedure or call)`);
      continue;
    }
    stage = at;
    if (name === 'context') {
      r.attributes(c, where, Object.fromEntries(['order', 'organization', 'actor', 'onBehalfOf', 'request'].map((k) => [k, { check: length(1, 200) }])));
      out.context = c;
    } else if (name === 'data') {
      r.attributes(c, where, {});
      out.data = c;
    } else if (name === 'procedure') {
      r.attributes(c, where, {});
      out.body = readBody(r, r.children(c, where), where);
    } else {
      const m = r.attributes(c, where, { namespace: A.namespaceName, procedure: A.procedureName });
      r.children(c, where).forEach((x) => r.fail(where, x, 'call must be empty'));
      out.call = { namespace: m.namespace ?? '', procedure: m.procedure ?? '' };
    }
  }
  if (stage < 2) r.fail('/request', root, 'request needs a procedure or a call element');
  r.throwIfErrors('request');
  return out;
}
