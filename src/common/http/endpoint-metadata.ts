/** The metadata key of the `Endpoint` decorator, read by the auth guard and the idempotency interceptor. */
export const ENDPOINT_METADATA = 'provisio:endpoint';

/**
 * The permissions a route may declare. Common cannot import them (the access module depends on
 * common), so access adds its permission names here by declaration merging (access/permissions.ts);
 * a route naming anything else still fails to compile.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by declaration merging
export interface RoutePermissions {}

/** `public`: no token; `authenticated`: any valid token; otherwise the permission a role must grant. */
export type EndpointAccess = keyof RoutePermissions | 'public' | 'authenticated';

export interface EndpointMetadata {
  permission: EndpointAccess;
  summary: string;
  idempotent?: boolean;
  status?: number;
}
