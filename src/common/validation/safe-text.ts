import { applyDecorators } from '@nestjs/common';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

/** Printable text: no control characters, not blank, bounded. For names and titles. */
export function IsSafeText(max = 200) {
  return applyDecorators(
    IsString(),
    IsNotEmpty(),
    MaxLength(max),
    Matches(/^(?!\s*$)[^\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/u, {
      message: '$property must be printable text without control or bidi-override characters',
    }),
  );
}

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,62}[a-z0-9]$/;
