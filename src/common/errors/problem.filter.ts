import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { renderProblem } from './problem-response';

/** The one place where errors become HTTP answers: RFC 9457 problem+json, never a stack. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    const http = host.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendProblem(reply, renderProblem(exception, { requestId: req?.id, instance: req?.url?.split('?')[0] }));
  }
}

export function sendProblem(reply: FastifyReply, problem: ReturnType<typeof renderProblem>) {
  if (reply.sent) return;
  for (const [k, v] of Object.entries(problem.headers)) reply.header(k, v);
  reply.status(problem.status).type('application/problem+json').send(JSON.stringify(problem.body));
}
