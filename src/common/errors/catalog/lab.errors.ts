import type { ErrorCatalog } from '../error-catalog';

/**
 * The lab's HTTP routes answer only generic codes (VALIDATION_FAILED, NOT_FOUND,
 * ROUTE_NOT_FOUND when LAB_ENABLED=false). The codes of the lab *provider* (LAB_CONFLICT,
 * LAB_PREREQUISITE_MISSING, LAB_TRANSIENT…) are ProviderError codes that runs report in their
 * errorContext, listed in lab-failures.ts.
 */
export const labErrors = {} satisfies ErrorCatalog;
