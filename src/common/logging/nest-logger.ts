import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';
import { rootLogger } from './logger';

// Apart from logger.ts so the engine core, which logs, does not reach Nest.
/** Adapts pino to Nest's LoggerService so framework messages share the JSON format. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger = rootLogger()) {}
  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
