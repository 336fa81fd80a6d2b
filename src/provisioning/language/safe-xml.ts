import { SaxesParser, type SaxesTagNS } from 'saxes';
import { ProblemError } from '../../common/errors/problem';
import { newEmptyDocument, type XDocument, type XElement } from './xml-dom';

/**
 * Safe parsing of client XML (LANGUAGE.md §5): a strict SAX pass with saxes, which sees the
 * DOCTYPE, processing instructions and entity references as events and stops at the first
 * forbidden construct or at the depth limit, building an @xmldom/xmldom DOM as it goes. Nothing
 * is ever fetched: there is no DTD processing at all, so a billion laughs, an XXE or any DOCTYPE
 * is rejected, never expanded.
 *
 * Character references (`&#233;`) and the five predefined entities stay allowed: they expand to
 * exactly one character each and are ordinary XML.
 */

export const XML_MAX_BYTES = 1024 * 1024;
export const XML_MAX_DEPTH = 64;
/** Attributes on one element: the request language needs a handful; thousands only cost time. */
export const XML_MAX_ATTRIBUTES = 256;

const XINCLUDE_NS = 'http://www.w3.org/2001/XInclude';
const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface SafeParseOptions {
  maxBytes?: number;
  maxDepth?: number;
}

function forbidden(detail: string, line?: number, column?: number): never {
  throw new ProblemError('XML_FORBIDDEN_CONSTRUCT', detail, line ? { line, column } : {});
}

/** Decodes and size-checks the input; bytes must be UTF-8. */
export function xmlText(input: string | Uint8Array, maxBytes = XML_MAX_BYTES): string {
  let text: string;
  if (typeof input === 'string') {
    // Cheap upper bound first: a UTF-8 character takes at most 3 bytes per UTF-16 unit.
    if (input.length > maxBytes || (input.length * 3 > maxBytes && Buffer.byteLength(input, 'utf8') > maxBytes)) {
      throw new ProblemError('XML_TOO_LARGE', `The document is larger than ${maxBytes} bytes`, { maxBytes });
    }
    text = input;
  } else {
    if (input.byteLength > maxBytes) throw new ProblemError('XML_TOO_LARGE', `The document is larger than ${maxBytes} bytes`, { maxBytes });
    try {
      text = utf8.decode(input);
    } catch {
      throw new ProblemError('INVALID_ENCODING', 'The document is not valid UTF-8');
    }
  }
  // One byte-order mark may open the document; a second one is character data before the root.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.charCodeAt(0) === 0xfeff)
    throw new ProblemError('XML_MALFORMED', 'The document is not well-formed: a second byte-order mark before the root element', { line: 1, column: 1 });
  return body;
}

/** The DOM element of an open tag (its attributes checked), carrying its line for error messages. */
function elementOf(doc: XDocument, tag: SaxesTagNS, line: number, column: number): XElement {
  const attributes = Object.values(tag.attributes);
  if (attributes.length > XML_MAX_ATTRIBUTES) {
    throw new ProblemError('XML_TOO_MANY_ATTRIBUTES', `An element has ${attributes.length} attributes, more than ${XML_MAX_ATTRIBUTES} (line ${line})`, {
      maxAttributes: XML_MAX_ATTRIBUTES,
      line,
    });
  }
  let el: XElement;
  try {
    el = doc.createElementNS(tag.uri || null, tag.name);
    for (const a of attributes) el.setAttributeNS(a.uri || null, a.name, a.value);
  } catch (e) {
    throw new ProblemError('XML_MALFORMED', `The document is not well-formed: ${(e as Error).message} (line ${line})`, { line, column });
  }
  (el as unknown as { lineNumber: number }).lineNumber = line;
  return el;
}

/**
 * One strict saxes pass that both vets the text and builds the DOM: the first forbidden
 * construct, the depth limit or a syntax error throws its ProblemError at once, before anything
 * after it is read. (Building the DOM from the same events is about 3× faster than a second
 * parse with xmldom's own parser.)
 */
function scan(text: string, maxDepth: number): XDocument {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const doc = newEmptyDocument();
  const stack: (XDocument | XElement)[] = [doc];
  const top = () => stack[stack.length - 1];
  parser.on('xmldecl', (decl) => {
    if (decl.version !== undefined && decl.version !== '1.0') forbidden(`Only XML 1.0 is accepted, not ${decl.version}`, parser.line, parser.column);
    if (decl.encoding !== undefined && !/^utf-?8$/i.test(decl.encoding)) {
      throw new ProblemError('INVALID_ENCODING', `Only UTF-8 documents are accepted, not ${decl.encoding}`);
    }
  });
  parser.on('doctype', () =>
    forbidden('DOCTYPE declarations (and with them entity declarations and external DTDs) are not allowed', parser.line, parser.column),
  );
  parser.on('processinginstruction', (pi) => forbidden(`Processing instructions are not allowed (<?${pi.target} ...?>)`, parser.line, parser.column));
  parser.on('opentag', (tag) => {
    if (stack.length > maxDepth) {
      const { line, column } = parser;
      throw new ProblemError('XML_TOO_DEEP', `Elements nest deeper than ${maxDepth} levels (line ${line})`, { maxDepth, line, column });
    }
    if (tag.uri === XINCLUDE_NS) forbidden('XInclude elements are not allowed', parser.line, parser.column);
    const el = elementOf(doc, tag, parser.line, parser.column);
    top().appendChild(el);
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (t) => {
    if (stack.length > 1) top().appendChild(doc.createTextNode(t));
  });
  parser.on('cdata', (t) => {
    top().appendChild(doc.createCDATASection(t));
  });
  parser.on('comment', (t) => {
    top().appendChild(doc.createComment(t));
  });
  parser.on('error', (err) => {
    const { line, column } = parser;
    const message = err.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '');
    if (message === 'undefined entity.') {
      forbidden(`Entity references other than &amp; &lt; &gt; &quot; &apos; are not allowed (line ${line}, column ${column})`, line, column);
    }
    throw new ProblemError('XML_MALFORMED', `The document is not well-formed: ${message} (line ${line}, column ${column})`, { line, column });
  });
  parser.write(text).close();
  return doc;
}

/**
 * Parses client XML into a DOM, or throws a ProblemError: XML_TOO_LARGE (413), INVALID_ENCODING
 * (400), XML_FORBIDDEN_CONSTRUCT (400), XML_TOO_DEEP (422) or XML_MALFORMED (400, with line/column).
 * Elements carry `lineNumber` for error messages.
 */
export function parseXmlSafely(input: string | Uint8Array, opts: SafeParseOptions = {}): XDocument {
  return scan(xmlText(input, opts.maxBytes ?? XML_MAX_BYTES), opts.maxDepth ?? XML_MAX_DEPTH);
}
