import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, operations, paths } from './openapi-types';

/**
 * The typed Provisio client: `openapi-fetch` over the types generated from the OpenAPI document
 * (`docs/openapi.json` → `openapi-types.ts` at build time), so a request or an answer that does
 * not fit the API fails to compile. Exported to package users as `provisio/client`.
 */
export type { components, operations, paths };
export type ProvisioClient = Client<paths>;
export type Schemas = components['schemas'];

export interface ProvisioClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** A `pvs_…` token, sent as `Authorization: Bearer`. */
  token?: string;
}

export function createProvisioClient(baseUrl: string, opts: ProvisioClientOptions = {}): ProvisioClient {
  const { token, headers, ...rest } = opts;
  return createClient<paths>({
    baseUrl: baseUrl.replace(/\/+$/, ''),
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(headers as Record<string, string> | undefined) },
    ...rest,
  });
}
