import { applyDecorators } from '@nestjs/common';
import { IsISO8601, IsString, Matches } from 'class-validator';

/**
 * ISO 8601 calendar dates and date-times only: the forms PostgreSQL reads as `timestamptz`
 * exactly as written. Week dates (`2026-W01-1`) and ordinal dates (`2026-001`) are valid ISO 8601
 * but not timestamps PostgreSQL accepts, and a day 30 of February is no date at all.
 */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

export function IsTimestamp() {
  return applyDecorators(
    IsString(),
    Matches(TIMESTAMP, { message: '$property must be an ISO 8601 date or date-time such as 2026-11-01T00:00:00Z' }),
    IsISO8601({ strict: true }, { message: '$property must be a real date (ISO 8601)' }),
  );
}
