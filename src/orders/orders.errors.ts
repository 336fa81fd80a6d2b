import type { ErrorCatalog } from '../common/errors/error-catalog';

export const ordersErrors = {} satisfies ErrorCatalog;
