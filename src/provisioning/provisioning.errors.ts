import type { ErrorCatalog } from '../common/errors/error-catalog';

export const provisioningErrors = {} satisfies ErrorCatalog;
