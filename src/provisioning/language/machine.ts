import { MappingError } from './mapping';
import { type Frame, Thread } from './machine-thread';
import type { CallOutcome, CompiledRequest, ForkOp, MachineNext, MachineReady, MachineState, ParallelMachine, Program, ReadyCall } from './program';

/**
 * The program machine (program.ts): a pure interpreter of a compiled Program over a MachineState.
 * It does no I/O and reads no clock, so the same state always leads to the same next call; the
 * engine persists `snapshot()` with each journaled step and resumes with `createMachine`.
 *
 * Failure semantics (MPF's): `fail()` unwinds to the innermost active try handler, drops the
 * frames opened inside the try and jumps to its catch body. Steps that completed inside the try
 * are *not* undone by the catch: they stay done (the catch may compensate explicitly). Only an
 * unhandled failure makes the engine compensate the run's completed steps.
 *
 * Parallel forEach (a `fork` op): driven through `ready()`, the machine opens a region at the
 * fork and runs up to its limit of iterations as branches (machine-thread.ts), each from its
 * iteration's first op to the next iteration's. A branch's failure is first handled by the try
 * handlers inside its iteration; past them, the region is failing: no branch starts a call, the
 * started calls settle, then the failure goes to the trunk's handlers like any other. Driven
 * through `next()`, the fork is stepped over and the iterations run in order: the same program
 * with a limit of 1.
 */

export function initialState(compiled: CompiledRequest): MachineState {
  return { pc: 0, frames: [compiled.data], handlers: [] };
}

export function createMachine(program: Program, state: MachineState): ParallelMachine {
  return new Machine(program, state);
}

interface Branch {
  iteration: number;
  thread: Thread;
  started: boolean;
  failed: boolean;
}

interface Region {
  fork: ForkOp;
  /** Depth of the frames the branches share with the trunk. */
  base: number;
  next: number;
  failing: boolean;
  branches: Branch[];
}

class Machine implements ParallelMachine {
  private readonly trunk: Thread;
  private region?: Region;
  /** The call the last next() returned (the sequential API's "current call"). */
  private current?: number;

  constructor(
    private readonly program: Program,
    state: MachineState,
  ) {
    if (!state.frames.length) throw new Error('machine state without frames');
    this.trunk = new Thread(
      program,
      state.pc,
      state.frames.map((xml): Frame => ({ xml })),
      state.handlers.map((h) => ({ ...h })),
    );
    if (state.region) this.restoreRegion(state);
  }

  private restoreRegion(state: MachineState) {
    const fork = this.program.ops[state.pc];
    if (fork?.op !== 'fork') throw new Error(`machine state with a region but no fork at pc ${state.pc}`);
    const r = state.region!;
    const base = this.trunk.frames.length;
    const branches = r.branches.map((b) => ({
      iteration: b.iteration,
      thread: new Thread(
        this.program,
        b.pc,
        [...this.trunk.frames, ...b.frames.map((xml): Frame => ({ xml }))],
        b.handlers.map((h) => ({ ...h })),
      ),
      started: !!b.started,
      failed: !!b.failed,
    }));
    this.region = { fork, base, next: r.next, failing: !!r.failing, branches };
    // A failing region always has a started call (the failure propagates when the last settles);
    // without one, the state is that of a run that failed: a retry goes on from the failed calls.
    if (this.region.failing && !branches.some((b) => b.started)) this.clearFailure(this.region);
  }

  private end(region: Region, iteration: number): number {
    return region.fork.starts[iteration + 1] ?? region.fork.endAt;
  }

  private clearFailure(region: Region) {
    region.failing = false;
    for (const b of region.branches) b.failed = false;
  }

  /** Starts iterations up to the limit and moves every branch to its next call; drops finished ones. */
  private fill(region: Region) {
    const kept: Branch[] = [];
    for (const b of region.branches) {
      if (b.thread.advance(this.end(region, b.iteration), false) === 'call') kept.push(b);
    }
    region.branches = kept;
    while (!region.failing && region.branches.length < region.fork.limit && region.next < region.fork.starts.length) {
      const iteration = region.next++;
      const thread = new Thread(this.program, region.fork.starts[iteration], [...this.trunk.frames], []);
      if (thread.advance(this.end(region, iteration), false) === 'call') region.branches.push({ iteration, thread, started: false, failed: false });
    }
  }

  private readyCall(thread: Thread, started: boolean, iteration?: number): ReadyCall {
    const built = thread.prepared();
    const call: ReadyCall = { pc: thread.pc, op: thread.currentCall('ready'), started, ...(iteration !== undefined && { iteration }) };
    if (built.error !== undefined) call.mappingError = built.error;
    else Object.assign(call, { input: built.input, executeData: built.executeData });
    return call;
  }

