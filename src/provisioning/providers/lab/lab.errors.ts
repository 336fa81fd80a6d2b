import type { ErrorCatalog } from '../../../common/errors/error-catalog';

export const labErrors = {} satisfies ErrorCatalog;
