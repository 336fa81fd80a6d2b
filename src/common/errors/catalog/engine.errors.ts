import type { ErrorCatalog } from '../error-catalog';

export const engineErrors = {
  RUN_NOT_FOUND: { status: 404, title: 'No such provisioning run' },
  RUN_STATE_CONFLICT: { status: 409, title: "This action is not possible in the run's current status" },
} satisfies ErrorCatalog;
