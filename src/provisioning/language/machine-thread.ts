import { buildDocument, ensurePath, executeDataToInput, type FrameView, mapInto, MappingError, resolveSource, selectFrom, writeOutput } from './mapping';
import type { CallOp, Condition, HandlerState, Op, Program } from './program';
import { ATTRIBUTE_NODE, parseTrusted, rootOf, serialize, type XAttr, type XDocument, type XElement, type XNode } from './xml-dom';

/**
 * One line of execution of a program (machine.ts): a position, a stack of frames and try
 * handlers. The trunk is one; each running iteration of a parallel forEach is another, whose
 * frames below the region's depth are the trunk's very Frame objects (what a branch maps into the
 * forEach's frame, everyone sees) and whose frames and handlers above it are its own.
 */
export interface Frame {
  doc?: XDocument;
  /** Serialized form, kept while the document is unchanged. */
  xml?: string;
}

/** A call's input, built once per position (a MappingError is kept as its message). */
export interface BuiltCall {
  pc: number;
  doc?: XDocument;
  input?: Record<string, unknown>;
  executeData?: string;
  error?: string;
}

function stringValue(n: XNode): string {
  return n.nodeType === ATTRIBUTE_NODE ? (n as XAttr).value : (n.textContent ?? '');
}

export class Thread {
  private built?: BuiltCall;

  constructor(
    private readonly program: Program,
    public pc: number,
    public readonly frames: Frame[],
    public readonly handlers: HandlerState[],
  ) {}

  root(depth: number): XElement {
    const f = this.frames[depth];
    f.doc ??= parseTrusted(f.xml!);
    return rootOf(f.doc);
  }

  private changed(depth: number) {
    this.frames[depth].xml = undefined;
  }

  frameXml(depth: number): string {
    const f = this.frames[depth];
    f.xml ??= serialize(this.root(depth));
    return f.xml;
  }

  private get view(): FrameView {
    return { current: this.frames.length - 1, root: (d) => this.root(d) };
  }

  private holds(c: Condition, op: Op): boolean {
    const nodes = selectFrom(resolveSource(c.source, op.bindings, this.view), c.sourcePath);
    // XPath general comparison: true when any selected node's string value equals.
    const ok = c.equals === undefined ? nodes.length > 0 : nodes.some((n) => stringValue(n) === c.equals);
    return c.not ? !ok : ok;
  }

  /** The call at pc with its input; throws a MappingError when the input cannot be built. */
  call(): { op: CallOp; doc: XDocument } {
    const op = this.currentCall('next');
    if (this.built?.pc !== this.pc || !this.built.doc) {
      this.built = { pc: this.pc, doc: buildDocument('executeData', op.literal, op.before, op.bindings, this.view) };
    }
    return { op, doc: this.built.doc! };
  }

  /** Like call(), with the input converted and serialized, and a mapping error captured. */
  prepared(): BuiltCall {
    if (this.built?.pc === this.pc && (this.built.input || this.built.error !== undefined)) return this.built;
    try {
      const { doc } = this.call();
      const root = rootOf(doc);
      this.built = { pc: this.pc, doc, input: executeDataToInput(root), executeData: serialize(root) };
    } catch (e) {
      if (!(e instanceof MappingError)) throw e;
      this.built = { pc: this.pc, error: e.message };
    }
    return this.built;
  }

  currentCall(what: string): CallOp {
    const op = this.program.ops[this.pc];
    if (!op || op.op !== 'call') throw new Error(`${what}() without a pending call (pc ${this.pc})`);
    return op;
  }

  /**
   * Runs structural ops until a call, `end`, or — when `forks` — a fork op (which the caller
   * opens as a region). Without `forks` a fork is stepped over: its iterations run in order.
   */
  advance(end: number, forks: boolean): 'call' | 'end' | 'fork' {
    const ops = this.program.ops;
    for (;;) {
      if (this.pc >= end) return 'end';
      const op = ops[this.pc];
      switch (op.op) {
        case 'call':
          return 'call';
        case 'fork':
          if (forks) return 'fork';
          this.pc++;
          break;
        case 'enter': {
          const doc = buildDocument('data', op.literal, op.before, op.bindings, this.view);
          this.frames.push({ doc });
          this.pc++;
          break;
        }
        case 'exit': {
          const inner = this.frames.length - 1;
          if (inner < 1) throw new Error(`exit without a frame (pc ${this.pc})`);
          // Select everything first: a failing path must leave the state untouched.
          const source = this.root(inner);
          const selections = op.after.map((m) => selectFrom(source, m.sourcePath));
          this.frames.pop();
          const outer = this.root(inner - 1);
          op.after.forEach((m, i) => mapInto(selections[i], ensurePath(outer, m.destinationPath), m.mode));
          if (op.after.length) this.changed(inner - 1);
          this.pc++;
          break;
        }
        case 'when':
          this.pc = this.holds(op.condition, op) ? this.pc + 1 : op.skipTo;
          break;
        case 'try':
          this.handlers.push({ catchAt: op.catchAt, endAt: op.endAt, frameDepth: this.frames.length });
          this.pc++;
          break;
        case 'endTry':
          this.handlers.pop();
          this.pc = op.endAt;
          break;
      }
    }
  }

  /** Records the output of the call at pc: `after` mappings into the current frame, pc + 1. */
  complete(output: Record<string, unknown>): void {
    const { op, doc } = this.call();
    const root = rootOf(doc);
    writeOutput(root, output);
    const selections = op.after.map((m) => selectFrom(root, m.sourcePath));
    const depth = this.frames.length - 1;
    const frame = this.root(depth);
    op.after.forEach((m, i) => mapInto(selections[i], ensurePath(frame, m.destinationPath), m.mode));
    if (op.after.length) this.changed(depth);
    this.built = undefined;
    this.pc++;
  }

  /** The call at pc failed for good: unwind to the innermost handler (false when there is none). */
  unwind(): boolean {
    this.built = undefined;
    const h = this.handlers.pop();
    if (!h) return false;
    this.frames.length = h.frameDepth;
    this.pc = h.catchAt;
    return true;
  }
}
