import type { AfterMapping, BeforeMapping, Condition } from './program';

/**
 * The statements of a procedure body (a request's `<procedure>` or a composite procedure), as
 * parsed from XML before compilation. Request bodies and namespace documents share them.
 */

export interface ExecuteStatement {
  type: 'execute';
  namespace: string;
  procedure: string;
  id?: string;
  retries?: number;
  timeoutMs?: number;
  /** Serialized, namespace-free children of `<executeData>` ('' when absent). */
  literal: string;
  before: BeforeMapping[];
  after: AfterMapping[];
  line?: number;
}

export interface ForEachStatement {
  type: 'forEach';
  name: string;
  root: string;
  path: string;
  /** `parallel="N"`: up to N iterations at a time (absent or 1: one after the other). */
  parallel?: number;
  body: Statement[];
  line?: number;
}

export interface WhenStatement {
  type: 'when';
  condition: Condition;
  body: Statement[];
  line?: number;
}

export interface TryStatement {
  type: 'try';
  body: Statement[];
  catchBody: Statement[];
  line?: number;
}

export type Statement = ExecuteStatement | ForEachStatement | WhenStatement | TryStatement;

/** `<element path attributes optional/>` of a composite procedure's `<input>`. */
export interface InputElement {
  path: string;
  /** Attribute names; a trailing `?` marks an optional one. */
  attributes: string[];
  optional: boolean;
  summary?: string;
}

/** Names that always denote the current frame's document in `source`/`root` attributes. */
export const FRAME_SOURCES = new Set(['data', 'executeData']);
