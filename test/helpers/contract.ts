import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import * as fs from 'node:fs';

/**
 * Checks an answer of the real app against the OpenAPI document the same app serves: the status
 * is documented for the route, the media type is one the document names, the JSON body matches
 * the schema and the documented headers are there and well-formed. The e2e helper runs it on
 * every answer, so the document cannot drift from the API without failing a test.
 */

interface HeaderSpec {
  required?: boolean;
  schema?: Record<string, unknown>;
  $ref?: string;
}
interface ResponseSpec {
  headers?: Record<string, HeaderSpec>;
  content?: Record<string, { schema?: unknown }>;
}
interface OperationSpec {
  responses: Record<string, ResponseSpec>;
}
interface Doc {
  paths: Record<string, Record<string, OperationSpec>>;
  components?: { headers?: Record<string, HeaderSpec> };
}

export interface ContractAnswer {
  method: string;
  url: string;
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  text: string;
}

interface Route {
  template: string;
  regex: RegExp;
  params: number;
}

/**
 * OpenAPI 3.0's `nullable` as JSON Schema: `X | null` (Ajv's own `nullable` only widens `type`, so
 * a nullable `allOf: [$ref]`, which Nest writes for nullable objects, would refuse null).
 */
function nullableAsJsonSchema(node: unknown): unknown {
  if (!node || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map(nullableAsJsonSchema);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = nullableAsJsonSchema(v);
  if (out.nullable !== true) return out;
  delete out.nullable;
  return { anyOf: [out, { type: 'null' }] };
}

const pointer = (...parts: string[]) => parts.map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

export class ContractChecker {
  private readonly ajv: Ajv;
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly doc: Doc) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addSchema(nullableAsJsonSchema(structuredClone(doc)) as object, 'openapi');
    this.routes = Object.keys(doc.paths)
      .map((template) => ({
        template,
        regex: new RegExp('^' + template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '[^/]+') + '$'),
        params: (template.match(/\{/g) ?? []).length,
      }))
      .sort((a, b) => a.params - b.params);
  }

  private route(path: string): Route | undefined {
    return this.routes.find((r) => r.regex.test(path));
  }

  private validator(ref: string): ValidateFunction {
    let v = this.validators.get(ref);
    if (!v) {
      v = this.ajv.compile({ $ref: `openapi#/${ref}` });
      this.validators.set(ref, v);
    }
    return v;
  }

  /** The mismatches between one answer and the document (empty when it conforms). */
  check(a: ContractAnswer): string[] {
    const path = decodeURI(a.url.split('?')[0]).replace(/\/+$/, '') || '/';
    const route = this.route(path);
    const method = a.method.toLowerCase() === 'head' ? 'get' : a.method.toLowerCase();
    const op = route && this.doc.paths[route.template][method];
    // Not a documented operation (the docs UI, probe routes of tests, 404/405 for unknown paths).
    if (!route || !op) return [];
    const where = `${a.method} ${route.template} → ${a.status}`;
    const documented = op.responses[String(a.status)] ?? op.responses.default;
    if (!documented) return [`${where}: status not documented (documented: ${Object.keys(op.responses).join(', ')})`];
    const problems: string[] = [];
    const statusKey = op.responses[String(a.status)] ? String(a.status) : 'default';
    problems.push(...this.checkHeaders(where, documented, a.headers));
    if (a.method.toUpperCase() === 'HEAD' || a.status === 204 || a.status === 304) return problems;
    const type = String(a.headers['content-type'] ?? '')
      .split(';')[0]
      .trim();
    const content = documented.content ?? {};
    if (!a.text) {
      if (Object.keys(content).length > 0) problems.push(`${where}: empty body, documented ${Object.keys(content).join(', ')}`);
      return problems;
    }
    if (!(type in content))
      return [...problems, `${where}: content type ${type || '(none)'} not documented (documented: ${Object.keys(content).join(', ') || 'no body'})`];
    if (!(type === 'application/json' || type.endsWith('+json')) || !content[type].schema) return problems;
    let body: unknown;
    try {
      body = JSON.parse(a.text);
    } catch {
      return [...problems, `${where}: ${type} body is not JSON`];
    }
    const validate = this.validator(pointer('paths', route.template, method, 'responses', statusKey, 'content', type, 'schema'));
    if (!validate(body)) {
      const errors = (validate.errors ?? [])
        .slice(0, 5)
        .map(
          (e) => `${e.instancePath || '(body)'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`,
        );
      problems.push(`${where}: body does not match the schema: ${errors.join('; ')}`);
    }
    return problems;
  }

  private checkHeaders(where: string, response: ResponseSpec, headers: ContractAnswer['headers']): string[] {
    const problems: string[] = [];
    for (const [name, raw] of Object.entries(response.headers ?? {})) {
      const spec = raw.$ref ? this.doc.components?.headers?.[raw.$ref.split('/').pop()!] : raw;
      const value = headers[name.toLowerCase()];
      if (value === undefined) {
        if (spec?.required || raw.required) problems.push(`${where}: documented required header ${name} is missing`);
        continue;
      }
      const schema = spec?.schema;
      if (!schema) continue;
      const text = String(Array.isArray(value) ? value[0] : value);
      const typed = schema.type === 'integer' || schema.type === 'number' ? Number(text) : text;
      if (!this.ajv.validate(schema, typed)) problems.push(`${where}: header ${name}: ${JSON.stringify(text)} ${this.ajv.errorsText()}`);
    }
    return problems;
  }
}

/**
 * What to do with a mismatch: throw (the default, so the test fails), or, with
 * CONTRACT_REPORT=<file>, append it there and go on (to list every mismatch of a whole run).
 */
export function reportMismatches(problems: string[]): void {
  if (problems.length === 0) return;
  const file = process.env.CONTRACT_REPORT;
  if (file) {
    fs.appendFileSync(file, problems.map((p) => p + '\n').join(''));
    return;
  }
  throw new Error(`The answer does not match the OpenAPI document:\n  ${problems.join('\n  ')}`);
}
