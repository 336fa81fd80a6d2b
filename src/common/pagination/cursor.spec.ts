import { decodeCursor, encodeCursor } from './cursor';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('cursors', () => {
  it('round-trips the keys we issue', () => {
    const at = new Date('2026-11-25T08:50:17.506Z').toISOString();
    expect(decodeCursor(encodeCursor([at, 'ord_01m88yc1wbpz7r3ffg4b9kt2kj']), ['time', 'id'])).toEqual([at, 'ord_01m88yc1wbpz7r3ffg4b9kt2kj']);
    expect(decodeCursor(encodeCursor([42]), ['int'])).toEqual([42]);
    expect(decodeCursor(encodeCursor([42]), 1)).toEqual([42]);
    expect(decodeCursor(undefined, ['id'])).toBeUndefined();
  });

  it.each([
    ['not base64url JSON', '!!!', ['id']],
    ['wrong arity', encodeCursor(['org_01m88yc1wbpz7r3ffg4b9kt2kj', 1]), ['id']],
    ['a string where an int belongs', b64('["abc"]'), ['int']],
    ['Infinity', b64('[1e309]'), ['int']],
    ['past 2^53', b64('[92233720368547758070]'), ['int']],
    ['negative', b64('[-1]'), 1],
    ['a fraction', b64('[1.5]'), 1],
    ['null', b64('[null]'), 1],
    ['SQL in an id', b64(`["' OR '1'='1"]`), ['id']],
    ['SQL without kinds', b64(`["' OR '1'='1"]`), 1],
    ['a date that is not one', b64('["2026-13-45T99:00:00Z","ord_01m88yc1wbpz7r3ffg4b9kt2kj"]'), ['time', 'id']],
    ['a date not in our format', b64('["2026-01-01","ord_01m88yc1wbpz7r3ffg4b9kt2kj"]'), ['time', 'id']],
  ] as const)('refuses a cursor with %s', (_what, cursor, shape) => {
    expect(code(() => decodeCursor(cursor, shape as any))).toBe('INVALID_CURSOR');
  });
});
