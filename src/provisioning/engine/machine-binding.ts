import { initialState } from '../language/machine';
import type { CompiledRequest, MachineState, Program, ProgramMachine } from '../language/program';

/** Builds the interpreter of a program at a state: the language module's `createMachine` (tests may pass another). */
export type MachineFactory = (program: Program, state: MachineState) => ProgramMachine;

/** The state a run starts in (the language module's `initialState`). */
export function initialStateOf(compiled: CompiledRequest): MachineState {
  return initialState(compiled);
}
