import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import type { AppConfig } from '../../config/app-config';
import { ProblemError } from '../errors/problem';
import { sendProblem } from '../errors/problem.filter';
import { renderProblem } from '../errors/problem-response';
import { FixedWindowLimiter, type WindowState } from './fixed-window-limiter';

/**
 * Rate limits (issue 14), in-process counters: with several API processes each applies its own.
 *
 * - Every request that has not proven a valid token — anonymous, or a bearer token not yet
 *   checked — is charged to its client address *before* the token is looked up, so made-up
 *   tokens cost no hash and no database read once the address has used its quota.
 * - Once the guard has authenticated the token, the address is refunded and the token charged
 *   instead (`rateLimitAuthenticated`): customers behind one NAT do not share a budget, and a
 *   token that authenticated recently keeps working even while its address is exhausted by
 *   someone else's made-up tokens.
 *
 * Answers carry `RateLimit-Policy` and `RateLimit` (draft-ietf-httpapi-ratelimit-headers) and,
 * on 429, `Retry-After`.
 */

const CONTEXT = Symbol('provisio.rateLimit');

interface RequestContext {
  address: string;
  charged: boolean;
  reply: FastifyReply;
}

type LimitedRequest = FastifyRequest & { [CONTEXT]?: RequestContext & { limits: RateLimits } };

/** Health checks and metrics are never limited (so the document promises no 429 there either). */
export const UNLIMITED = (url: string) => url.startsWith('/health') || url === '/metrics' || url.startsWith('/metrics?');

export class RateLimits {
  readonly byAddress: FixedWindowLimiter;
  readonly byToken: FixedWindowLimiter;
  /** Digests of bearer tokens that authenticated lately: their owners pass an exhausted address. */
  private readonly recentlyValid: FixedWindowLimiter;

  constructor(config: Pick<AppConfig, 'rateLimitMax' | 'rateLimitAddressMax' | 'rateLimitWindowMs'>) {
    this.byAddress = new FixedWindowLimiter('address', config.rateLimitAddressMax, config.rateLimitWindowMs);
    this.byToken = new FixedWindowLimiter('token', config.rateLimitMax, config.rateLimitWindowMs);
    this.recentlyValid = new FixedWindowLimiter('valid', Number.MAX_SAFE_INTEGER, config.rateLimitWindowMs);
  }

  /** Before authentication: charge the address, or refuse (undefined = go on). */
  beforeAuthentication(req: FastifyRequest, reply: FastifyReply): ProblemError | undefined {
    const address = req.ip;
    const ctx: RequestContext = { address, charged: false, reply };
    (req as LimitedRequest)[CONTEXT] = { ...ctx, limits: this };
    const state = this.byAddress.take(address);
    if (state.allowed) {
      (req as LimitedRequest)[CONTEXT]!.charged = true;
      setHeaders(reply, this.byAddress, state);
      return undefined;
    }
    const bearer = req.headers.authorization;
    if (typeof bearer === 'string' && this.recentlyValid.has(digest(bearer))) return undefined;
    setHeaders(reply, this.byAddress, state);
    return tooMany(state);
  }

  /** After the guard authenticated a token: refund the address, charge the token. */
  afterAuthentication(req: FastifyRequest, tokenId: string): void {
    const ctx = (req as LimitedRequest)[CONTEXT];
    if (!ctx) return;
    if (ctx.charged) this.byAddress.refund(ctx.address);
    ctx.charged = false;
    const bearer = req.headers.authorization;
    if (typeof bearer === 'string') this.recentlyValid.take(digest(bearer));
    const state = this.byToken.take(tokenId);
    setHeaders(ctx.reply, this.byToken, state);
    if (!state.allowed) throw tooMany(state);
  }
}

function digest(header: string): string {
  return createHash('sha256').update(header).digest('base64url');
}

function tooMany(state: WindowState): ProblemError {
  const seconds = Math.max(1, Math.ceil(state.resetMs / 1000));
  return new ProblemError('RATE_LIMITED', `Rate limit exceeded; retry in ${seconds} s`, {}, { 'Retry-After': String(seconds) });
}

function setHeaders(reply: FastifyReply, limiter: FixedWindowLimiter, state: WindowState): void {
  reply.header('RateLimit-Policy', `"${limiter.name}";q=${limiter.quota};w=${Math.ceil(limiter.windowMs / 1000)}`);
  reply.header('RateLimit', `"${limiter.name}";r=${state.remaining};t=${Math.ceil(state.resetMs / 1000)}`);
}

/**
 * Called by the authentication guard once a bearer token is proven valid; throws 429 when that
 * token has used its quota. A no-op when rate limiting is off.
 */
export function rateLimitAuthenticated(req: FastifyRequest, tokenId: string): void {
  (req as LimitedRequest)[CONTEXT]?.limits.afterAuthentication(req, tokenId);
}

export function registerRateLimit(app: NestFastifyApplication, config: AppConfig): void {
  if (config.rateLimitMax <= 0) return;
  const limits = new RateLimits(config);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (req: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
    if (typeof req.url === 'string' && UNLIMITED(req.url)) return done();
    const refused = limits.beforeAuthentication(req, reply);
    if (!refused) return done();
    sendProblem(reply, renderProblem(refused, { requestId: req.id, instance: req.url?.split('?')[0] }));
  });
}
