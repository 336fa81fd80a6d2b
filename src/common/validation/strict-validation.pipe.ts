import { type ArgumentMetadata, Injectable, type PipeTransform, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ProblemError, type FieldError } from '../errors/problem';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const path = prefix ? (/^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : `${prefix}.${e.property}`) : e.property;
    for (const message of Object.values(e.constraints ?? {})) {
      out.push({ path, message: message.replace(/^property (\S+) should not exist$/, 'unknown field') });
    }
    if (e.children?.length) out.push(...flatten(e.children, path));
  }
  return out;
}

const inner = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => {
    const fieldErrors = flatten(errors).slice(0, 50);
    return new ProblemError(
      'VALIDATION_FAILED',
      fieldErrors
        .map((e) => `${e.path}: ${e.message}`)
        .join('; ')
        .slice(0, 1000),
      { errors: fieldErrors },
    );
  },
});

const PRIMITIVES = new Set<unknown>([String, Number, Boolean, Object, Array]);

/**
 * Global validation: unknown fields rejected, types enforced, and a body that is not a JSON
 * object (an array, a string, null) rejected before class-transformer can make sense of it.
 */
@Injectable()
export class StrictValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata) {
    const dto = metadata.metatype && !PRIMITIVES.has(metadata.metatype);
    if (dto && (metadata.type === 'body' || metadata.type === 'query')) {
      // No body at all is read as {}: required fields then fail validation by name.
      if (value === undefined) value = {};
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new ProblemError('VALIDATION_FAILED', 'The body must be a JSON object', { errors: [{ path: '', message: 'must be an object' }] });
      }
    }
    if (dto && metadata.type === 'query' && Object.keys(value as object).length === 0) return emptyQuery(metadata);
    return inner.transform(value, metadata);
  }
}

/**
 * A list's query without parameters (`GET /v1/plans`, the hottest read) validates the same way
 * every time: validated once per DTO class, then each request gets a copy of that instance.
 * Only instances with plain values are kept (a copy shares nothing with another request).
 */
const emptyQueries = new Map<unknown, object | null>();

async function emptyQuery(metadata: ArgumentMetadata): Promise<unknown> {
  let known = emptyQueries.get(metadata.metatype);
  if (known === undefined) {
    const instance = (await inner.transform({}, metadata)) as object;
    known = Object.values(instance).every((v) => v === null || typeof v !== 'object') ? instance : null;
    emptyQueries.set(metadata.metatype, known);
  }
  if (known === null) return inner.transform({}, metadata);
  return Object.assign(Object.create(Object.getPrototypeOf(known) as object) as object, known);
}

/** Validates a value against a DTO class with the global rules (for bodies whose class depends on a field). */
export async function validateDto<T>(cls: new () => T, value: unknown): Promise<T> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ProblemError('VALIDATION_FAILED', 'The body must be a JSON object', { errors: [{ path: '', message: 'must be an object' }] });
  }
  return inner.transform(value, { type: 'body', metatype: cls }) as Promise<T>;
}
