import { buildDocument, ensurePath, executeDataToInput, type FrameView, mapInto, resolveSource, selectFrom, writeOutput } from './mapping';
import type { CallOp, CompiledRequest, Condition, MachineNext, MachineState, Op, Program, ProgramMachine } from './program';
import { ATTRIBUTE_NODE, parseTrusted, rootOf, serialize, type XDocument, type XElement, type XNode } from './xml-dom';

/**
 * The program machine (program.ts): a pure interpreter of a compiled Program over a MachineState.
 * It does no I/O and reads no clock, so the same state always leads to the same next call; the
 * engine persists `snapshot()` with each journaled step and resumes with `createMachine`.
 *
 * Failure semantics (MPF's): `fail()` unwinds to the innermost active try handler, drops the
 * frames opened inside the try and jumps to its catch body. Steps that completed inside the try
 * are *not* undone by the catch: they stay done (the catch may compensate explicitly). Only an
 * unhandled failure makes the engine compensate the run's completed steps.
 */

export function initialState(compiled: CompiledRequest): MachineState {
  return { pc: 0, frames: [compiled.data], handlers: [] };
}

export function createMachine(program: Program, state: MachineState): ProgramMachine {
  return new Machine(program, state);
}

interface Frame {
  doc?: XDocument;
  /** Serialized form, kept while the document is unchanged. */
  xml?: string;
}

function stringValue(n: XNode): string {
  return n.nodeType === ATTRIBUTE_NODE ? ((n as any).value as string) : (n.textContent ?? '');
}

class Machine implements ProgramMachine {
  private pc: number;
  private readonly frames: Frame[];
  private readonly handlers: MachineState['handlers'];
  private pending?: { pc: number; doc: XDocument };

  constructor(private readonly program: Program, state: MachineState) {
    if (!state.frames.length) throw new Error('machine state without frames');
    this.pc = state.pc;
    this.frames = state.frames.map((xml) => ({ xml }));
    this.handlers = state.handlers.map((h) => ({ ...h }));
  }

  private root(depth: number): XElement {
    const f = this.frames[depth];
    f.doc ??= parseTrusted(f.xml!);
    return rootOf(f.doc);
  }

  private changed(depth: number) {
    this.frames[depth].xml = undefined;
  }

  private frameXml(depth: number): string {
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

  private executeData(op: CallOp): XDocument {
    if (this.pending?.pc !== this.pc) {
      this.pending = { pc: this.pc, doc: buildDocument('executeData', op.literal, op.before, op.bindings, this.view) };
    }
    return this.pending.doc;
  }

  private currentCall(what: string): CallOp {
    const op = this.program.ops[this.pc];
    if (!op || op.op !== 'call') throw new Error(`${what}() without a pending call (pc ${this.pc})`);
    return op;
  }

  next(): MachineNext {
    const ops = this.program.ops;
    for (;;) {
      if (this.pc >= ops.length) return { kind: 'done', data: this.frameXml(0) };
      const op = ops[this.pc];
      switch (op.op) {
        case 'call': {
          const root = rootOf(this.executeData(op));
          return { kind: 'call', pc: this.pc, op, input: executeDataToInput(root), executeData: serialize(root) };
        }
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

  complete(output: Record<string, unknown>): void {
    const op = this.currentCall('complete');
    const root = rootOf(this.executeData(op));
    writeOutput(root, output);
    const selections = op.after.map((m) => selectFrom(root, m.sourcePath));
    const depth = this.frames.length - 1;
    const frame = this.root(depth);
    op.after.forEach((m, i) => mapInto(selections[i], ensurePath(frame, m.destinationPath), m.mode));
    if (op.after.length) this.changed(depth);
    this.pending = undefined;
    this.pc++;
  }

  fail(): 'caught' | 'unhandled' {
    this.pending = undefined;
    const h = this.handlers.pop();
    if (!h) return 'unhandled';
    this.frames.length = h.frameDepth;
    this.pc = h.catchAt;
    return 'caught';
  }

  snapshot(): MachineState {
    return {
      pc: this.pc,
      frames: this.frames.map((_, i) => this.frameXml(i)),
      handlers: this.handlers.map((h) => ({ ...h })),
    };
  }
}
