import { negotiate } from '@fastify/accept-negotiator';
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import * as zlib from 'node:zlib';
import { ProblemError } from '../errors/problem';
import { renderProblem } from '../errors/problem-response';
import { sendProblem } from '../errors/problem.filter';

/**
 * Where the resource a 201 created lives, per route (`{a.b}` = that field of the answer's body).
 * One table here instead of a line in each controller: the onSend hook below sets the header and
 * the OpenAPI document declares it from the same entries, and a test checks every 201 has one.
 */
export const CREATED_LOCATIONS: Record<string, string> = {
  'POST /v1/tokens': '/v1/tokens/{id}',
  'POST /v1/users/:id/tokens': '/v1/tokens/{id}',
  'POST /v1/delegations/:id/tokens': '/v1/tokens/{id}',
  'POST /v1/organizations': '/v1/organizations/{organization.id}',
  'POST /v1/organizations/:id/users': '/v1/users/{id}',
  'POST /v1/delegations': '/v1/delegations/{id}',
  'POST /v1/plans': '/v1/plans/{id}',
  'POST /v1/audit/checkpoints': '/v1/audit/checkpoints',
};

/** How long a client should wait before polling an accepted (202) order or run again. */
export const ACCEPTED_RETRY_AFTER_SECONDS = 1;

const METHODS: HTTPMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

function fillTemplate(template: string, body: Record<string, unknown>): string | undefined {
  let missing = false;
  const out = template.replace(/\{([\w.]+)\}/g, (_, field: string) => {
    const v = field.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), body);
    if (typeof v !== 'string' && typeof v !== 'number') missing = true;
    return encodeURIComponent(String(v));
  });
  return missing ? undefined : out;
}

function parseObject(payload: unknown): Record<string, unknown> | undefined {
  if (typeof payload !== 'string') return undefined;
  try {
    const v: unknown = JSON.parse(payload);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `Link: <same URL with cursor=next>; rel="next"` (RFC 8288) for a page that has a next one. */
function nextLink(url: string, payload: string): string | undefined {
  // Cheap pre-check: only pages carry a non-null nextCursor.
  if (!payload.includes('"nextCursor":"')) return undefined;
  const next = parseObject(payload)?.nextCursor;
  if (typeof next !== 'string') return undefined;
  const u = new URL(url, 'http://localhost');
  u.searchParams.set('cursor', next);
  return `<${u.pathname}${u.search}>; rel="next"`;
}

function isJson(reply: FastifyReply): boolean {
  const type = reply.getHeader('content-type');
  return typeof type === 'string' && type.includes('json');
}

/**
 * HTTP behaviour every route shares, registered before Nest adds its routes: a route table to
 * answer 405 + Allow (or OPTIONS 204 + Allow) for a known path with another method, Location on
 * 201, Retry-After on 202 and Link on paged lists.
 */
export function registerHttpSemantics(fastify: FastifyInstance): void {
  const routes = FindMyWay();
  fastify.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const m of methods) if (METHODS.includes(m as HTTPMethod)) routes.on(m as HTTPMethod, route.url, () => undefined);
  });
  const allowed = (url: string): string[] => {
    const path = url.split('?')[0];
    return METHODS.filter((m) => routes.find(m, path) !== null);
  };

  fastify.addHook('onRequest', (req: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
    if (!req.is404) return done();
    const allow = allowed(req.url);
    if (allow.length === 0) return done();
    reply.header('allow', allow.join(', '));
    if (req.method === 'OPTIONS') {
      reply.status(204).send();
      return;
    }
    sendProblem(
      reply,
      renderProblem(new ProblemError('METHOD_NOT_ALLOWED', `${req.method} is not allowed here; allowed: ${allow.join(', ')}`), {
        requestId: req.id,
        instance: req.url.split('?')[0],
      }),
    );
  });

  fastify.addHook('onSend', (req: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: Error | null, value?: unknown) => void) => {
    const status = reply.statusCode;
    if (status === 201 && !reply.hasHeader('location')) {
      const template = CREATED_LOCATIONS[`${req.method} ${req.routeOptions.url}`];
      const body = template && isJson(reply) ? parseObject(payload) : undefined;
      const location = body && fillTemplate(template, body);
      if (location) reply.header('location', location);
    } else if (status === 202 && !reply.hasHeader('retry-after')) {
      reply.header('retry-after', String(ACCEPTED_RETRY_AFTER_SECONDS));
    } else if (status === 200 && req.method === 'GET' && typeof payload === 'string' && isJson(reply)) {
      const link = nextLink(req.url, payload);
      if (link) reply.header('link', link);
    }
    done(null, payload);
  });
}

