import type { CaseGroup, CorpusCase, CorpusContext } from './types';

/**
 * Bodies that are not JSON, or not the JSON a route reads: malformed syntax, BOMs, encodings,
 * wrong content types, empty bodies, sizes and depths. Aimed at several JSON routes, each time
 * with a token that could otherwise perform the change.
 */

const ORG_OK = '{"kind":"customer","name":"Syntax Probe"}';

/** Routes that take a JSON body, with a token allowed to use them and a harmless valid body. */
function jsonRoutes(ctx: CorpusContext) {
  return [
    { route: 'POST /v1/organizations', method: 'POST' as const, url: '/v1/organizations', token: 'hosterAdmin' as const, ok: ORG_OK },
    {
      route: 'PATCH /v1/organizations/{id}',
      method: 'PATCH' as const,
      url: `/v1/organizations/${ctx.orgs.c1}`,
      token: 'c1Admin' as const,
      ok: '{"name":"Syntax Probe"}',
    },
    {
      route: 'POST /v1/orders',
      method: 'POST' as const,
      url: '/v1/orders',
      token: 'contosoAdmin' as const,
      ok: `{"type":"add_users","organizationId":"${ctx.orgs.contoso}","users":[{"alias":"probe","displayName":"Probe","userPlan":"standard-mailbox"}]}`,
    },
    { route: 'PUT /v1/lab/faults', method: 'PUT' as const, url: '/v1/lab/faults', token: 'hosterAdmin' as const, ok: '{"latencyMs":5}' },
    {
      route: 'POST /v1/plans',
      method: 'POST' as const,
      url: '/v1/plans',
      token: 'hosterAdmin' as const,
      ok: '{"kind":"user","name":"syntax-probe","displayName":"Probe","services":["directory"]}',
    },
  ];
}

/** Deeply nested JSON without recursion in the generator. */
function nested(depth: number, open: string, close: string, inner: string): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

