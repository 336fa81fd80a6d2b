import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { ProblemError } from '../errors/problem';
import { rootLogger } from '../logging/logger';
import { requestContext } from '../logging/request-context';
import { httpMetrics } from '../metrics/metrics';

export const BODY_LIMIT = 1024 * 1024;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Accepts a caller's X-Request-Id when it is a sane token, otherwise makes one. */
export function genRequestId(req: { headers: Record<string, unknown> }): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(body: Buffer): string {
  try {
    return utf8.decode(body);
  } catch {
    throw new ProblemError('INVALID_ENCODING', 'The body is not valid UTF-8');
  }
}

/** Request id, context, logs, body parsers and the error/404 handlers that run outside Nest. */
export function configureFastify(fastify: FastifyInstance) {
  const log = rootLogger();
  fastify.addHook('onRequest', (req: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
    reply.header('x-request-id', req.id);
    (req as any).startedAt = process.hrtime.bigint();
    const ua = req.headers['user-agent'];
    requestContext.run({ requestId: req.id, ip: req.ip, userAgent: typeof ua === 'string' ? ua.slice(0, 512) : undefined }, done);
  });
  fastify.addHook('onResponse', (req: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const started = (req as any).startedAt as bigint | undefined;
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
  fastify.addContentTypeParser(['application/json', 'application/problem+json', 'application/merge-patch+json'], { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (req, body, done) => {
    let text: string;
    try {
      text = decodeUtf8(body as Buffer);
    } catch (e) {
      return done(e as Error, undefined);
    }
    if (text.trim() === '') return done(new ProblemError('MALFORMED_JSON', 'The body is empty'), undefined);
    defaultJson(req, text, (err, value) => {
      if (err) return done(new ProblemError('MALFORMED_JSON', 'The body is not valid JSON'), undefined);
      done(null, value);
    });
  });
  // XML documents are handed to the language module as text; it does the safe parsing.
  fastify.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_req, body, done) => {
    try {
      done(null, decodeUtf8(body as Buffer));
    } catch (e) {
      done(e as Error, undefined);
    }
  });

}
