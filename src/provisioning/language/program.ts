/**
 * The compiled form of a request (LANGUAGE.md §4): a linear program the engine runs with a
 * program counter. This is the contract between the language module (which compiles and
 * interprets mappings) and the engine (which makes execution durable).
 *
 * Only `call` ops are steps in the journal. The structural ops (`enter`/`exit` of composite
 * procedures, `when`, `try`/`catch`) are evaluated by the ProgramMachine between calls; they are
 * deterministic given the machine state, so after a crash the engine resumes from the last
 * committed state (pc, frames, handlers) without journaling them.
 */

export type MappingMode = 'insert' | 'merge' | 'replace';

export interface BeforeMapping {
  /** `data` / `executeData` (the current frame's document) or the name of an enclosing forEach. */
  source: string;
  /** XPath 1.0 location path relative to the source node; omitted = the source node itself. */
  sourcePath?: string;
  /** Relative to the new executeData root; omitted = the root. */
  destinationPath?: string;
  mode: MappingMode;
}

export interface AfterMapping {
  /** Relative to the call's executeData (input + output); omitted = its root. */
  sourcePath?: string;
  /** Relative to the current frame's data root; omitted = the root. */
  destinationPath?: string;
  mode: MappingMode;
}

export interface Condition {
  source: string;
  sourcePath?: string;
  equals?: string;
  not?: boolean;
}

/**
 * A forEach variable: the `index`-th (1-based) node matching `path` (relative to the root of
 * the frame at `frameDepth`), as it was at compile time. `key` is its readable name in paths
 * (the node's alias/name/id attribute, or its index).
 */
export interface Binding {
  frameDepth: number;
  path: string;
  index: number;
  key: string;
}

interface OpBase {
  /** Readable position, e.g. `2/u[bob]/Exchange.CreateMailbox`. */
  path: string;
  /** forEach variables visible here. */
  bindings: Record<string, Binding>;
}

export interface CallOp extends OpBase {
  op: 'call';
  namespace: string;
  procedure: string;
  kind: 'read' | 'write';
  /** Literal `<executeData>` children from the document, serialized XML (may be empty). */
  literal: string;
  before: BeforeMapping[];
  after: AfterMapping[];
  /** Overrides of the procedure's retry policy / timeout from the `execute` element. */
  retries?: number;
  timeoutMs?: number;
  /** Optional `id` attribute of the execute element. */
  id?: string;
}

export interface EnterOp extends OpBase {
  op: 'enter';
  namespace: string;
  procedure: string;
  literal: string;
  before: BeforeMapping[];
}

export interface ExitOp extends OpBase {
  op: 'exit';
  namespace: string;
  procedure: string;
  after: AfterMapping[];
}

export interface WhenOp extends OpBase {
  op: 'when';
  condition: Condition;
  /** pc to jump to when the condition does not hold (first op after the body). */
  skipTo: number;
}

export interface TryOp extends OpBase {
  op: 'try';
  /** pc of the first op of the catch body. */
  catchAt: number;
  /** pc of the first op after the whole try/catch. */
  endAt: number;
}

/** End of a try body reached without failure: pop the handler, jump to endAt. */
export interface EndTryOp extends OpBase {
  op: 'endTry';
  endAt: number;
}

/**
 * A parallel forEach (`parallel="N"`): its iterations follow the fork op, unrolled as usual, the
 * i-th starting at `starts[i]` and ending where the next one starts (the last at `endAt`). A
 * machine asked for several calls at once (`ready()`) runs up to `limit` iterations at a time, each
 * a branch with its own position, frames and try handlers; one asked for one call at a time
 * (`next()`) steps over the fork and runs the iterations in order, exactly as a plain forEach.
 */
export interface ForkOp extends OpBase {
  op: 'fork';
  limit: number;
  starts: number[];
  endAt: number;
}

export type Op = CallOp | EnterOp | ExitOp | WhenOp | TryOp | EndTryOp | ForkOp;

export interface Program {
  version: 1;
  onFailure: 'rollback' | 'park';
  ops: Op[];
  /** Number of `call` ops (the step count limits apply to it). */
  callCount: number;
  /** Namespace name → version of every composite namespace the program expanded. */
  namespaceVersions: Record<string, string>;
}

/**
 * The provenance the server writes into a request's `<context>` (LANGUAGE.md §1); never taken
 * from the client. Added by the language module (compileRequest's `opts.context`).
 */
export interface RequestContextAttrs {
  order?: string | null;
  organization?: string | null;
  actor?: string | null;
  onBehalfOf?: string | null;
  request?: string | null;
}

/** What a request document compiles to. */
export interface CompiledRequest {
  program: Program;
  /** The `<data>` element, serialized: frame 0 of the run. */
  data: string;
  /** The request with the server-written `<context>`, serialized, stored verbatim. */
  requestXml: string;
  kind: 'trusted' | 'simple';
}

export interface HandlerState {
  catchAt: number;
  endAt: number;
  frameDepth: number;
}

