import { Injectable, type PipeTransform } from '@nestjs/common';
import { ProblemError } from '../errors/problem';
import { ID_PATTERN } from '../ids';

/**
 * Path ids are our prefixed ULIDs. Anything else cannot exist, so it answers 404 like a missing
 * id would (no difference between "malformed" and "not yours").
 */
@Injectable()
export class IdParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !ID_PATTERN.test(value)) throw new ProblemError('NOT_FOUND', 'No such resource');
    return value;
  }
}
