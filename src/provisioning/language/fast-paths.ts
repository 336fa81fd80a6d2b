import { ATTRIBUTE_NODE, CDATA_SECTION_NODE, ELEMENT_NODE, TEXT_NODE, type XAttr, type XElement, type XNode } from './xml-dom';

/**
 * A fast evaluator for the XPath 1.0 subset that mappings, forEach and when use: relative
 * location paths in abbreviated syntax over the child and attribute axes, `.`, `..`, unions, a
 * parenthesized path with predicates (`(users/user)[2]/record`, what nested forEach bindings
 * look like), and predicates that are a position, `last()`, or an existence/equality test of an
 * attribute, a child or `.` against a literal.
 *
 * Why: the `xpath` package orders every node set through xmldom's compareDocumentPosition, which
 * scans sibling lists, so selecting 10,000 users takes ~50 s. This evaluator yields document
 * order by construction (and sorts only when `..` or a union could break it). Anything outside
 * the subset returns null from `compileFastPath` and is evaluated by the `xpath` package; a unit
 * test checks both agree on a corpus of expressions.
 */

type NodeTest = { kind: 'name'; name: string } | { kind: 'star' } | { kind: 'text' } | { kind: 'node' };

type Predicate = { kind: 'position'; n: number } | { kind: 'last' } | { kind: 'test'; operand: Operand; op?: '=' | '!='; literal?: string };

type Operand = { kind: 'attr'; name: string } | { kind: 'child'; name: string } | { kind: 'self' };

type Step =
  | { axis: 'child'; test: NodeTest; predicates: Predicate[] }
  | { axis: 'attribute'; name: string | '*'; predicates: Predicate[] }
  | { axis: 'self'; predicates: Predicate[] }
  | { axis: 'parent'; predicates: Predicate[] };

type PathExpr = { filter?: { union: PathExpr[]; predicates: Predicate[] }; steps: Step[] };

export type FastPath = (context: XNode) => XNode[];

