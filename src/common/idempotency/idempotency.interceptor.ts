import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { ENDPOINT_METADATA, type EndpointMetadata } from '../http/endpoint-metadata';
import { ProblemError } from '../errors/problem';
import { PRINCIPAL_KEY, type RequestCaller } from '../http/request-caller';
import { IdempotencyKeys, requestHash } from './idempotency';
import { isSealed, openAnswer, sealAnswer } from './sealed-answer';

/** True when an answer carries a secret (a token shown once): such answers are never stored. */
function carriesSecret(value: unknown, depth = 0): boolean {
  if (depth > 6 || value === null || typeof value !== 'object') return false;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k === 'token' && typeof v === 'string') return true;
    if (carriesSecret(v, depth + 1)) return true;
  }
  return false;
}

/** Path and query of a request URL, the query's parameters in a canonical order. */
function requestTarget(url: string): string {
  const u = new URL(url, 'http://x');
  u.searchParams.sort();
  return u.pathname + u.search;
}

/**
 * `Idempotency-Key` on the creating POSTs that declare `idempotent: true` in @Endpoint, which
 * attaches this interceptor to those routes only (API.md
 * Conventions; orders implement it inside their own transaction instead, the strongest form):
 * same key + same body replays the stored answer, another body is 422, while the first is in
 * flight 409. The answer is stored right after the handler's transaction commits, so a crash
 * between the two lets a retry act again (its natural keys then answer 409). Answers carrying a
 * secret are stored sealed with the caller's credential (the database holds no readable secret),
 * so a retry with the same key and credential gets the same answer, secret included.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: IdempotencyKeys,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const meta = this.reflector.get<EndpointMetadata | undefined>(ENDPOINT_METADATA, ctx.getHandler());
    const req = ctx.switchToHttp().getRequest<FastifyRequest & Record<string, unknown>>();
    const key = req.headers['idempotency-key'];
    if (!meta?.idempotent || key === undefined) return next.handle();
    return from(this.run(ctx, next, meta, req, Array.isArray(key) ? key[0] : key));
  }

  private async run(
    ctx: ExecutionContext,
    next: CallHandler,
    meta: EndpointMetadata,
    req: FastifyRequest & Record<string, unknown>,
    key: string,
  ): Promise<unknown> {
    const reply = ctx.switchToHttp().getResponse<FastifyReply>();
    const p = req[PRINCIPAL_KEY] as RequestCaller | undefined;
    const route = `${req.method} ${req.routeOptions?.url ?? req.url}`;
    const scope = `${p?.userId ?? 'anonymous'}:${p?.subjectOrgId ?? ''}:${route}`;
    // The fingerprint covers the query string too: `?organization=` changes what a request does.
    const claim = await this.keys.claim(scope, key, requestHash(req.method, requestTarget(req.url), req.body ?? null));
    const credential = typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined;
    if (claim.kind === 'replay') {
      const stored = claim.response.body;
      const answer = !isSealed(stored) ? stored : credential ? openAnswer(stored, credential, scope, key) : undefined;
      if (answer === undefined) {
        throw new ProblemError(
          'IDEMPOTENCY_KEY_REUSED',
          'The first answer to this key holds a secret: only the credential that sent the first request can replay it',
        );
      }
      reply.status(claim.response.status);
      for (const [k, v] of Object.entries(claim.response.headers)) reply.header(k, v);
      reply.header('Idempotent-Replayed', 'true');
      return answer;
    }
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (e) {
      await this.keys.abandon(claim).catch(() => undefined);
      throw e;
    }
    const secret = carriesSecret(body);
    if (secret && !credential) await this.keys.abandon(claim).catch(() => undefined);
    else {
      const location = reply.getHeader('location');
      const headers: Record<string, string> = typeof location === 'string' ? { Location: location } : {};
      // An answer with a secret is kept sealed with the caller's credential (sealed-answer.ts).
      const stored = secret ? sealAnswer(body, credential!, scope, key) : (body ?? null);
      await this.keys.store(claim, { status: meta.status ?? 201, body: stored, headers });
    }
    return body;
  }
}
