/**
 * Test doubles for the engine core: a tiny ProgramMachine for programs made of `call`, `try` and
 * `endTry` ops (input = the op's literal parsed as JSON), and a provider whose procedures write
 * real rows into a table of the test database and fail on command. Real PostgreSQL throughout.
 */
import type { Pool } from 'pg';
import type { CallOp, CompiledRequest, MachineNext, MachineState, Op, Program, ProgramMachine } from '../../src/provisioning/language/program';
import { type LeafProcedure, type Provider, ProviderError } from '../../src/provisioning/providers/provider';
import type { ProcedureResolver } from '../../src/provisioning/engine/run-worker';

export function linearMachine(program: Program, state: MachineState): ProgramMachine {
  const s: MachineState = structuredClone(state);
  let current: CallOp | undefined;
  return {
    next(): MachineNext {
      for (;;) {
        const op: Op | undefined = program.ops[s.pc];
        if (!op) return { kind: 'done', data: s.frames[0] };
        if (op.op === 'try') {
          s.handlers.push({ catchAt: op.catchAt, endAt: op.endAt, frameDepth: s.frames.length - 1 });
          s.pc++;
          continue;
        }
        if (op.op === 'endTry') {
          s.handlers.pop();
          s.pc = op.endAt;
          continue;
        }
        if (op.op !== 'call') throw new Error(`test machine cannot run ${op.op}`);
        current = op;
        return { kind: 'call', pc: s.pc, op, input: JSON.parse(op.literal || '{}'), executeData: op.literal };
      }
    },
    complete(output) {
      if (!current) throw new Error('complete without a call');
      const outs = Object.entries(output)
        .map(([k, v]) => `<${k}>${String(v)}</${k}>`)
        .join('');
      s.frames[0] = s.frames[0].replace('</data>', `${outs}</data>`);
      s.pc++;
      current = undefined;
    },
    fail() {
      current = undefined;
      const h = s.handlers.pop();
      if (!h) return 'unhandled';
      s.pc = h.catchAt;
      return 'caught';
    },
    snapshot() {
      return structuredClone(s);
    },
  };
}

export function call(procedure: string, input: Record<string, unknown>, extra: Partial<CallOp> = {}): CallOp {
  return {
    op: 'call',
    path: `${procedure}[${String(input.key ?? '')}]`,
    bindings: {},
    namespace: 'T',
    procedure,
    kind: 'write',
    literal: JSON.stringify(input),
    before: [],
    after: [],
    ...extra,
  };
}

export function compiled(ops: Op[], onFailure: 'rollback' | 'park' = 'rollback'): CompiledRequest {
  const program: Program = { version: 1, onFailure, ops, callCount: ops.filter((o) => o.op === 'call').length, namespaceVersions: {} };
  return { program, data: '<data></data>', requestXml: '<request xmlns="urn:provisio:request:1"><data/></request>', kind: 'trusted' };
}

export interface Faults {
  /** key → remaining failures and their kind. */
  fail: Map<string, { times: number; retryable: boolean }>;
  /** key → remaining rollback failures. */
  failRollback: Map<string, { times: number; retryable: boolean }>;
  /** key → ms the execute takes. */
  delay: Map<string, number>;
  /** key → ms the rollback takes. */
  rollbackDelay: Map<string, number>;
  /** Called when an execute starts (tests synchronise on it). */
  onExecute?: (key: string, attempt: number) => void;
  /** Called when a rollback starts. */
  onRollback?: (key: string, attempt: number) => void;
}

export function newFaults(): Faults {
  return { fail: new Map(), failRollback: new Map(), delay: new Map(), rollbackDelay: new Map() };
}

function take(m: Map<string, { times: number; retryable: boolean }>, key: string): { retryable: boolean } | undefined {
  const f = m.get(key);
  if (!f || f.times <= 0) return undefined;
  f.times--;
  return f;
}

/** `T.Create {key}` inserts `key` into test_objects (idempotent); its rollback deletes it. */
export async function createTestTables(pool: Pool) {
  await pool.query(`CREATE TABLE IF NOT EXISTS test_objects (key text PRIMARY KEY, created_by text, n integer NOT NULL DEFAULT 1)`);
  await pool.query(`CREATE TABLE IF NOT EXISTS test_hook_calls (run_id text, status text, previous text, at timestamptz DEFAULT clock_timestamp())`);
}

export function testProvider(pool: Pool, faults: Faults): Provider {
  const create: LeafProcedure<{ key: string }, { created: string }> = {
    namespace: 'T',
    name: 'Create',
    kind: 'write',
    description: 'create a test object',
    retry: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 100 },
    parseInput(raw) {
      if (typeof raw.key !== 'string') throw ProviderError.invalidInput('key is required');
      return { key: raw.key };
    },
    naturalKey: (i) => `obj:${i.key}`,
    async execute(input, ctx) {
      faults.onExecute?.(input.key, ctx.attempt);
      const delay = faults.delay.get(input.key);
      if (delay) await new Promise((r) => setTimeout(r, delay));
      const f = take(faults.fail, input.key);
      if (f) throw new ProviderError(f.retryable ? 'T_TRANSIENT' : 'T_PERMANENT', `injected failure of ${input.key}`, f.retryable);
      await pool.query(`INSERT INTO test_objects (key, created_by) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, [input.key, ctx.engineId]);
      return { output: { created: input.key }, rollback: { key: input.key } };
    },
    async rollback(input, _data, ctx) {
      faults.onRollback?.(input.key, ctx.attempt);
      const delay = faults.rollbackDelay.get(input.key);
      if (delay) await new Promise((r) => setTimeout(r, delay));
      const f = take(faults.failRollback, input.key);
      if (f) throw new ProviderError(f.retryable ? 'T_TRANSIENT' : 'T_PERMANENT', `injected rollback failure of ${input.key}`, f.retryable);
      await pool.query(`DELETE FROM test_objects WHERE key = $1`, [input.key]);
    },
  };
  const read: LeafProcedure<{ key: string }, { exists: boolean }> = {
    namespace: 'T',
    name: 'Read',
    kind: 'read',
    description: 'read a test object',
    retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    parseInput: (raw) => ({ key: String(raw.key) }),
    naturalKey: (i) => `obj:${i.key}`,
    async execute(input) {
      const r = await pool.query(`SELECT 1 FROM test_objects WHERE key = $1`, [input.key]);
      return { output: { exists: r.rowCount! > 0 } };
    },
  };
  return { name: 'test', procedures: [create, read] };
}

export function resolverOf(...providers: Provider[]): ProcedureResolver {
  const map = new Map<string, LeafProcedure>();
  for (const p of providers) for (const proc of p.procedures) map.set(`${proc.namespace}.${proc.name}`, proc);
  return { leaf: (ns, name) => map.get(`${ns}.${name}`) };
}
