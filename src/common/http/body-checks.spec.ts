import { checkCharset, checkContentEncoding, checkJsonBody, checkJsonDepth, hasLoneSurrogate, JSON_MAX_DEPTH, jsonNestsDeeperThan } from './body-checks';

const code = (fn: () => void): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('request body checks', () => {
  it('measures JSON nesting in one pass, ignoring brackets inside strings', () => {
    expect(jsonNestsDeeperThan('{"a":[[1]]}', 3)).toBe(false);
    expect(jsonNestsDeeperThan('{"a":[[[1]]]}', 3)).toBe(true);
    expect(jsonNestsDeeperThan(`{"a":"${'['.repeat(500)}"}`, 3)).toBe(false);
    expect(jsonNestsDeeperThan('{"a":"quote \\" then [[[[[["}', 3)).toBe(false);
    expect(code(() => checkJsonDepth(`${'['.repeat(JSON_MAX_DEPTH)}${']'.repeat(JSON_MAX_DEPTH)}`))).toBeUndefined();
    expect(code(() => checkJsonDepth(`${'['.repeat(10_000)}${']'.repeat(10_000)}`))).toBe('MALFORMED_JSON');
  });

  it('finds lone surrogates in values and keys, and accepts pairs', () => {
    expect(hasLoneSurrogate({ a: ['x', { b: 'emoji \ud83d\ude00' }] })).toBe(false);
    expect(hasLoneSurrogate({ a: ['x', { b: 'lone \ud800' }] })).toBe(true);
    expect(hasLoneSurrogate({ ['key \udc00']: 1 })).toBe(true);
    const text = '{"name":"Lone \\ud800"}';
    expect(code(() => checkJsonBody(text, JSON.parse(text)))).toBe('INVALID_ENCODING');
    const pair = '{"name":"Pair \\ud83d\\ude00"}';
    expect(code(() => checkJsonBody(pair, JSON.parse(pair)))).toBeUndefined();
  });

  it('refuses charsets other than UTF-8 and any content coding', () => {
    for (const ok of [undefined, 'application/json', 'application/json; charset=utf-8', 'application/xml;charset="UTF8"'])
      expect(code(() => checkCharset(ok))).toBeUndefined();
    for (const bad of ['application/json; charset=utf-16', 'application/xml; charset=iso-8859-1', 'text/xml; charset="windows-1252"'])
      expect(code(() => checkCharset(bad))).toBe('UNSUPPORTED_MEDIA_TYPE');
    for (const ok of [undefined, '', 'identity']) expect(code(() => checkContentEncoding(ok))).toBeUndefined();
    for (const bad of ['gzip', 'br', 'deflate, gzip', ['gzip']]) expect(code(() => checkContentEncoding(bad))).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