class Syntax extends Error {}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*/;

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  private ws() {
    while (this.i < this.s.length && ' \t\r\n'.includes(this.s[this.i])) this.i++;
  }
  private peek(t: string): boolean {
    this.ws();
    return this.s.startsWith(t, this.i);
  }
  private eat(t: string): boolean {
    if (!this.peek(t)) return false;
    this.i += t.length;
    return true;
  }
  private expect(t: string) {
    if (!this.eat(t)) throw new Syntax(`expected ${t}`);
  }
  private name(): string {
    this.ws();
    const m = NAME.exec(this.s.slice(this.i));
    if (!m) throw new Syntax('expected a name');
    this.i += m[0].length;
    // Axes (child::), functions other than text()/node()/last(), and prefixes are not in the subset.
    if (this.s[this.i] === ':' || (this.s[this.i] === '(' && !['text', 'node', 'last'].includes(m[0]))) throw new Syntax('unsupported');
    return m[0];
  }

  parse(): PathExpr[] {
    const union = this.union();
    this.ws();
    if (this.i !== this.s.length) throw new Syntax('trailing input');
    return union;
  }

  private union(): PathExpr[] {
    const out = [this.pathExpr()];
    while (this.eat('|')) out.push(this.pathExpr());
    return out;
  }

  private pathExpr(): PathExpr {
    if (this.peek('/')) throw new Syntax('absolute paths are not in the subset');
    if (this.eat('(')) {
      const union = this.union();
      this.expect(')');
      const predicates = this.predicates();
      const steps = this.eat('/') ? this.steps() : [];
      return { filter: { union, predicates }, steps };
    }
    return { steps: this.steps() };
  }

  private steps(): Step[] {
    const out = [this.step()];
    while (this.peek('/') && !this.peek('//')) {
      this.i++;
      out.push(this.step());
    }
    if (this.peek('//')) throw new Syntax('descendant axis is not in the subset');
    return out;
  }

  private step(): Step {
    // XPath 1.0 allows no predicates on the abbreviated steps . and ..
    if (this.eat('..')) return { axis: 'parent', predicates: this.noPredicates() };
    if (this.eat('.')) return { axis: 'self', predicates: this.noPredicates() };
    if (this.eat('@')) {
      const name = this.eat('*') ? '*' : this.name();
      return { axis: 'attribute', name, predicates: this.predicates() };
    }
    if (this.eat('*')) return { axis: 'child', test: { kind: 'star' }, predicates: this.predicates() };
    const name = this.name();
    let test: NodeTest = { kind: 'name', name };
    if (name === 'text' || name === 'node') {
      if (this.eat('(')) {
        this.expect(')');
        test = { kind: name };
      }
    }
    return { axis: 'child', test, predicates: this.predicates() };
  }

  private noPredicates(): Predicate[] {
    if (this.peek('[')) throw new Syntax('no predicates on . or ..');
    return [];
  }

  private predicates(): Predicate[] {
    const out: Predicate[] = [];
    while (this.eat('[')) {
      out.push(this.predicate());
      this.expect(']');
    }
    return out;
  }

  private predicate(): Predicate {
    this.ws();
    const num = /^[0-9]+/.exec(this.s.slice(this.i));
    if (num) {
      this.i += num[0].length;
      const n = Number(num[0]);
      if (n < 1 || !Number.isSafeInteger(n)) throw new Syntax('unsupported position');
      return { kind: 'position', n };
    }
    if (this.eat('last')) {
      this.expect('(');
      this.expect(')');
      return { kind: 'last' };
    }
    let operand: Operand;
    if (this.eat('@')) operand = { kind: 'attr', name: this.name() };
    else if (this.peek('.') && !this.peek('..')) {
      this.i++;
      operand = { kind: 'self' };
    } else operand = { kind: 'child', name: this.name() };
    const op = this.eat('!=') ? '!=' : this.eat('=') ? '=' : undefined;
    if (!op) return { kind: 'test', operand };
    this.ws();
    const q = this.s[this.i];
    if (q !== '"' && q !== "'") throw new Syntax('expected a literal');
    const end = this.s.indexOf(q, this.i + 1);
    if (end < 0) throw new Syntax('unterminated literal');
    const literal = this.s.slice(this.i + 1, end);
    this.i = end + 1;
    return { kind: 'test', operand, op, literal };
  }
}

// ---------------------------------------------------------------------------------------------

function isNamespaceDeclaration(name: string) {
  return name === 'xmlns' || name.startsWith('xmlns:');
}

function stringValue(n: XNode): string {
  return n.nodeType === ATTRIBUTE_NODE ? (n as XAttr).value : (n.textContent ?? '');
}

function parentOf(n: XNode): XNode | null {
  return n.nodeType === ATTRIBUTE_NODE ? (n as XAttr).ownerElement : n.parentNode;
}

function matches(n: XNode, test: NodeTest): boolean {
  switch (test.kind) {
    case 'name':
      return n.nodeType === ELEMENT_NODE && ((n as XElement).localName ?? n.nodeName) === test.name && !(n as XElement).namespaceURI;
    case 'star':
      return n.nodeType === ELEMENT_NODE;
    case 'text':
      return n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE;
    case 'node':
      return true;
  }
}

function testHolds(n: XNode, p: Extract<Predicate, { kind: 'test' }>): boolean {
  let values: string[];
  if (p.operand.kind === 'self') values = [stringValue(n)];
  else if (p.operand.kind === 'attr') {
    const v = n.nodeType === ELEMENT_NODE ? (n as XElement).getAttributeNode(p.operand.name) : null;
    values = v && !v.namespaceURI ? [v.value] : [];
  } else {
    values = [];
    for (let c = n.firstChild; c; c = c.nextSibling) if (matches(c, { kind: 'name', name: p.operand.name })) values.push(stringValue(c));
  }
  if (!p.op) return values.length > 0;
  return p.op === '=' ? values.includes(p.literal!) : values.some((v) => v !== p.literal);
}

