import type { ErrorCatalog } from '../common/errors/error-catalog';

export const catalogErrors = {} satisfies ErrorCatalog;