/** One running iteration of a parallel forEach. */
export interface BranchState {
  /** Index into the fork's `starts`. */
  iteration: number;
  pc: number;
  /** Frames the branch opened (composite calls inside the iteration), above the region's frames. */
  frames: string[];
  /** The branch's own try handlers (inside the iteration), innermost last. */
  handlers: HandlerState[];
  /** Its call at `pc` was handed to the engine (`start`) and has not been settled yet. */
  started?: boolean;
  /** Its call at `pc` failed with no handler inside the branch. */
  failed?: boolean;
}

/** A parallel forEach being executed: the trunk waits at the fork (`pc`) until it ends. */
export interface RegionState {
  /** Next iteration not yet started. */
  next: number;
  branches: BranchState[];
  /** A branch failed unhandled: no call starts; the started ones settle, then the failure propagates. */
  failing?: boolean;
}

/** The durable state of an executing program, persisted with each journaled step. */
export interface MachineState {
  pc: number;
  /** Serialized XML documents; frames[0] is the request data, the last is the current frame. */
  frames: string[];
  /** Active try handlers, innermost last. */
  handlers: HandlerState[];
  /** Present while a parallel forEach runs (only machines driven through `ready()` open one). */
  region?: RegionState;
}

/** What the machine asks the engine to do next. */
export type MachineNext = { kind: 'call'; pc: number; op: CallOp; input: Record<string, unknown>; executeData: string } | { kind: 'done'; data: string };

/** A call that may run now (`ready()`); `pc` identifies it until it is settled. */
export interface ReadyCall {
  pc: number;
  op: CallOp;
  /** Handed to the engine by `start()` and not settled yet (after a resume: possibly in flight). */
  started: boolean;
  /** The call's input; absent when it cannot be built (then `mappingError`: fail the call). */
  input?: Record<string, unknown>;
  executeData?: string;
  mappingError?: string;
  /** The parallel forEach iteration the call belongs to (absent outside one). */
  iteration?: number;
}

export type MachineReady = { kind: 'calls'; calls: ReadyCall[] } | { kind: 'done'; data: string };

/** After a call settled: go on, a try took over (`caught`), or the run failed (`unhandled`). */
export type CallOutcome = 'continue' | 'caught' | 'unhandled';

/**
 * The interpreter the engine drives: pure, no I/O. The engine calls `next()`, performs the call
 * through the provider, journals the result with `snapshot()`, then calls `complete()` or `fail()`.
 */
export interface ProgramMachine {
  /** Runs structural ops until the next call (or the end) and returns it. */
  next(): MachineNext;
  /** Records the output of the call returned by the last next(): applies `after` mappings, advances pc. */
  complete(output: Record<string, unknown>): void;
  /**
   * Records that the call returned by the last next() failed for good. Returns `caught` when an
   * enclosing try takes over (pc moved to its catch body) or `unhandled` (the run fails).
   */
  fail(): 'caught' | 'unhandled';
  snapshot(): MachineState;
}

/**
 * The same machine driven several calls at a time (parallel forEach): `ready()` lists every call
 * that may run now; the engine `start()`s those it executes (at most the region's limit are
 * listed; it may start fewer, e.g. to keep two calls with one natural key apart), journals each
 * result with `snapshot()` after `completeCall()` / `failCall()`, and asks `ready()` again. Calls
 * listed as `started` after a resume may have been in flight when the previous engine died:
 * execute them again. While a failed branch's region is `failing`, `ready()` lists only the
 * started calls; when the last one settles, the failure goes to the try around the forEach
 * (`caught`) or the run fails (`unhandled`: the state then lets a retry re-execute the failed
 * calls and go on). Both APIs may be used on one machine; a program without a parallel forEach
 * behaves identically under both.
 */
export interface ParallelMachine extends ProgramMachine {
  /** Every call that may run now (opens a parallel forEach's branches); or the end. */
  ready(): MachineReady;
  /** The engine executes the ready call at `pc`. */
  start(pc: number): void;
  /** The ready call at `pc` succeeded with `output`. Throws like complete() when `after` cannot be applied (the call stays pending: fail it). */
  completeCall(pc: number, output: Record<string, unknown>): CallOutcome;
  /** The ready call at `pc` failed for good (after its retries). */
  failCall(pc: number): CallOutcome;
}

/*
 * Notes added by the language module (they refine, not change, the contract above):
 * - `next()` may throw a `MappingError` (language/mapping.ts) when a call's input cannot be
 *   built at run time (a path that cannot be evaluated). The compiler rejects every path it can
 *   check, so this is not expected; if it happens, the pc stays on that call and the engine
 *   treats it as a non-retryable failure of the call: journal it (code MAPPING_FAILED) and call
 *   `fail()`, which works exactly as after a failed provider call.
 * - `next()` is idempotent: calling it again without complete()/fail() returns the same call.
 *   `complete()` and `fail()` also work on a machine freshly created from a snapshot taken while
 *   the call was pending (pc on the call), so the engine may snapshot before or after the call.
 * - A forEach Binding whose node no longer exists at run time (an earlier `replace` removed it)
 *   resolves to nothing: mappings from it copy nothing and a `when` on it does not hold.
 */
