import type { ErrorCatalog } from '../common/errors/error-catalog';

export const auditErrors = {} satisfies ErrorCatalog;
