import { ValidateIf } from 'class-validator';

/**
 * Optional, but never null: the field may be left out, and when it is sent it must pass the
 * other rules. (`@IsOptional()` also lets `null` through, which for a PATCH of a field that
 * cannot be empty would write nothing sensible.)
 */
export function IsOmittable() {
  return ValidateIf((_object, value) => value !== undefined);
}
