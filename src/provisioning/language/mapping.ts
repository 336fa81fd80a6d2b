import { FRAME_SOURCES } from './ast';
import type { BeforeMapping, Binding, MappingMode } from './program';
import {
  ATTRIBUTE_NODE,
  CDATA_SECTION_NODE,
  ELEMENT_NODE,
  elementChildren,
  isWhitespace,
  localNameOf,
  newDocument,
  parseTrusted,
  plainAttributes,
  rootOf,
  TEXT_NODE,
  type XDocument,
  type XAttr,
  type XElement,
  type XNode,
} from './xml-dom';
import { PathEvaluationError, selectNodes } from './xpath-paths';

/**
 * Data mappings (LANGUAGE.md §2) over namespace-free DOM documents, shared by the compiler (which
 * evaluates `before` mappings of composite calls to know what a forEach will iterate) and the
 * program machine (which runs them).
 *
 * - Source nodes: `sourcePath` (XPath 1.0) evaluated from the source node, or the source node itself.
 * - Destination: `destinationPath` (child element names `a/b`) under the destination root, created
 *   when missing (first match when several).
 * - `insert` appends a copy of each selected node; `merge` does the same but a copied element
 *   replaces, in place, the first existing child element of the same name, and a copied text
 *   replaces the destination's text; `replace` first removes all child nodes of the destination.
 *   In every mode a selected attribute is set as an attribute of the destination (overwriting a
 *   same-named one): "selecting an attribute copies it as an attribute".
 */

/** A mapping that cannot be applied (a forEach node that no longer exists is *not* one: it maps nothing). */
export class MappingError extends Error {}

/** Gives the roots of the frames a program sees: frames[0] is the request data. */
export interface FrameView {
  /** Index of the current frame. */
  readonly current: number;
  root(depth: number): XElement;
}

/** The node a forEach binding denotes now, or undefined when it no longer exists. */
export function bindingNode(b: Binding, frames: FrameView): XNode | undefined {
  return select(b.path, frames.root(b.frameDepth))[b.index - 1];
}

export function resolveSource(source: string, bindings: Record<string, Binding>, frames: FrameView): XNode | undefined {
  if (FRAME_SOURCES.has(source)) return frames.root(frames.current);
  const b = bindings[source];
  if (!b) throw new MappingError(`unknown source "${source}"`);
  return bindingNode(b, frames);
}

function select(path: string, node: XNode): XNode[] {
  try {
    return selectNodes(path, node);
  } catch (e) {
    if (e instanceof PathEvaluationError) throw new MappingError(e.message);
    throw e;
  }
}

export function selectFrom(node: XNode | undefined, path: string | undefined): XNode[] {
  if (!node) return [];
  return path ? select(path, node) : [node];
}

function docOf(el: XElement): XDocument {
  const doc = el.ownerDocument;
  if (!doc) throw new Error('element without owner document');
  return doc;
}

function firstChildNamed(el: XElement, name: string): XElement | undefined {
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === ELEMENT_NODE && localNameOf(n as XElement) === name) return n as XElement;
  return undefined;
}

/** The element at `path` (child names) under `root`, created when missing. */
export function ensurePath(root: XElement, path: string | undefined): XElement {
  if (!path) return root;
  let el = root;
  for (const name of path.split('/')) {
    let next = firstChildNamed(el, name);
    if (!next) {
      next = docOf(el).createElement(name);
      el.appendChild(next);
    }
    el = next;
  }
  return el;
}

function removeChildren(el: XElement, which: (n: XNode) => boolean = () => true) {
  for (let n = el.firstChild; n;) {
    const next = n.nextSibling;
    if (which(n)) el.removeChild(n);
    n = next;
  }
}

const isText = (n: XNode) => n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE;

/** Copies `nodes` into `dest` per `mode`. */
export function mapInto(nodes: XNode[], dest: XElement, mode: MappingMode): void {
  const doc = docOf(dest);
  if (mode === 'replace') removeChildren(dest);
  for (const n of nodes) {
    if (n.nodeType === ATTRIBUTE_NODE) {
      const a = n as XAttr;
      dest.setAttribute(a.localName ?? a.name, a.value);
    } else if (n.nodeType === ELEMENT_NODE) {
      const copy = doc.importNode(n, true) as XElement;
      const existing = mode === 'merge' ? firstChildNamed(dest, localNameOf(copy)) : undefined;
      if (existing) dest.replaceChild(copy, existing);
      else dest.appendChild(copy);
    } else if (isText(n)) {
      if (mode === 'merge') removeChildren(dest, isText);
      dest.appendChild(doc.createTextNode(n.nodeValue ?? ''));
    } else if (n.nodeType === 9 /* document */) {
      const root = (n as unknown as XDocument).documentElement as XElement | null;
      if (root) mapInto([root], dest, mode === 'replace' ? 'insert' : mode);
    }
  }
}

