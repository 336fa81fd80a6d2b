import type { Permission } from '../../access/permissions';

/** The metadata key of the `Endpoint` decorator, read by the auth guard and the idempotency interceptor. */
export const ENDPOINT_METADATA = 'provisio:endpoint';

/** `public`: no token; `authenticated`: any valid token; otherwise the permission a role must grant. */
export type EndpointAccess = Permission | 'public' | 'authenticated';

export interface EndpointMetadata {
  permission: EndpointAccess;
  summary: string;
  idempotent?: boolean;
  status?: number;
}
