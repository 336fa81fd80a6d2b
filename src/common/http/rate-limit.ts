import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import type { AppConfig } from '../../config/app-config';
import { ProblemError } from '../errors/problem';

/**
 * Per-token rate limiting (per client IP without a token): 429 RATE_LIMITED with Retry-After.
 * In-process counters: with several `serve` processes the limit applies per process.
 */
export async function registerRateLimit(app: NestFastifyApplication, config: AppConfig) {
  if (config.rateLimitMax <= 0) return;
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitMax,
    timeWindow: config.rateLimitWindowMs,
    allowList: (req: FastifyRequest) => typeof req.url === 'string' && (req.url.startsWith('/health') || req.url === '/metrics'),
    keyGenerator: (req: FastifyRequest) => {
      const auth = req.headers.authorization;
      return typeof auth === 'string' && auth.length > 7 ? 'tok:' + createHash('sha256').update(auth).digest('base64url').slice(0, 22) : 'ip:' + req.ip;
    },
    errorResponseBuilder: (_req: FastifyRequest, ctx: { after: string; ttl: number }) =>
      new ProblemError('RATE_LIMITED', `Rate limit exceeded; retry in ${ctx.after}`, {}, { 'Retry-After': String(Math.max(1, Math.ceil(ctx.ttl / 1000))) }),
  });
}