export const jsonSyntaxCases: CaseGroup = (ctx) => {
  const cases: CorpusCase[] = [];
  const malformed: [string, string | Buffer][] = [
    ['truncated object', '{"kind":"customer","name":"Tru'],
    ['truncated after comma', '{"kind":"customer",'],
    ['only an opening brace', '{'],
    ['trailing garbage after the object', `${ORG_OK} xyz`],
    ['two objects back to back', `${ORG_OK}${ORG_OK}`],
    ['line comment before the object', `// hello\n${ORG_OK}`],
    ['block comment inside the object', '{"kind":"customer", /* c */ "name":"Commented"}'],
    ['trailing comma', '{"kind":"customer","name":"Trailing",}'],
    ['single-quoted strings', "{'kind':'customer','name':'Single'}"],
    ['unquoted keys', '{kind:"customer",name:"Unquoted"}'],
    ['NaN value', '{"kind":"customer","name":NaN}'],
    ['Infinity value', '{"kind":"customer","name":Infinity}'],
    ['hex number', '{"kind":"customer","name":"x","parentId":0x1F}'],
    ['raw newline inside a string', '{"kind":"customer","name":"New\nLine"}'],
    ['raw NUL byte inside a string', Buffer.from('{"kind":"customer","name":"Nul\u0000Byte"}', 'utf8')],
    ['invalid escape', '{"kind":"customer","name":"Bad \\x41 escape"}'],
    ['lone high surrogate escape', '{"kind":"customer","name":"Lone \\ud800 surrogate"}'],
    ['lone low surrogate escape', '{"kind":"customer","name":"Lone \\udc00 low"}'],
    ['empty body', ''],
    ['whitespace-only body', ' \n\t '],
    ['JSON null', 'null'],
    ['JSON array', `[${ORG_OK}]`],
    ['JSON string', '"customer"'],
    ['JSON number', '42'],
    ['JSON true', 'true'],
    ['two BOMs before the object', `\ufeff\ufeff${ORG_OK}`],
    ['BOM with a hostile name', '\ufeff{"kind":"customer","name":"Bom\\u0000Name"}'],
    ['__proto__ key (prototype poisoning)', '{"kind":"customer","name":"Proto","__proto__":{"isAdmin":true}}'],
    ['constructor.prototype key', '{"kind":"customer","name":"Ctor","constructor":{"prototype":{"isAdmin":true}}}'],
    ['duplicate key, last one hostile', '{"kind":"customer","name":"Fine","name":"Bad\\u0007Bell"}'],
    ['duplicate key, kind flips to an unknown kind', '{"kind":"customer","name":"Dup Kind","kind":"hoster"}'],
  ];
  for (const [name, raw] of malformed) {
    cases.push({
      name: `json syntax: ${name}`,
      method: 'POST',
      url: '/v1/organizations',
      token: 'hosterAdmin',
      raw,
      contentType: 'application/json',
      expect: 400,
    });
  }

  // Invalid UTF-8 and other encodings, on every JSON route (the parser is shared, the routes are not).
  const encodings: [string, Buffer, number][] = [
    ['overlong "/" (C0 AF)', Buffer.concat([Buffer.from('{"kind":"customer","name":"Over'), Buffer.from([0xc0, 0xaf]), Buffer.from('long"}')]), 400],
    ['overlong NUL (C0 80)', Buffer.concat([Buffer.from('{"kind":"customer","name":"Nul'), Buffer.from([0xc0, 0x80]), Buffer.from('"}')]), 400],
    ['3-byte overlong (E0 80 AF)', Buffer.concat([Buffer.from('{"kind":"customer","name":"Over'), Buffer.from([0xe0, 0x80, 0xaf]), Buffer.from('"}')]), 400],
    [
      'encoded lone surrogate (ED A0 80)',
      Buffer.concat([Buffer.from('{"kind":"customer","name":"Surr'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]),
      400,
    ],
    ['truncated 3-byte sequence (E2 82)', Buffer.concat([Buffer.from('{"kind":"customer","name":"Euro'), Buffer.from([0xe2, 0x82]), Buffer.from('"}')]), 400],
    ['byte FF', Buffer.concat([Buffer.from('{"kind":"customer","name":"FF'), Buffer.from([0xff]), Buffer.from('"}')]), 400],
    [
      'code point above U+10FFFF (F4 90 80 80)',
      Buffer.concat([Buffer.from('{"kind":"customer","name":"Big'), Buffer.from([0xf4, 0x90, 0x80, 0x80]), Buffer.from('"}')]),
      400,
    ],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ORG_OK, 'utf16le')]), 400],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(ORG_OK, 'utf16le').swap16()]), 400],
    ['UTF-16LE without BOM', Buffer.from(ORG_OK, 'utf16le'), 400],
  ];
  for (const r of jsonRoutes(ctx)) {
    for (const [name, raw, status] of encodings) {
      cases.push({
        name: `encoding: ${name} on ${r.route}`,
        method: r.method,
        url: r.url,
        token: r.token,
        raw,
        contentType: 'application/json',
        expect: status,
      });
    }
  }

  // Content types and sizes, on every JSON route.
  for (const r of jsonRoutes(ctx)) {
    cases.push({
      name: `content type: valid body as text/plain on ${r.route}`,
      method: r.method,
      url: r.url,
      token: r.token,
      raw: r.ok,
      contentType: 'text/plain',
      expect: 415,
    });
    cases.push({
      name: `content type: valid body as application/json; charset=iso-8859-1 on ${r.route}`,
      method: r.method,
      url: r.url,
      token: r.token,
      raw: r.ok,
      contentType: 'application/json; charset=iso-8859-1',
      expect: 415,
    });
    cases.push({
      name: `content type: valid body claiming Content-Encoding gzip on ${r.route}`,
      method: r.method,
      url: r.url,
      token: r.token,
      raw: r.ok,
      contentType: 'application/json',
      headers: { 'content-encoding': 'gzip' },
      expect: 415,
    });
    cases.push({
      name: `content type: valid body as application/xml on ${r.route}`,
      method: r.method,
      url: r.url,
      token: r.token,
      raw: r.ok,
      contentType: 'application/xml',
      expect: 400,
    });
    cases.push({
      name: `content type: form-urlencoded on ${r.route}`,
      method: r.method,
      url: r.url,
      token: r.token,
      raw: 'kind=customer&name=Form',
      contentType: 'application/x-www-form-urlencoded',
      expect: 415,
    });
    cases.push({
      name: `content type: multipart on ${r.route}`,
      method: r.method,
      url: r.url,
      token: r.token,
      raw: '--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nX\r\n--b--\r\n',
      contentType: 'multipart/form-data; boundary=b',
      expect: 415,
    });
    cases.push({
      name: `content type: none with a body on ${r.route}`,
      method: r.method,
      url: r.url,
      token: r.token,
      raw: r.ok,
      contentType: null,
      expect: 415,
    });
    cases.push({
      name: `content type: json with charset=utf-16 on ${r.route}`,
      method: r.method,
      url: r.url,
      token: r.token,
      raw: Buffer.from(r.ok, 'utf16le'),
      contentType: 'application/json; charset=utf-16',
      expect: 415,
    });
    cases.push({
      name: `size: 5 MB body on ${r.route}`,
      method: r.method,
      url: r.url,
      token: r.token,
      raw: `{"name":"${'x'.repeat(5 * 1024 * 1024)}"}`,
      contentType: 'application/json',
      expect: 413,
    });
    cases.push({
      name: `depth: 10,000 nested arrays on ${r.route}`,
      method: r.method,
      url: r.url,
      token: r.token,
      raw: `{"name":${nested(10_000, '[', ']', '1')}}`,
      contentType: 'application/json',
      expect: 400,
    });
    cases.push({
      name: `depth: 65 nested arrays (one past the limit) on ${r.route}`,
      method: r.method,
      url: r.url,
      token: r.token,
      raw: `{"name":${nested(65, '[', ']', '"x"')}}`,
      contentType: 'application/json',
      expect: 400,
    });
    cases.push({
      name: `depth: 10,000 nested objects in an unknown field on ${r.route}`,
      method: r.method,
      url: r.url,
      token: r.token,
      raw: `{"x":${nested(10_000, '{"a":', '}', '1')}}`,
      contentType: 'application/json',
      expect: 400,
    });
  }
  return cases;
};
