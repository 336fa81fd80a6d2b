import type { ErrorCatalog } from '../../common/errors/error-catalog';

export const engineErrors = {} satisfies ErrorCatalog;
