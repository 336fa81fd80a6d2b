import { auditErrors } from './catalog/audit.errors';
import { catalogErrors } from './catalog/catalog.errors';
import { commonErrors } from './catalog/common.errors';
import { engineErrors } from './catalog/engine.errors';
import { identityErrors } from './catalog/identity.errors';
import { labErrors } from './catalog/lab.errors';
import { languageErrors } from './catalog/language.errors';
import { ordersErrors } from './catalog/orders.errors';

/**
 * Every error code a client can see, gathered from each module's catalog. A code used with
 * ProblemError but missing here fails to compile, so HTTP mapping is exhaustive by construction.
 * The catalogs live here, one file per module (`catalog/<module>.errors.ts`, edited by the
 * module's owner), because every module throws ProblemError: were they in the modules, common
 * would import every module that imports common.
 */
export const ERROR_CODES = {
  ...commonErrors,
  ...identityErrors,
  ...catalogErrors,
  ...ordersErrors,
  ...languageErrors,
  ...engineErrors,
  ...labErrors,
  ...auditErrors,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export const PROBLEM_TYPE_BASE = 'https://provisio.dev/problems/';

export function problemType(code: string): string {
  return PROBLEM_TYPE_BASE + code.toLowerCase().replace(/_/g, '-');
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
