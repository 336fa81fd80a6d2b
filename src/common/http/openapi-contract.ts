import type { OpenAPIObject } from '@nestjs/swagger';
import { ERROR_CODES, type ErrorCode, problemType } from '../errors/problem';
import { UNLIMITED } from './rate-limit';

/**
 * What the generated document cannot know from decorators alone, added in one pass over it:
 * human operationIds, declared tags, `security: []` on public routes, formats, the one generic
 * page schema, and the response headers the HTTP layer sets (http-semantics.ts, controllers).
 */

type Json = Record<string, unknown>;
interface Operation {
  operationId?: string;
  tags?: string[];
  security?: Json[];
  parameters?: { name: string; in: string }[];
  responses: Record<string, { description?: string; headers?: Json; content?: Record<string, { schema?: Json; example?: unknown }> }>;
  requestBody?: { content?: Record<string, { schema?: Json; example?: unknown }> };
  'x-permission'?: string;
}

const TAGS: Record<string, string> = {
  identity: 'Who you are, tokens, organizations, users and delegated administration',
  catalog: 'Services, features and service plans',
  subscriptions: 'Subscriptions of customers to plans: quotas, usage and reservations',
  orders: 'Orders: what a customer asks for, provisioned asynchronously',
  provisioning: 'Raw XML provisioning requests, runs, engines and namespaces',
  audit: 'The tamper-evident audit trail',
  lab: 'The lab platform: its state and fault injection (only when a lab provider is active)',
  operations: 'Health, metrics and schemas',
};

/** Names the heuristic below gets wrong or awkward. */
const OPERATION_IDS: Record<string, string> = {
  'get /v1/me': 'getMe',
  'post /v1/orders': 'placeOrder',
  'post /v1/provisioning/requests': 'submitProvisioningRequest',
  'post /v1/users/{id}/roles': 'grantUserRole',
  'delete /v1/users/{id}/roles': 'revokeUserRole',
  'post /v1/plans/{id}/availability': 'setPlanAvailability',
  'get /v1/audit/events/export': 'exportAuditEvents',
  'get /v1/audit/verify': 'verifyAuditChain',
  'post /v1/users/{id}/tokens': 'issueUserToken',
  'post /v1/delegations/{id}/tokens': 'issueDelegatedToken',
  'get /v1/orders/{id}/request': 'getOrderRequestXml',
  'get /v1/orders/{id}/response': 'getOrderResponseXml',
  'get /v1/orders/{id}/timeline': 'getOrderTimeline',
  'get /v1/lab/state': 'getLabState',
  'get /v1/lab/faults': 'getLabFaults',
  'put /v1/lab/faults': 'replaceLabFaults',
  'get /health/live': 'getLiveness',
  'get /health/ready': 'getReadiness',
  'get /metrics': 'getMetrics',
  'get /v1/schemas/{file}': 'getXmlSchema',
  'put /v1/organizations/{organizationId}/customer-users/{alias}/password': 'setCustomerUserPassword',
  'delete /v1/tokens/{id}': 'revokeToken',
};

/** Routes that answer an ETag (the version If-Match expects). */
const ETAG_ROUTES = new Set([
  'get /v1/organizations/{id}',
  'patch /v1/organizations/{id}',
  'get /v1/users/{id}',
  'patch /v1/users/{id}',
  'post /v1/plans',
  'get /v1/plans/{id}',
  'patch /v1/plans/{id}',
  'post /v1/plans/{id}/publish',
  'post /v1/plans/{id}/retire',
]);

