import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { ProblemError } from '../errors/problem';
import { renderProblem } from '../errors/problem-response';
import { sendProblem } from '../errors/problem.filter';
import { rootLogger } from '../logging/logger';
import { requestContext } from '../logging/request-context';
import { httpMetrics } from '../metrics/metrics';
import { checkCharset, checkContentEncoding, checkJsonBody, checkJsonDepth } from './body-checks';

export const BODY_LIMIT = 1024 * 1024;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Accepts a caller's X-Request-Id when it is a sane token, otherwise makes one. */
export function genRequestId(req: { headers: Record<string, unknown> }): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

// ignoreBOM: a leading BOM stays in the text, so the JSON and XML parsers strip exactly one
// (TextDecoder would silently drop a first one, and a doubled BOM would then pass).
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8(body: Buffer): string {
  try {
    return utf8.decode(body);
  } catch {
    throw new ProblemError('INVALID_ENCODING', 'The body is not valid UTF-8');
  }
}

/** When each request arrived (for the access log and the latency metric). */
const startedAt = new WeakMap<FastifyRequest, bigint>();

/** Request id, context, logs, body parsers and the error/404 handlers that run outside Nest. */
export function configureFastify(fastify: FastifyInstance) {
  const log = rootLogger();
  fastify.addHook('onRequest', (req: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
    reply.header('x-request-id', req.id);
    startedAt.set(req, process.hrtime.bigint());
    const ua = req.headers['user-agent'];
    requestContext.run({ requestId: req.id, ip: req.ip, userAgent: typeof ua === 'string' ? ua.slice(0, 512) : undefined }, done);
  });
  fastify.addHook('onResponse', (req: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const started = startedAt.get(req);
    const ms = started ? Number(process.hrtime.bigint() - started) / 1e6 : 0;
    const route = (req.routeOptions?.url as string | undefined) ?? 'unmatched';
    httpMetrics.observe(req.method, route, reply.statusCode, ms / 1000);
    const quiet = route.startsWith('/health') || route === '/metrics';
    const line = { requestId: req.id, method: req.method, url: req.url.split('?')[0], route, status: reply.statusCode, ms: Math.round(ms * 10) / 10 };
    if (reply.statusCode >= 500) log.error(line, 'request failed');
    else if (quiet) log.debug(line, 'request');
    else log.info(line, 'request');
    done();
  });

  // JSON: reject invalid UTF-8 instead of silently replacing it, and keep prototype-poisoning checks.
  fastify.removeContentTypeParser(['application/json']);
  const defaultJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser(
    ['application/json', 'application/problem+json', 'application/merge-patch+json'],
    { parseAs: 'buffer', bodyLimit: BODY_LIMIT },
    (req, body, done) => {
      let text: string;
      try {
        checkContentEncoding(req.headers['content-encoding']);
        checkCharset(req.headers['content-type']);
        text = decodeUtf8(body as Buffer);
        if (text.trim() === '') throw new ProblemError('MALFORMED_JSON', 'The body is empty');
        checkJsonDepth(text);
      } catch (e) {
        return done(e as Error, undefined);
      }
      defaultJson(req, text, (err, value) => {
        if (err) return done(new ProblemError('MALFORMED_JSON', 'The body is not valid JSON'), undefined);
        try {
          checkJsonBody(text, value);
        } catch (e) {
          return done(e as Error, undefined);
        }
        done(null, value);
      });
    },
  );
  // XML documents are handed to the language module as text; it does the safe parsing.
  fastify.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (req, body, done) => {
    try {
      checkContentEncoding(req.headers['content-encoding']);
      checkCharset(req.headers['content-type']);
      done(null, decodeUtf8(body as Buffer));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
  // Fastify reads text/plain bodies by default; no route takes them (an XML document sent as
  // text/plain would otherwise be accepted), so they answer 415 like any unknown type.
  fastify.removeContentTypeParser('text/plain');
}

/**
 * Fastify's own answers for URLs it cannot route (malformed percent-encoding, a path parameter
 * over maxParamLength) as problem+json. A parameter that long can never be an id or a name, so
 * it is a 404 like any other resource that does not exist.
 */
export function onFrameworkError(error: Error & { code?: string }, req: FastifyRequest, reply: FastifyReply): void {
  const err = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? new ProblemError('NOT_FOUND', 'No such resource') : error;
  sendProblem(reply, renderProblem(err, { requestId: req.id, instance: req.url?.split('?')[0] }));
}

/**
 * Errors Node's HTTP parser raises before there is a request (headers over the size limit, a
 * malformed request line, a timeout): answered as problem+json on the raw socket, then closed.
 */
export function onClientError(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const code = err.code === 'HPE_HEADER_OVERFLOW' ? 'HEADERS_TOO_LARGE' : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'REQUEST_TIMEOUT' : 'MALFORMED_REQUEST';
  const { status, body } = renderProblem(new ProblemError(code), { requestId: randomUUID() });
  const text = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy();
}
