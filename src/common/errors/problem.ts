import { auditErrors } from '../../audit/audit.errors';
import { catalogErrors } from '../../catalog/catalog.errors';
import { identityErrors } from '../../identity/identity.errors';
import { ordersErrors } from '../../orders/orders.errors';
import { provisioningErrors } from '../../provisioning/provisioning.errors';
import { commonErrors } from './common.errors';
import type { ErrorSpec } from './error-catalog';

/**
 * Every error code a client can see, gathered from each module's catalog. A code used with
 * ProblemError but missing here fails to compile, so HTTP mapping is exhaustive by construction.
 */
export const ERROR_CODES = {
  ...commonErrors,
  ...identityErrors,
  ...catalogErrors,
  ...ordersErrors,
  ...provisioningErrors,
  ...auditErrors,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export const PROBLEM_TYPE_BASE = 'https://provisio.dev/problems/';

export function problemType(code: string): string {
  return PROBLEM_TYPE_BASE + code.toLowerCase().replace(/_/g, '-');
}

export function errorSpec(code: ErrorCode): ErrorSpec {
  return ERROR_CODES[code];
}

export interface FieldError {
  path: string;
  message: string;
}

/** The one exception type for expected failures; the filter renders it as RFC 9457 problem+json. */
export class ProblemError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly extra: Record<string, unknown> & { errors?: FieldError[] } = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? ERROR_CODES[code].title);
    this.status = ERROR_CODES[code].status;
  }
}

export function isProblemError(e: unknown): e is ProblemError {
  return e instanceof ProblemError;
}
