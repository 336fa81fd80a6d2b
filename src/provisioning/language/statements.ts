import { type FieldError, ProblemError } from '../../common/errors/problem';
import type { ExecuteStatement, InputElement, Statement } from './ast';
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
const DESTINATION_PATH = /^[A-Za-z_][A-Za-z0-9_.-]*(\/[A-Za-z_][A-Za-z0-9_.-]*)*$/;
const ATTRIBUTE_LIST = /^([A-Za-z_][A-Za-z0-9_.-]*\??( [A-Za-z_][A-Za-z0-9_.-]*\??)*)?$/;
const VERSION = /^[0-9]+(\.[0-9]+)*$/;

type Check = (v: string) => string | null;

interface AttrSpec {
  required?: boolean;
  check?: Check;
  /** XSD whitespace `collapse` (non-string built-in types): trim and fold spaces before checking. */
  collapse?: boolean;
}

const pattern =
  (re: RegExp, max: number, what: string): Check =>
  (v) =>
    v.length > max ? `is longer than ${max} characters` : re.test(v) ? null : `is not a valid ${what}`;
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    values.includes(v) ? null : `must be one of ${values.join(', ')}`;
const length =
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

const A = {
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
function childPaths(where: string, children: XElement[]): string[] {
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

function readStatement(r: StructureReader, el: XElement, where: string): Statement | undefined {
  const name = localNameOf(el);
  const line = lineOf(el);
  switch (name) {
    case 'execute':
      return readExecute(r, el, where);
    case 'forEach': {
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
        line,
      };
    }
    case 'when': {
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
        line,
      };
    }
    case 'try': {
      r.attributes(el, where, {});
      const children = r.children(el, where);
      const last = children[children.length - 1];
      if (!last || localNameOf(last) !== 'catch') {
        r.fail(where, el, 'try must end with exactly one catch element');
        return {
          type: 'try',
          body: readBody(
            r,
            children.filter((c) => localNameOf(c) !== 'catch'),
            where,
          ),
          catchBody: [],
          line,
        };
      }
      const inner = children.slice(0, -1);
      inner.filter((c) => localNameOf(c) === 'catch').forEach((c) => r.fail(where, c, 'try must end with exactly one catch element'));
      const catchWhere = `${where}/catch[1]`;
      r.attributes(last, catchWhere, {});
      return {
        type: 'try',
        body: readBody(
          r,
          inner.filter((c) => localNameOf(c) !== 'catch'),
          where,
        ),
        catchBody: readBody(r, r.children(last, catchWhere), catchWhere),
        line,
      };
    }
    default:
      r.fail(where, el, `unexpected element ${name} (expected one of ${STATEMENTS.join(', ')})`);
      return undefined;
  }
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
      const m = r.attributes(c, paths[i], {
        source: { ...A.variable, required: true },
        sourcePath: A.path,
        destination: { check: fixed('executeData') },
        destinationPath: A.destinationPath,
        mode: A.mode,
      });
      r.children(c, paths[i]).forEach((x) => r.fail(paths[i], x, 'before must be empty'));
      const mapping: BeforeMapping = { source: m.source ?? '', mode: (m.mode ?? 'insert') as MappingMode };
      if (m.sourcePath !== undefined) mapping.sourcePath = m.sourcePath;
      if (m.destinationPath !== undefined) mapping.destinationPath = m.destinationPath;
      stmt.before.push(mapping);
    } else {
      const m = r.attributes(c, paths[i], {
        source: { check: fixed('executeData') },
        sourcePath: A.path,
        destination: { check: fixed('data') },
        destinationPath: A.destinationPath,
        mode: A.mode,
      });
      r.children(c, paths[i]).forEach((x) => r.fail(paths[i], x, 'after must be empty'));
      const mapping: AfterMapping = { mode: (m.mode ?? 'insert') as MappingMode };
      if (m.sourcePath !== undefined) mapping.sourcePath = m.sourcePath;
      if (m.destinationPath !== undefined) mapping.destinationPath = m.destinationPath;
      stmt.after.push(mapping);
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

// ---------------------------------------------------------------------------------------------
// Namespace documents

export interface ProcedureDocument {
  name: string;
  access: 'public' | 'private';
  summary?: string;
  input: InputElement[];
  body: Statement[];
}

export interface NamespaceDocument {
  name: string;
  version: string;
  description?: string;
  procedures: ProcedureDocument[];
}

/** A procedure's `input` element: the elements its data must hold. */
function readInput(r: StructureReader, inputEl: XElement, where: string): InputElement[] {
  const input: InputElement[] = [];
  const inputWhere = `${where}/input`;
  r.attributes(inputEl, inputWhere, {});
  const elements = r.children(inputEl, inputWhere);
  if (!elements.length) r.fail(inputWhere, inputEl, 'input needs at least one element');
  elements.forEach((e, j) => {
    const ew = `${inputWhere}/element[${j + 1}]`;
    if (localNameOf(e) !== 'element') return r.fail(ew, e, `unexpected element ${localNameOf(e)} in input`);
    const ea = r.attributes(e, ew, {
      path: { required: true, check: pattern(DESTINATION_PATH, 256, 'path') },
      attributes: { check: pattern(ATTRIBUTE_LIST, 4000, 'attribute list') },
      optional: A.boolean,
      summary: { check: length(0, 4000) },
    });
    r.children(e, ew).forEach((x) => r.fail(ew, x, 'element must be empty'));
    input.push({
      path: ea.path ?? '',
      attributes: (ea.attributes ?? '').split(' ').filter(Boolean),
      optional: parseBoolean(ea.optional),
      ...(ea.summary !== undefined && { summary: ea.summary }),
    });
  });
  return input;
}

export function readNamespaceDocument(doc: XDocument): NamespaceDocument {
  const r = new StructureReader(NAMESPACE_NS);
  const root = doc.documentElement!;
  if (localNameOf(root) !== 'namespace' || root.namespaceURI !== NAMESPACE_NS) {
    r.fail(`/${root.nodeName}`, root, `the root element must be namespace in namespace ${NAMESPACE_NS}`);
    r.throwIfErrors('namespace document');
  }
  const a = r.attributes(root, '/namespace', { name: A.namespaceName, version: { required: true, check: pattern(VERSION, 32, 'version') } });
  const out: NamespaceDocument = { name: a.name ?? '', version: a.version ?? '', procedures: [] };
  const children = r.children(root, '/namespace');
  const paths = childPaths('/namespace', children);
  const seen = new Set<string>();
  children.forEach((c, i) => {
    const name = localNameOf(c);
    if (name === 'description') {
      if (i !== 0) r.fail(paths[i], c, 'description must come first');
      r.attributes(c, paths[i], {});
      out.description = (c.textContent ?? '').trim().replace(/\s+/g, ' ');
      return;
    }
    if (name !== 'procedure') return r.fail(paths[i], c, `unexpected element ${name} in namespace (expected description?, procedure+)`);
    const where = `/namespace/procedure[@name='${c.getAttribute('name') ?? ''}']`;
    const pa = r.attributes(c, where, {
      name: A.procedureName,
      access: { required: true, check: oneOf('public', 'private') },
      summary: { check: length(0, 4000) },
    });
    if (pa.name && seen.has(pa.name)) r.fail(where, c, `procedure ${pa.name} is defined twice`);
    if (pa.name) seen.add(pa.name);
    const content = r.children(c, where);
    const hasInput = !!content[0] && localNameOf(content[0]) === 'input';
    const input = hasInput ? readInput(r, content[0], where) : [];
    const statements = hasInput ? content.slice(1) : content;
    statements.filter((s) => localNameOf(s) === 'input').forEach((s) => r.fail(where, s, 'input must come first in a procedure'));
    out.procedures.push({
      name: pa.name ?? '',
      access: (pa.access ?? 'private') as 'public' | 'private',
      ...(pa.summary !== undefined && { summary: pa.summary }),
      input,
      body: readBody(
        r,
        statements.filter((s) => localNameOf(s) !== 'input'),
        where,
      ),
    });
  });
  if (!out.procedures.length) r.fail('/namespace', root, 'a namespace needs at least one procedure');
  r.throwIfErrors('namespace document');
  return out;
}