  ready(): MachineReady {
    for (;;) {
      const region = this.region;
      if (!region) {
        const r = this.trunk.advance(this.program.ops.length, true);
        if (r === 'end') return { kind: 'done', data: this.trunk.frameXml(0) };
        if (r === 'call') return { kind: 'calls', calls: [this.readyCall(this.trunk, this.current === this.trunk.pc)] };
        const fork = this.program.ops[this.trunk.pc] as ForkOp;
        this.region = { fork, base: this.trunk.frames.length, next: 0, failing: false, branches: [] };
        continue;
      }
      this.fill(region);
      if (!region.branches.length) {
        this.trunk.pc = region.fork.endAt;
        this.region = undefined;
        continue;
      }
      const listed = region.failing ? region.branches.filter((b) => b.started) : region.branches;
      return { kind: 'calls', calls: listed.map((b) => this.readyCall(b.thread, b.started, b.iteration)) };
    }
  }

  private branchAt(pc: number): Branch | undefined {
    return this.region?.branches.find((b) => b.thread.pc === pc);
  }

  private owner(pc: number, what: string): Branch | undefined {
    if (!this.region) {
      if (this.trunk.pc !== pc) throw new Error(`${what}(${pc}): the pending call is at pc ${this.trunk.pc}`);
      return undefined;
    }
    const b = this.branchAt(pc);
    if (!b) throw new Error(`${what}(${pc}): no branch of the parallel forEach is at that call`);
    return b;
  }

  start(pc: number): void {
    const b = this.owner(pc, 'start');
    if (b) b.started = true;
    else this.current = pc;
  }

  completeCall(pc: number, output: Record<string, unknown>): CallOutcome {
    const b = this.owner(pc, 'completeCall');
    (b?.thread ?? this.trunk).complete(output);
    this.current = undefined;
    if (!b) return 'continue';
    b.started = false;
    return this.settle();
  }

  failCall(pc: number): CallOutcome {
    const b = this.owner(pc, 'failCall');
    this.current = undefined;
    if (!b) return this.trunk.unwind() ? 'caught' : 'unhandled';
    b.started = false;
    if (b.thread.unwind()) return this.region!.failing ? this.settle() : 'caught';
    b.failed = true;
    this.region!.failing = true;
    return this.settle();
  }

  /** In a failing region, once no call is in flight: hand the failure to the trunk's handlers. */
  private settle(): CallOutcome {
    const region = this.region!;
    if (!region.failing || region.branches.some((b) => b.started)) return 'continue';
    if (this.trunk.unwind()) {
      this.region = undefined;
      return 'caught';
    }
    this.clearFailure(region);
    return 'unhandled';
  }

  next(): MachineNext {
    if (this.region) {
      const ready = this.ready();
      if (ready.kind === 'done') return ready;
      const c = ready.calls[0];
      if (c.mappingError !== undefined) throw new MappingError(c.mappingError);
      this.current = c.pc;
      return { kind: 'call', pc: c.pc, op: c.op, input: c.input!, executeData: c.executeData! };
    }
    if (this.trunk.advance(this.program.ops.length, false) === 'end') return { kind: 'done', data: this.trunk.frameXml(0) };
    const built = this.trunk.prepared();
    if (built.error !== undefined) throw new MappingError(built.error);
    this.current = this.trunk.pc;
    return { kind: 'call', pc: this.trunk.pc, op: this.trunk.currentCall('next'), input: built.input!, executeData: built.executeData! };
  }

  complete(output: Record<string, unknown>): void {
    if (this.region) this.completeCall(this.current ?? this.region.branches[0]?.thread.pc ?? -1, output);
    else this.trunk.complete(output);
  }

  fail(): 'caught' | 'unhandled' {
    if (!this.region) return this.trunk.unwind() ? 'caught' : 'unhandled';
    const outcome = this.failCall(this.current ?? this.region.branches[0]?.thread.pc ?? -1);
    return outcome === 'unhandled' ? 'unhandled' : 'caught';
  }

  snapshot(): MachineState {
    const t = this.trunk;
    const state: MachineState = { pc: t.pc, frames: t.frames.map((_, i) => t.frameXml(i)), handlers: t.handlers.map((h) => ({ ...h })) };
    const region = this.region;
    if (region) {
      state.region = {
        next: region.next,
        ...(region.failing && { failing: true }),
        branches: region.branches.map((b) => ({
          iteration: b.iteration,
          pc: b.thread.pc,
          frames: b.thread.frames.slice(region.base).map((_, i) => b.thread.frameXml(region.base + i)),
          handlers: b.thread.handlers.map((h) => ({ ...h })),
          ...(b.started && { started: true }),
          ...(b.failed && { failed: true }),
        })),
      };
    }
    return state;
  }
}