/** Applies predicates to a list in its (document or reverse) order, as XPath does per step. */
function filter(list: XNode[], predicates: Predicate[]): XNode[] {
  for (const p of predicates) {
    if (p.kind === 'position') list = p.n <= list.length ? [list[p.n - 1]] : [];
    else if (p.kind === 'last') list = list.length ? [list[list.length - 1]] : [];
    else list = list.filter((n) => testHolds(n, p));
  }
  return list;
}

function stepFrom(n: XNode, step: Step): XNode[] {
  switch (step.axis) {
    case 'self':
      return filter([n], step.predicates);
    case 'parent': {
      // The parent of the root element is the document (XPath's root node).
      const p = parentOf(n);
      return p ? filter([p], step.predicates) : [];
    }
    case 'attribute': {
      if (n.nodeType !== ELEMENT_NODE) return [];
      const attrs = (n as XElement).attributes;
      const out: XNode[] = [];
      for (let i = 0; i < attrs.length; i++) {
        const a = attrs.item(i)!;
        if (isNamespaceDeclaration(a.name) || a.namespaceURI) continue;
        if (step.name === '*' || a.name === step.name) out.push(a);
      }
      return filter(out, step.predicates);
    }
    case 'child': {
      const out: XNode[] = [];
      for (let c = n.firstChild; c; c = c.nextSibling) if (matches(c, step.test)) out.push(c);
      return filter(out, step.predicates);
    }
  }
}

/** Document order of nodes that may be out of order (after `..` or a union). */
function sortInDocumentOrder(nodes: XNode[]): XNode[] {
  const unique = [...new Set(nodes)];
  if (unique.length < 2) return unique;
  // Common cases first: attributes of one element, children of one parent.
  const parent = parentOf(unique[0]);
  if (parent && unique.every((n) => parentOf(n) === parent)) {
    const order = new Map<XNode, number>();
    let i = 0;
    if (parent.nodeType === ELEMENT_NODE) {
      const attrs = (parent as XElement).attributes;
      for (let a = 0; a < attrs.length; a++) order.set(attrs.item(a)!, i++);
    }
    for (let c = parent.firstChild; c; c = c.nextSibling) order.set(c, i++);
    return unique.sort((a, b) => order.get(a)! - order.get(b)!);
  }
  let top: XNode = unique[0];
  for (let p = parentOf(top); p; p = parentOf(p)) top = p;
  const order = new Map<XNode, number>();
  let i = 0;
  const walk = (n: XNode) => {
    order.set(n, i++);
    if (n.nodeType === ELEMENT_NODE) {
      const attrs = (n as XElement).attributes;
      for (let a = 0; a < attrs.length; a++) order.set(attrs.item(a)!, i++);
    }
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(top);
  return unique.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

function evalPath(p: PathExpr, context: XNode): { nodes: XNode[]; ordered: boolean } {
  let current: XNode[];
  let ordered = true;
  if (p.filter) {
    const inner = evalUnion(p.filter.union, context);
    current = filter(inner, p.filter.predicates);
  } else current = [context];
  for (const step of p.steps) {
    if (step.axis === 'parent' && current.length > 1) ordered = false;
    const next: XNode[] = [];
    for (const n of current) for (const m of stepFrom(n, step)) next.push(m);
    current = next;
  }
  return { nodes: current, ordered };
}

function evalUnion(union: PathExpr[], context: XNode): XNode[] {
  if (union.length === 1) {
    const r = evalPath(union[0], context);
    return r.ordered ? r.nodes : sortInDocumentOrder(r.nodes);
  }
  return sortInDocumentOrder(union.flatMap((p) => evalPath(p, context).nodes));
}

/** The evaluator for `expr`, or null when it is outside the subset. */
export function compileFastPath(expr: string): FastPath | null {
  let union: PathExpr[];
  try {
    union = new Parser(expr).parse();
  } catch (e) {
    if (e instanceof Syntax) return null;
    throw e;
  }
  return (context) => evalUnion(union, context);
}
