import { HttpException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { rootLogger } from '../logging/logger';
import { ERROR_CODES, type ErrorCode, ProblemError, problemType } from './problem';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  requestId?: string;
  errorId?: string;
  [key: string]: unknown;
}

export interface RenderedProblem {
  status: number;
  body: ProblemBody;
  headers: Record<string, string>;
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_BODY',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_BAD_URL: 'VALIDATION_FAILED',
  FST_ERR_ASYNC_CONSTRAINT: 'VALIDATION_FAILED',
};

/** RFC 9457 members and ours that a ProblemError's `extra` cannot override. */
const RESERVED_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance', 'code', 'requestId', 'errorId']);

/**
 * PostgreSQL SQLSTATEs that mean "try again", not "bug". 25006 (read-only transaction): a
 * connection that reached a server in the middle of a failover (demoted, or not yet promoted).
 */
const TRANSIENT_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08003', '08006', '08001', '08004', '25006']);
/** lock_not_available (lock_timeout), deadlock_detected, serialization_failure: a race to retry, answered at once. */
const CONTENTION_SQLSTATES = new Set(['55P03', '40P01', '40001']);
const DATA_SQLSTATES: Record<string, ErrorCode> = {
  '23505': 'CONFLICT', // unique_violation
  '23503': 'CONFLICT', // foreign_key_violation
  '23P01': 'CONFLICT', // exclusion_violation
  '23514': 'VALIDATION_FAILED', // check_violation
  '22001': 'VALIDATION_FAILED', // string_data_right_truncation
  '22003': 'VALIDATION_FAILED', // numeric_value_out_of_range
  '22007': 'VALIDATION_FAILED', // invalid_datetime_format
  '22008': 'VALIDATION_FAILED', // datetime_field_overflow
  '22P02': 'VALIDATION_FAILED', // invalid_text_representation
  '22021': 'VALIDATION_FAILED', // character_not_in_repertoire
};
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

function fromCode(code: ErrorCode, detail?: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return new ProblemError(code, detail, extra, headers);
}

/** Maps anything thrown into a ProblemError (or undefined when it is an unexpected error). */
export function toProblemError(err: unknown): ProblemError | undefined {
  if (err instanceof ProblemError) return err;
  const e = err as {
    code?: string;
    statusCode?: number;
    status?: number;
    message?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  if (e && typeof e === 'object') {
    if (typeof e.code === 'string' && FASTIFY_CODES[e.code]) {
      return fromCode(FASTIFY_CODES[e.code], e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'The body exceeds the 1 MiB limit' : cleanFastifyMessage(e.message));
    }
    if (err instanceof SyntaxError && (e.statusCode === 400 || e.status === 400)) return fromCode('MALFORMED_JSON', 'The body is not valid JSON');
    if (typeof e.code === 'string' && e.code.startsWith('FST_') && e.statusCode && e.statusCode < 500) {
      return fromCode(
        e.statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : e.statusCode === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'MALFORMED_BODY',
        cleanFastifyMessage(e.message),
      );
    }
    const sqlstate = e.driverError?.code ?? (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined);
    if (sqlstate && CONTENTION_SQLSTATES.has(sqlstate))
      return fromCode('CONFLICT', 'Another request is changing the same data; try again', {}, { 'Retry-After': '1' });
    // database/tenant-budget.ts: the caller's organization already uses its share of connections.
    if (e.code === 'PROVISIO_TENANT_BUSY')
      return fromCode('RATE_LIMITED', 'Your organization has too many requests in progress; try again', {}, { 'Retry-After': '1' });
    if (sqlstate && TRANSIENT_SQLSTATES.has(sqlstate))
      return fromCode('SERVICE_UNAVAILABLE', 'The database is busy or restarting; try again', {}, { 'Retry-After': '1' });
    // Safety net: a constraint the database enforced that the service did not check first is the
    // client's conflict or bad value, not a server error (logged, so the missing check is found).
    if (sqlstate && DATA_SQLSTATES[sqlstate]) {
      rootLogger().warn({ sqlstate, constraint: e.driverError?.constraint ?? e.constraint }, 'database constraint answered a request');
      // A unique violation that got past the service's own check is a race with a concurrent
      // request (two grants of one role): a retry answers from the winner's state.
      const retry: Record<string, string> = sqlstate === '23505' ? { 'Retry-After': '1' } : {};
      return fromCode(
        DATA_SQLSTATES[sqlstate],
        sqlstate.startsWith('23') ? 'The request conflicts with existing data' : 'A value is out of range or malformed',
        {},
        retry,
      );
    }
    if (typeof e.code === 'string' && TRANSIENT_NODE_CODES.has(e.code))
      return fromCode('SERVICE_UNAVAILABLE', 'The database is unreachable; try again', {}, { 'Retry-After': '1' });
    if (e.message && /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(e.message)) {
      return fromCode('SERVICE_UNAVAILABLE', 'The database is unreachable; try again', {}, { 'Retry-After': '1' });
    }
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    if (status === 404) return fromCode('ROUTE_NOT_FOUND', err.message);
    if (status === 405) return fromCode('METHOD_NOT_ALLOWED');
    if (status === 413) return fromCode('PAYLOAD_TOO_LARGE');
    if (status === 415) return fromCode('UNSUPPORTED_MEDIA_TYPE');
    if (status === 406) return fromCode('NOT_ACCEPTABLE');
    if (status === 400) return fromCode('VALIDATION_FAILED', err.message);
    if (status === 401) return fromCode('UNAUTHENTICATED');
    if (status === 403) return fromCode('FORBIDDEN');
    if (status === 429) return fromCode('RATE_LIMITED');
    if (status < 500) return fromCode('VALIDATION_FAILED', err.message);
  }
  return undefined;
}

function cleanFastifyMessage(message?: string): string | undefined {
  if (!message) return undefined;
  // Fastify messages can echo parser internals; keep them short and free of stack-like detail.
  return message.split('\n')[0].slice(0, 300);
}

/** Renders any error as RFC 9457 problem+json; unexpected errors become a logged 500 with errorId. */
export function renderProblem(err: unknown, ctx: { requestId?: string; instance?: string }): RenderedProblem {
  const problem = toProblemError(err);
  if (problem) {
    const spec = ERROR_CODES[problem.code];
    const body: ProblemBody = {
      type: problemType(problem.code),
      title: spec.title,
      status: problem.status,
      detail: problem.message,
      instance: ctx.instance,
      code: problem.code,
      requestId: ctx.requestId,
    };
    // Extension members never replace the standard ones (an extra `status: 'active'` of a
    // subscription must not hide the HTTP status a client reads from the body).
    for (const [k, v] of Object.entries(problem.extra)) if (!RESERVED_MEMBERS.has(k)) body[k] = v;
    const headers = { ...problem.headers };
    if (problem.status === 401 && !headers['WWW-Authenticate']) {
      headers['WWW-Authenticate'] = `Bearer realm="provisio", error="invalid_token"`;
    }
    return { status: problem.status, body, headers };
  }
  const errorId = randomUUID();
  rootLogger().error({ err, errorId }, 'unhandled error');
  return {
    status: 500,
    headers: {},
    body: {
      type: problemType('INTERNAL_ERROR'),
      title: ERROR_CODES.INTERNAL_ERROR.title,
      status: 500,
      detail: `An unexpected error occurred; quote errorId ${errorId} to your operator`,
      instance: ctx.instance,
      code: 'INTERNAL_ERROR',
      requestId: ctx.requestId,
      errorId,
    },
  };
}