const literalCache = new Map<string, XElement>();

/** The nodes of a literal (serialized, namespace-free XML children), parsed once per process. */
function literalRoot(literal: string): XElement {
  let root = literalCache.get(literal);
  if (!root) {
    root = rootOf(parseTrusted(`<literal>${literal}</literal>`));
    if (literalCache.size >= 1024) literalCache.clear();
    literalCache.set(literal, root);
  }
  return root;
}

/**
 * A call's executeData, or a composite's new frame: the literal `<executeData>` content, then
 * each `before` mapping in document order.
 */
export function buildDocument(rootName: string, literal: string, before: BeforeMapping[], bindings: Record<string, Binding>, frames: FrameView): XDocument {
  const doc = newDocument(rootName);
  const root = rootOf(doc);
  if (literal) for (let n = literalRoot(literal).firstChild; n; n = n.nextSibling) root.appendChild(doc.importNode(n, true));
  for (const m of before) mapInto(selectFrom(resolveSource(m.source, bindings, frames), m.sourcePath), ensurePath(root, m.destinationPath), m.mode);
  return doc;
}

// ---------------------------------------------------------------------------------------------
// executeData ⇄ procedure input/output

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function elementValue(el: XElement): unknown {
  const attrs = plainAttributes(el);
  const children = elementChildren(el);
  if (!attrs.length && !children.length) return el.textContent ?? '';
  return elementObject(el, attrs, children);
}

function elementObject(el: XElement, attrs = plainAttributes(el), children = elementChildren(el)): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  for (const a of attrs) if (!UNSAFE_KEYS.has(a.name)) obj[a.name] = a.value;
  const repeated = new Set<string>();
  for (const c of children) {
    const name = localNameOf(c);
    if (UNSAFE_KEYS.has(name)) continue;
    const value = elementValue(c);
    if (!(name in obj)) obj[name] = value;
    else if (repeated.has(name)) (obj[name] as unknown[]).push(value);
    else {
      obj[name] = [obj[name], value];
      repeated.add(name);
    }
  }
  let text = '';
  for (let n = el.firstChild; n; n = n.nextSibling) if (isText(n)) text += n.nodeValue ?? '';
  if (!isWhitespace(text) && !('#text' in obj)) obj['#text'] = text;
  return obj;
}

/**
 * executeData → the procedure's raw input: every attribute and child element of the root is a
 * property; an element with neither attributes nor child elements is its text, others are
 * objects (attributes and children as properties, non-blank text as `#text`); a name repeated
 * among siblings becomes an array. Values are strings.
 */
export function executeDataToInput(root: XElement): Record<string, unknown> {
  return elementObject(root);
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function scalar(v: unknown): string {
  return v instanceof Date ? v.toISOString() : String(v);
}

function appendValue(parent: XElement, name: string, value: unknown): void {
  if (value === undefined || value === null || !NAME.test(name)) return;
  if (Array.isArray(value)) {
    for (const v of value) appendValue(parent, name, v);
    return;
  }
  const el = docOf(parent).createElement(name);
  if (typeof value === 'object' && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined || v === null) continue;
      if (typeof v === 'object' && !(v instanceof Date)) appendValue(el, k, v);
      else if (k === '#text') el.appendChild(docOf(el).createTextNode(scalar(v)));
      else if (NAME.test(k)) el.setAttribute(k, scalar(v));
    }
  } else {
    el.appendChild(docOf(el).createTextNode(scalar(value)));
  }
  parent.appendChild(el);
}

/**
 * Writes a procedure's output into its executeData: each field becomes a child element of the
 * root (replacing same-named children); scalars are text, objects are elements whose scalar
 * properties are attributes and whose object/array properties are nested elements, arrays are
 * repeated elements. Fields whose names are not XML names are skipped.
 */
export function writeOutput(root: XElement, output: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(output ?? {})) {
    if (!NAME.test(name)) continue;
    removeChildren(root, (n) => n.nodeType === ELEMENT_NODE && localNameOf(n as XElement) === name);
    appendValue(root, name, value);
  }
}
