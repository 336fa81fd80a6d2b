import { applyDecorators, HttpCode, SetMetadata, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtension,
  ApiExtraModels,
  ApiHeader,
  ApiOperation,
  ApiResponse,
  getSchemaPath,
  type ApiResponseMetadata,
  type ApiResponseSchemaHost,
} from '@nestjs/swagger';
import { ERROR_CODES, type ErrorCode, problemType } from '../errors/problem';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { ENDPOINT_METADATA, type EndpointAccess, type EndpointMetadata } from './endpoint-metadata';

export { ENDPOINT_METADATA, type EndpointAccess, type EndpointMetadata } from './endpoint-metadata';

/** What ApiResponse accepts as the type of a body: a class (or `[Class]`), or a type name. */
type ApiResponseType = ApiResponseMetadata['type'];
type SchemaObject = ApiResponseSchemaHost['schema'];

/** The success answer. Without one the route is documented as answering `status` with no body. */
export interface EndpointResponse {
  type?: ApiResponseType;
  description?: string;
  isArray?: boolean;
  /** The body is `{ items: type[], nextCursor }`: the generic Page schema of `type` (a class). */
  page?: boolean;
  /** A hand-written OpenAPI schema: the document shows it as given. */
  schema?: Record<string, unknown>;
  /** A text body (XML, NDJSON, CSV…) in these media types instead of JSON. */
  textTypes?: string[];
}

export interface EndpointOptions {
  permission: EndpointAccess;
  summary: string;
  description?: string;
  /** Problem codes this route can answer besides the generic ones. */
  errors?: ErrorCode[];
  /** Success status (defaults to Nest's: 201 for POST, 200 otherwise). */
  status?: number;
  response?: EndpointResponse;
  /** Marks the route as read-only (never mutates), checked by the authorization matrix. */
  readOnly?: boolean;
  /** A creating POST that honours `Idempotency-Key` (the idempotency interceptor, on this route only). */
  idempotent?: boolean;
}

const GENERIC_AUTH_ERRORS: ErrorCode[] = ['UNAUTHENTICATED', 'FORBIDDEN', 'RATE_LIMITED'];

/** The route's possible errors grouped by HTTP status, each group documented as one response. */
function errorResponses(opts: EndpointOptions) {
  const errors = new Set<ErrorCode>(opts.errors ?? []);
  if (opts.permission !== 'public') GENERIC_AUTH_ERRORS.forEach((e) => errors.add(e));
  errors.add('INTERNAL_ERROR');
  if (opts.idempotent) for (const code of ['IDEMPOTENCY_KEY_REUSED', 'IDEMPOTENCY_KEY_IN_FLIGHT', 'INVALID_IDEMPOTENCY_KEY'] as const) errors.add(code);
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errors) {
    const status = ERROR_CODES[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return [...byStatus.entries()].map(([status, codes]) =>
    ApiResponse({
      status,
      description: codes.map((c) => `\`${c}\` — ${ERROR_CODES[c].title}`).join('<br>'),
      content: {
        'application/problem+json': {
          schema: { $ref: '#/components/schemas/Problem' },
          example: {
            type: problemType(codes[0]),
            title: ERROR_CODES[codes[0]].title,
            status,
            detail: ERROR_CODES[codes[0]].title,
            code: codes[0],
            requestId: 'b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a',
          },
        },
      },
    }),
  );
}

/**
 * One decorator per route that sets the permission **and** the OpenAPI documentation, so the two
 * can't drift: the guard reads the same metadata the docs show.
 */
export function Endpoint(opts: EndpointOptions) {
  const permissionText = opts.permission === 'public' ? 'none (public)' : opts.permission === 'authenticated' ? 'any valid token' : `\`${opts.permission}\``;
  const decorators = [
    SetMetadata(ENDPOINT_METADATA, {
      permission: opts.permission,
      summary: opts.summary,
      idempotent: opts.idempotent,
      status: opts.status,
    } satisfies EndpointMetadata),
    ApiOperation({ summary: opts.summary, description: `${opts.description ? opts.description + '\n\n' : ''}**Permission:** ${permissionText}` }),
    ApiExtension('x-permission', opts.permission),
    ...errorResponses(opts),
  ];
  if (opts.permission !== 'public') decorators.push(ApiBearerAuth());
  if (opts.idempotent) {
    decorators.push(
      // On these routes only: an interceptor anywhere else would cost every request rxjs plumbing.
      UseInterceptors(IdempotencyInterceptor),
      ApiHeader({
        name: 'Idempotency-Key',
        required: false,
        description: 'same key + same body replays the first answer; another body is 422; while the first is in flight, 409',
      }),
    );
  }
  if (opts.status) decorators.push(HttpCode(opts.status));
  decorators.push(...successResponse(opts.status ?? 200, opts.response));
  return applyDecorators(...decorators);
}

function successResponse(status: number, r: EndpointResponse | undefined): (ClassDecorator & MethodDecorator)[] {
  const description = r?.description ?? (status === 204 ? 'No content' : 'OK');
  if (!r) return [ApiResponse({ status, description })];
  if (r.textTypes) return [ApiResponse({ status, description, content: Object.fromEntries(r.textTypes.map((t) => [t, { schema: { type: 'string' } }])) })];
  if (r.page && typeof r.type === 'function') {
    const items = { type: 'array', items: { $ref: getSchemaPath(r.type) } };
    return [
      ApiExtraModels(r.type),
      ApiResponse({
        status,
        description,
        schema: { allOf: [{ $ref: '#/components/schemas/Page' }, { type: 'object', properties: { items } }] } as SchemaObject,
      }),
    ];
  }
  if (r.schema) return [ApiResponse({ status, description, schema: r.schema as SchemaObject })];
  return [ApiResponse({ status, description, type: r.type, isArray: r.isArray })];
}
