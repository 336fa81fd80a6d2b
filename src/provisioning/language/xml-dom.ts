import { type Attr, type Document, DOMImplementation, DOMParser, type Element, type Node, XMLSerializer } from '@xmldom/xmldom';

/**
 * Small DOM helpers shared by the compiler and the program machine. Data documents (frames and
 * executeData) are namespace-free: element names are local names, so XPath location paths such
 * as `users/user` match without prefixes (XPath 1.0 has no default namespace).
 */

export type XDocument = Document;
export type XElement = Element;
export type XNode = Node;
export type XAttr = Attr;

export const ELEMENT_NODE = 1;
export const ATTRIBUTE_NODE = 2;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;
export const COMMENT_NODE = 8;

export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

const impl = new DOMImplementation();
const serializer = new XMLSerializer();

/** Only CR LF / CR → LF (XML 1.0 §2.11); xmldom's default also rewrites Unicode line separators (XML 1.1). */
const xml10LineEndings = (s: string) => s.replace(/\r\n?/g, '\n');

/** A document without any node yet (the safe parser fills it). */
export function newEmptyDocument(): XDocument {
  return impl.createDocument(null, '', null);
}

/** A new namespace-free document whose root element is `rootName`. */
export function newDocument(rootName: string): XDocument {
  return impl.createDocument(null, rootName, null);
}

export function rootOf(doc: XDocument): XElement {
  const root = doc.documentElement;
  if (!root) throw new Error('document without root element');
  return root;
}

/** Serializes a node (not the document: no XML declaration). */
export function serialize(node: XNode | XDocument): string {
  return serializer.serializeToString(node as Node);
}

/**
 * Parses XML this process wrote itself (frames of a machine state, literals of a compiled
 * program). Not for client input: that goes through parseXmlSafely.
 */
export function parseTrusted(xml: string): XDocument {
  const parser = new DOMParser({
    locator: false,
    normalizeLineEndings: xml10LineEndings,
    onError: (level, msg) => {
      if (level !== 'warning') throw new Error(`internal XML could not be parsed: ${msg}`);
    },
  });
  return parser.parseFromString(xml, 'application/xml');
}

export function elementChildren(el: XElement): XElement[] {
  const out: XElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === ELEMENT_NODE) out.push(n as XElement);
  return out;
}

export function hasElementChild(el: XElement): boolean {
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === ELEMENT_NODE) return true;
  return false;
}

export function localNameOf(el: XElement): string {
  return (el.localName ?? el.nodeName) as string;
}

/** Attributes that carry data: no namespace declarations, no namespaced attributes. */
export function plainAttributes(el: XElement): XAttr[] {
  const out: XAttr[] = [];
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs.item(i) as XAttr;
    if (!a.namespaceURI) out.push(a);
  }
  return out;
}

export function isWhitespace(s: string): boolean {
  return /^[ \t\r\n]*$/.test(s);
}

/**
 * Copies `node` into `doc` without namespaces: elements keep their local name, attributes without
 * a namespace are kept (namespace declarations and prefixed attributes dropped), text and CDATA
 * become text, comments are dropped, and whitespace-only text between elements is dropped (it is
 * formatting, not data).
 */
export function plainCopy(doc: XDocument, node: XNode): XNode | null {
  switch (node.nodeType) {
    case ELEMENT_NODE: {
      const src = node as XElement;
      const el = doc.createElement(localNameOf(src));
      for (const a of plainAttributes(src)) el.setAttribute(a.name, a.value);
      const mixed = hasElementChild(src);
      for (let c = src.firstChild; c; c = c.nextSibling) {
        if (mixed && (c.nodeType === TEXT_NODE || c.nodeType === CDATA_SECTION_NODE) && isWhitespace(c.nodeValue ?? '')) continue;
        const copy = plainCopy(doc, c);
        if (copy) el.appendChild(copy);
      }
      return el;
    }
    case TEXT_NODE:
    case CDATA_SECTION_NODE:
      return doc.createTextNode(node.nodeValue ?? '');
    default:
      return null;
  }
}

/** Serializes the plain copies of an element's children (the literal of an `executeData`). */
export function plainChildrenXml(el: XElement): string {
  const doc = newDocument('literal');
  const copy = plainCopy(doc, el) as XElement;
  let out = '';
  for (let c = copy.firstChild; c; c = c.nextSibling) out += serialize(c);
  return out;
}

/** 1-based line of a node parsed with the locator, when known. */
export function lineOf(node: XNode | XElement): number | undefined {
  const n = (node as unknown as { lineNumber?: unknown }).lineNumber;
  return typeof n === 'number' ? n : undefined;
}
