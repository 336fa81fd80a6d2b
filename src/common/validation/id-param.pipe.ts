import { Injectable, type PipeTransform } from '@nestjs/common';
import { ProblemError } from '../errors/problem';

const ID = /^[a-z]{2,5}_[0-9a-z]{26}$/;

/**
 * Path ids are our prefixed ULIDs. Anything else cannot exist, so it answers 404 like a missing
 * id would (no difference between "malformed" and "not yours").
 */
@Injectable()
export class IdParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !ID.test(value)) throw new ProblemError('NOT_FOUND', 'No such resource');
    return value;
  }
}
