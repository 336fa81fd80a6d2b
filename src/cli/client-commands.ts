import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { createProvisioClient, type ProvisioClient, type Schemas } from '../client';
import type { AppConfig } from '../config/app-config';

/**
 * Client commands that talk to a running Provisio over HTTP, like any API user:
 * `provisio submit <file.xml> [--watch]` and `provisio orders watch <id>`.
 * URL: PROVISIO_URL (default http://HOST:PORT); token: PROVISIO_TOKEN or DATA_DIR/admin-token.
 */

/** The typed client (`provisio/client`) with this installation's URL and token. */
function client(config: AppConfig): ProvisioClient {
  const base = (process.env.PROVISIO_URL ?? `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`).replace(/\/$/, '');
  let token = process.env.PROVISIO_TOKEN;
  if (!token) {
    const file = path.join(config.resolvedDataDir, 'admin-token');
    if (fs.existsSync(file)) token = fs.readFileSync(file, 'utf8').trim();
  }
  if (!token) throw new Error('No token: set PROVISIO_TOKEN (or run where DATA_DIR/admin-token exists)');
  return createProvisioClient(base, { token });
}

type Problem = Schemas['Problem'];
const problemText = (status: number, e: Problem | undefined) => `${status} ${e?.code ?? ''} ${e?.detail ?? e?.title ?? ''}`.trim();

export interface Progress {
  status: string;
  done: number;
  total: number;
  current: string | null;
  terminal: boolean;
  outcome?: string;
}

const TERMINAL = new Set(['completed', 'failed', 'needs_attention', 'cancelled', 'resolved', 'parked']);

/** `[########------------]  8/12  2/u[bob]/Exchange.CreateMailbox  3.1s` */
export function progressLine(p: Progress, elapsedMs: number, width = 24): string {
  // The compiled total counts steps that conditions may skip; a completed run did all it had to.
  if (p.terminal && p.status === 'completed') p = { ...p, total: p.done };
  const ratio = p.total > 0 ? Math.min(1, p.done / p.total) : p.terminal ? 1 : 0;
  const filled = Math.round(ratio * width);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
  const count = `${p.done}/${p.total || '?'}`.padStart(7);
  const where = p.terminal ? p.status : (p.current ?? p.status);
  return `${bar} ${count}  ${where}  ${(elapsedMs / 1000).toFixed(1)}s`;
}

async function watch(fetchProgress: () => Promise<Progress>, out: NodeJS.WriteStream = process.stdout): Promise<Progress> {
  const started = Date.now();
  const tty = !!out.isTTY;
  let last = '';
  for (;;) {
    const p = await fetchProgress();
    const line = progressLine(p, Date.now() - started);
    if (tty) out.write(`\r\x1b[2K${line}`);
    else if (line.replace(/\s+[\d.]+s$/, '') !== last.replace(/\s+[\d.]+s$/, '')) out.write(`${line}\n`);
    last = line;
    if (p.terminal) {
      if (tty) out.write('\n');
      if (p.outcome) out.write(`${p.outcome}\n`);
      return p;
    }
    await new Promise((r) => setTimeout(r, tty ? 200 : 500));
  }
}

function describeError(e: Schemas['RunErrorView'] | null | undefined): string {
  if (!e) return '';
  const where = e.path ?? [e.namespace, e.procedure].filter(Boolean).join('.');
  return `${e.code ?? 'ERROR'}${where ? ` at ${where}` : ''}: ${e.message ?? ''}`;
}

async function orderProgress(c: ProvisioClient, id: string): Promise<Progress> {
  const { data: o, error, response } = await c.GET('/v1/orders/{id}', { params: { path: { id }, query: { wait: 1 } } });
  if (!o) throw new Error(`GET /v1/orders/${id}: ${problemText(response.status, error)}`);
  const terminal = ['completed', 'failed', 'needs_attention', 'cancelled'].includes(o.status);
  let outcome: string | undefined;
  if (terminal) {
    outcome = `order ${o.id} ${o.status}`;
    if (o.errorContext) outcome += `\n  error: ${describeError(o.errorContext)}`;
    if (o.rolledBack?.length)
      outcome += `\n  rolled back: ${o.rolledBack.map((s) => `${s.namespace}.${s.procedure}${s.status === 'failed' ? ' (failed)' : ''}`).join(', ')}`;
  }
  return { status: o.status, done: o.progress.stepsDone, total: o.progress.stepsTotal, current: o.progress.currentStep?.path ?? null, terminal, outcome };
}

async function runProgress(c: ProvisioClient, id: string): Promise<Progress> {
  const { data: run, error, response } = await c.GET('/v1/provisioning/runs/{id}', { params: { path: { id } } });
  if (!run) throw new Error(`GET /v1/provisioning/runs/${id}: ${problemText(response.status, error)}`);
  const steps = run.steps ?? [];
  const done = steps.filter((s) => s.phase === 'execute' && s.status === 'completed').length;
  const terminal = TERMINAL.has(run.status);
  let outcome: string | undefined;
  if (terminal) {
    outcome = `run ${run.id} ${run.status}`;
    if (run.error) outcome += `\n  error: ${describeError(run.error)}`;
    const rolled = steps.filter((s) => s.phase === 'rollback');
    if (rolled.length)
      outcome += `\n  rolled back: ${rolled.map((s) => `${s.namespace}.${s.procedure}${s.status === 'failed' ? ' (failed)' : ''}`).join(', ')}`;
  }
  // A run does not say how many steps it compiled to (an order does): the bar shows ?.
  return { status: run.status, done, total: 0, current: run.currentStep?.path ?? null, terminal, outcome };
}

export async function submitCommand(config: AppConfig, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { watch: { type: 'boolean' }, organization: { type: 'string' } } });
  const file = positionals[0];
  if (!file) {
    console.error('Usage: provisio submit <file.xml> [--watch] [--organization <id>]');
    return 2;
  }
  const xml = fs.readFileSync(file, 'utf8');
  const c = client(config);
  const {
    data: run,
    error,
    response,
  } = await c.POST('/v1/provisioning/requests', {
    params: { query: { organization: values.organization } },
    body: xml,
    bodySerializer: (body) => body,
    headers: { 'content-type': 'application/xml' },
  });
  if (!run) {
    console.error(`refused: ${problemText(response.status, error)}`);
    for (const e of error?.errors ?? []) console.error(`  ${e.path}: ${e.message}`);
    return 1;
  }
  console.log(`run ${run.id} ${run.status}`);
  if (!values.watch) return 0;
  const end = await watch(() => runProgress(c, run.id));
  return end.status === 'completed' ? 0 : 1;
}

export async function ordersCommand(config: AppConfig, argv: string[]): Promise<number> {
  const [sub, id] = argv;
  if (sub !== 'watch' || !id) {
    console.error('Usage: provisio orders watch <order id>');
    return 2;
  }
  const c = client(config);
  const end = await watch(() => orderProgress(c, id));
  return end.status === 'completed' ? 0 : 1;
}
