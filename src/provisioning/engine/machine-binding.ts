import type { CompiledRequest, MachineState, Program, ProgramMachine } from '../language/program';

/** Builds the interpreter of a program at a state: the language module's `createMachine`. */
export type MachineFactory = (program: Program, state: MachineState) => ProgramMachine;

/** The state a run starts in: frame 0 is the request data, pc 0, no try handler (program.ts). */
export function initialStateOf(compiled: CompiledRequest): MachineState {
  return { pc: 0, frames: [compiled.data], handlers: [] };
}
