import * as fs from 'node:fs';
import * as path from 'node:path';
import { ProblemError } from '../../src/common/errors/problem';
import { compileRequest } from '../../src/provisioning/language/compiler';
import { createMachine, initialState } from '../../src/provisioning/language/machine';
import type { CallOp, CompiledRequest, MachineState } from '../../src/provisioning/language/program';
import { DOCUMENTS_DIR, NamespaceRegistry, type NamespaceSourceDocument } from '../../src/provisioning/namespaces/namespace-registry';

export const EXAMPLES_DIR = path.resolve(__dirname, '../../docs/examples/requests');

export function shippedDocuments(): NamespaceSourceDocument[] {
  return fs
    .readdirSync(DOCUMENTS_DIR)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((file) => ({ file, xml: fs.readFileSync(path.join(DOCUMENTS_DIR, file), 'utf8') }));
}

export function exampleRequests(): { file: string; xml: string }[] {
  return fs
    .readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((file) => ({ file, xml: fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8') }));
}

/** The shipped registry (checked by libxml2 only when asked: the registry spec does that once). */
export function shippedRegistry(opts: { validateXsd?: boolean } = {}): Promise<NamespaceRegistry> {
  return NamespaceRegistry.load([], { documents: shippedDocuments(), validateXsd: opts.validateXsd ?? false });
}

/** The shipped documents plus extra composite namespace documents (bodies in `urn:provisio:namespace:1`). */
export function registryWith(extra: string[], opts: { shipped?: boolean; validateXsd?: boolean } = {}): Promise<NamespaceRegistry> {
  const docs = [...(opts.shipped === false ? [] : shippedDocuments()), ...extra.map((xml, i) => ({ file: `extra-${i + 1}.xml`, xml }))];
  return NamespaceRegistry.load([], { documents: docs, validateXsd: opts.validateXsd ?? false });
}

export function namespaceDoc(name: string, procedures: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<namespace xmlns="urn:provisio:namespace:1" name="${name}" version="1">\n${procedures}\n</namespace>\n`;
}

export function trustedRequest(body: string, data = '', attrs = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<request xmlns="urn:provisio:request:1"${attrs ? ` ${attrs}` : ''}>\n  <data>${data}</data>\n  <procedure>${body}</procedure>\n</request>\n`;
}

export function simpleRequest(namespace: string, procedure: string, data = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<request xmlns="urn:provisio:request:1">\n  <data>${data}</data>\n  <call namespace="${namespace}" procedure="${procedure}"/>\n</request>\n`;
}

export function compileTrusted(registry: NamespaceRegistry, body: string, data = '', attrs = ''): CompiledRequest {
  return compileRequest(trustedRequest(body, data, attrs), { registry, context: { request: 'req_test' }, allowTrusted: true });
}

export function problemOf(fn: () => unknown): ProblemError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ProblemError) return e;
    throw e;
  }
  throw new Error('expected a ProblemError, nothing was thrown');
}

export interface CallRecord {
  pc: number;
  path: string;
  procedure: string;
  input: Record<string, unknown>;
  executeData: string;
  outcome: 'completed' | 'caught' | 'unhandled';
}

export type Responder = (op: CallOp, input: Record<string, unknown>) => Record<string, unknown> | 'fail';

export interface RunResult {
  calls: CallRecord[];
  status: 'done' | 'failed';
  data?: string;
  state: MachineState;
}

/**
 * Drives a machine to the end, answering each call with `respond`. With `resumeEachStep`, every
 * step goes through a JSON round trip of the snapshot and a new machine, as after an engine crash.
 */
export function runProgram(compiled: CompiledRequest, respond: Responder = () => ({}), opts: { resumeEachStep?: boolean } = {}): RunResult {
  let state = initialState(compiled);
  let machine = createMachine(compiled.program, state);
  const calls: CallRecord[] = [];
  const roundTrip = () => {
    if (!opts.resumeEachStep) return;
    state = JSON.parse(JSON.stringify(machine.snapshot()));
    machine = createMachine(compiled.program, state);
  };
  for (let guard = 0; guard < 100_000; guard++) {
    const next = machine.next();
    if (next.kind === 'done') return { calls, status: 'done', data: next.data, state: machine.snapshot() };
    roundTrip();
    const answer = respond(next.op, next.input);
    const rec: CallRecord = {
      pc: next.pc,
      path: next.op.path,
      procedure: `${next.op.namespace}.${next.op.procedure}`,
      input: next.input,
      executeData: next.executeData,
      outcome: 'completed',
    };
    calls.push(rec);
    if (answer === 'fail') {
      rec.outcome = machine.fail();
      if (rec.outcome === 'unhandled') return { calls, status: 'failed', state: machine.snapshot() };
    } else {
      machine.complete(answer);
    }
    roundTrip();
  }
  throw new Error('program did not finish');
}
