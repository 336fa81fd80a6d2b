import type { ErrorCatalog } from '../../common/errors/error-catalog';

export const languageErrors = {} satisfies ErrorCatalog;
