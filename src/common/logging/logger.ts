import pino, { type Logger } from 'pino';
import { requestContext } from './request-context';

/**
 * Paths pino removes from every log line. Tokens, passwords and keys must never reach logs,
 * whatever object they travel in.
 */
export const REDACT_PATHS = [
  'authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'token',
  'secret',
  'password',
  'privateKey',
  'signingKey',
  'databaseUrl',
  'databaseOwnerUrl',
  '*.token',
  '*.secret',
  '*.password',
  '*.authorization',
  '*.privateKey',
  '*.databaseUrl',
  '*.databaseOwnerUrl',
];

let root: Logger | undefined;

export function createRootLogger(level: string, destination?: pino.DestinationStream): Logger {
  root = pino(
    {
      level,
      base: { pid: process.pid, role: process.env.PROVISIO_ROLE ?? 'cli' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin() {
        const ctx = requestContext.get();
        if (!ctx) return {};
        const out: Record<string, unknown> = { requestId: ctx.requestId };
        if (ctx.runId) out.runId = ctx.runId;
        if (ctx.stepSeq !== undefined) out.stepSeq = ctx.stepSeq;
        return out;
      },
    },
    destination ?? pino.destination({ fd: 1, sync: false }),
  );
  return root;
}

export function rootLogger(): Logger {
  return root ?? createRootLogger(process.env.LOG_LEVEL ?? 'info');
}

/** Replaces a DSN's password with '***' so connection strings can be logged. */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '[unparseable url]';
  }
}