const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const camel = (s: string) => s.split(/[-_.]/).map(upper).join('');
const singular = (w: string) => (w.endsWith('ies') ? w.slice(0, -3) + 'y' : w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
const isParam = (s: string) => s.startsWith('{');

/** `POST /v1/organizations` → createOrganization, `POST /v1/organizations/{id}/suspend` → suspendOrganization. */
export function operationIdOf(method: string, path: string): string {
  const explicit = OPERATION_IDS[`${method} ${path}`];
  if (explicit) return explicit;
  const segs = path.split('/').filter((s) => s && s !== 'v1');
  const last = segs[segs.length - 1];
  const nouns = segs.map((s, i) => (isParam(s) ? '' : isParam(segs[i + 1] ?? '') ? singular(s) : s)).filter(Boolean);
  if (isParam(last)) {
    const verb = { get: 'get', patch: 'update', put: 'replace', delete: 'delete' }[method] ?? method;
    return verb + nouns.map(camel).join('');
  }
  const collection = last.endsWith('s');
  if (method === 'get') return (collection ? 'list' : 'get') + nouns.map(camel).join('');
  if (!collection) return last + nouns.slice(0, -1).map(camel).join('');
  const verb = method === 'post' ? 'create' : method === 'delete' ? 'delete' : method;
  return verb + nouns.slice(0, -1).map(camel).join('') + camel(singular(last));
}

const HEADERS: Record<string, Json> = {
  Location: { description: 'where the created or accepted resource can be read', required: true, schema: { type: 'string', format: 'uri-reference' } },
  'Retry-After': { description: 'seconds to wait before polling (202) or retrying (409, 429, 503)', schema: { type: 'integer', minimum: 0 } },
  ETag: { description: 'the version of the resource; send it back in If-Match to update', schema: { type: 'string', pattern: '^"[^"]*"$' } },
  Link: { description: 'RFC 8288: `<…&cursor=…>; rel="next"` when there is a next page', schema: { type: 'string' } },
  'Idempotent-Replayed': {
    description: 'present (`true`) when this answer is the stored answer to an earlier request with the same Idempotency-Key',
    schema: { type: 'string', enum: ['true'] },
  },
  RateLimit: {
    description:
      'draft-ietf-httpapi-ratelimit-headers: requests left (`r`) and seconds until the window resets (`t`) of the policy charged — the client address before authentication, the token after (when rate limiting is on)',
    schema: { type: 'string', pattern: '^"[a-z]+";r=\\d+;t=\\d+$', example: '"token";r=599;t=60' },
  },
  'RateLimit-Policy': {
    description: 'the policy charged: its quota (`q`) per window of `w` seconds',
    schema: { type: 'string', pattern: '^"[a-z]+";q=\\d+;w=\\d+$', example: '"token";q=600;w=60' },
  },
};

const headerRefs = (...names: string[]): Json => Object.fromEntries(names.map((n) => [n, { $ref: `#/components/headers/${n}` }]));

const PAGE_SCHEMA: Json = {
  type: 'object',
  description: 'one page of a list: `?limit=&cursor=`; follow `nextCursor` (or the `Link` header) until it is null',
  required: ['items', 'nextCursor'],
  properties: {
    items: { type: 'array', items: {} },
    nextCursor: { type: 'string', nullable: true, description: 'opaque; null on the last page' },
  },
};

function jsonSchemaOf(response: Operation['responses'][string] | undefined): Json | undefined {
  return response?.content?.['application/json']?.schema;
}

/** A list documented as a bare array but answered as a page becomes the generic page of its items. */
function pageify(op: Operation): void {
  const ok = op.responses['200'];
  const schema = jsonSchemaOf(ok);
  const paged = op.parameters?.some((p) => p.in === 'query' && p.name === 'cursor');
  if (!schema || !paged || schema.type !== 'array') return;
  ok!.content!['application/json'].schema = { allOf: [{ $ref: '#/components/schemas/Page' }, { type: 'object', properties: { items: schema } }] };
}

function isPage(doc: OpenAPIObject, schema: Json | undefined): boolean {
  if (!schema) return false;
  if (Array.isArray(schema.allOf)) return (schema.allOf as Json[]).some((s) => s.$ref === '#/components/schemas/Page');
  const ref = typeof schema.$ref === 'string' ? schema.$ref.split('/').pop()! : undefined;
  const target = (ref ? doc.components?.schemas?.[ref] : schema) as Json | undefined;
  return Boolean((target?.properties as Json | undefined)?.nextCursor);
}

function addHeaders(doc: OpenAPIObject, method: string, path: string, op: Operation): void {
  const idempotent = op.parameters?.some((p) => p.in === 'header' && p.name === 'Idempotency-Key');
  for (const [status, response] of Object.entries(op.responses)) {
    const names: string[] = [];
    if (status === '201') names.push('Location');
    if (status === '202') names.push('Location', 'Retry-After');
    if (status === '409' || status === '429' || status === '503') names.push('Retry-After');
    if (status.startsWith('2') && ETAG_ROUTES.has(`${method} ${path}`)) names.push('ETag');
    if (status === '200' && method === 'get' && isPage(doc, jsonSchemaOf(response))) names.push('Link');
    if (status.startsWith('2') && idempotent) names.push('Idempotent-Replayed');
    if (!UNLIMITED(path)) names.push('RateLimit', 'RateLimit-Policy');
    if (names.length) response.headers = { ...(response.headers ?? {}), ...headerRefs(...names) };
  }
}

const FORMAT_BY_NAME: [RegExp, string][] = [
  [/At$/, 'date-time'],
  [/^email$/, 'email'],
];

/** date-time on `…At` timestamps and email on `email`, in every component schema. */
function addFormats(schemas: Record<string, Json>): void {
  for (const schema of Object.values(schemas)) {
    for (const [name, prop] of Object.entries((schema.properties as Record<string, Json> | undefined) ?? {})) {
      if (prop.type !== 'string' || prop.format || prop.enum) continue;
      const format = FORMAT_BY_NAME.find(([re]) => re.test(name))?.[1];
      if (format) prop.format = format;
    }
  }
}

/** Answers the HTTP layer gives before or around any handler, by what the request can carry. */
function transportErrors(method: string, path: string, op: Operation): ErrorCode[] {
  const codes: ErrorCode[] = ['SERVICE_UNAVAILABLE'];
  // Anonymous callers too: every request is charged to its address before any token is looked up.
  if (!UNLIMITED(path)) codes.push('RATE_LIMITED');
  // Every /v1 statement runs under lock_timeout: contention with another request is 409 + Retry-After.
  if (path.startsWith('/v1/')) codes.push('CONFLICT');
  if (['post', 'put', 'patch'].includes(method))
    codes.push('MALFORMED_JSON', 'INVALID_ENCODING', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE', 'VALIDATION_FAILED');
  if (op.parameters?.some((p) => p.in === 'query')) codes.push('VALIDATION_FAILED');
  if (op.parameters?.some((p) => p.in === 'path')) codes.push('NOT_FOUND');
  return codes;
}

function addTransportErrors(method: string, path: string, op: Operation): void {
  for (const code of transportErrors(method, path, op)) {
    const { status, title } = ERROR_CODES[code];
    const line = `\`${code}\` — ${title}`;
    const existing = op.responses[String(status)];
    if (existing) {
      if (!existing.description?.includes(`\`${code}\``)) existing.description = `${existing.description ?? ''}<br>${line}`;
      continue;
    }
    op.responses[String(status)] = {
      description: line,
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' }, example: { type: problemType(code), title, status, code } } },
    } as Operation['responses'][string];
  }
}

/**
 * OpenAPI 3.0 cannot put `nullable` on a schema without `type` (Nest writes that for
 * `oneOf: [boolean, integer]` + nullable): each branch becomes nullable, and `anyOf` lets null
 * match both of them.
 */
function fixTypelessNullable(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach(fixTypelessNullable);
  const s = node as Json;
  if (s.nullable === true && s.type === undefined && Array.isArray(s.oneOf)) {
    s.anyOf = (s.oneOf as Json[]).map((b) => ({ ...b, nullable: true }));
    delete s.oneOf;
    delete s.nullable;
  }
  Object.values(s).forEach(fixTypelessNullable);
}

export function refineDocument(doc: OpenAPIObject): OpenAPIObject {
  doc.components ??= {};
  doc.components.schemas ??= {};
  doc.components.schemas.Page = PAGE_SCHEMA;
  doc.components.headers = { ...(doc.components.headers ?? {}), ...HEADERS };
  addFormats(doc.components.schemas as Record<string, Json>);
  const used = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, value] of Object.entries(item as Record<string, Operation>)) {
      if (!['get', 'put', 'post', 'patch', 'delete'].includes(method)) continue;
      const op = value;
      op.operationId = operationIdOf(method, path);
      if (!op.tags?.length) op.tags = ['operations'];
      op.tags.forEach((t) => used.add(t));
      if (op['x-permission'] === 'public') op.security = [];
      pageify(op);
      addTransportErrors(method, path, op);
      addHeaders(doc, method, path, op);
    }
  }
  fixTypelessNullable(doc);
  doc.servers = [{ url: '/', description: 'this server' }];
  doc.info.license ??= { name: 'UNLICENSED' };
  doc.tags = [...used].sort().map((name) => ({ name, description: TAGS[name] ?? name }));
  return doc;
}