/**
 * CORS (only when `CORS_ORIGINS` names origins: a browser app on another origin is a deliberate
 * choice) and compression of answers over 1 KiB for clients that accept it.
 */
export async function registerHttpPlugins(app: NestFastifyApplication, opts: { corsOrigins?: string }): Promise<void> {
  const origins = (opts.corsOrigins ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  if (origins.length > 0) {
    await app.register(cors as never, {
      origin: origins.includes('*') ? '*' : origins,
      methods: METHODS,
      allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'X-Request-Id'],
      exposedHeaders: ['Location', 'ETag', 'Link', 'Retry-After', 'Idempotent-Replayed', 'X-Request-Id', 'RateLimit', 'RateLimit-Policy'],
      maxAge: 600,
    });
  }
  // Answers only: compressed request bodies stay refused with 415 (body-checks.ts), so the body
  // limit is a limit on what is parsed, never on a zip bomb's compressed size.
  await app.register(compress as never, {
    globalCompression: true,
    globalDecompression: false,
    threshold: COMPRESS_THRESHOLD,
    encodings: COMPRESS_ENCODINGS,
    brotliOptions: BROTLI_OPTIONS,
  });
  app.getHttpAdapter().getInstance().addHook('onSend', compressSmallAnswer);
}

const COMPRESS_THRESHOLD = 1024;
const COMPRESS_ENCODINGS = ['br', 'gzip', 'deflate'];
/** @fastify/compress's recommended brotli settings, written out so both paths below use them. */
const BROTLI_OPTIONS = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } };
/** The plugin's default compressible types. */
const COMPRESSIBLE = /^text\/(?!event-stream)|(?:\+|\/)json(?:;|$)|(?:\+|\/)text(?:;|$)|(?:\+|\/)xml(?:;|$)|octet-stream(?:;|$)/u;
/** Answers up to this size are compressed in one synchronous call (tens of microseconds). */
const SYNC_COMPRESS_MAX = 64 * 1024;

/**
 * A small answer (the usual JSON view: 1–64 KiB) compressed in one call, with the plugin's
 * encodings, negotiation and settings; the plugin then sees Content-Encoding and leaves it alone.
 * The plugin pipes every payload through a stream and a zlib stream of its own, which cost about
 * 0.6 ms of CPU and a few hundred KB of native memory per answer; larger answers and streams still
 * take that path. The answer gets a Content-Length instead of chunked encoding.
 */
function compressSmallAnswer(req: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: Error | null, value?: unknown) => void): void {
  if ((typeof payload !== 'string' && !Buffer.isBuffer(payload)) || reply.hasHeader('content-encoding')) return done(null, payload);
  const size = Buffer.byteLength(payload);
  const accept = req.headers['accept-encoding'];
  const type = reply.getHeader('content-type');
  if (size < COMPRESS_THRESHOLD || size > SYNC_COMPRESS_MAX || typeof accept !== 'string' || req.headers['x-no-compression'] !== undefined) {
    return done(null, payload);
  }
  if (typeof type !== 'string' || !COMPRESSIBLE.test(type)) return done(null, payload);
  // As the plugin reads the header: '*' and x-gzip stand for gzip.
  const encoding = negotiate(accept.toLowerCase().replace(/\*|x-gzip/gu, 'gzip'), COMPRESS_ENCODINGS);
  if (encoding !== 'br' && encoding !== 'gzip' && encoding !== 'deflate') return done(null, payload);
  const body = encoding === 'br' ? zlib.brotliCompressSync(payload, BROTLI_OPTIONS) : encoding === 'gzip' ? zlib.gzipSync(payload) : zlib.deflateSync(payload);
  const vary = reply.getHeader('vary');
  const varies = vary === undefined ? [] : Array.isArray(vary) ? vary.map(String) : [String(vary)];
  if (!varies.some((h) => h.includes('accept-encoding'))) reply.header('vary', [...varies, 'accept-encoding'].join(', '));
  reply.header('content-encoding', encoding);
  reply.removeHeader('content-length');
  done(null, body);
}
