import * as fs from 'node:fs';
import * as path from 'node:path';
import { enc } from './helpers';
import { PATH_TRAVERSAL, SQL_INJECTION } from './hostile-values';
import type { CaseGroup, CorpusCase } from './types';

/**
 * POST /v1/provisioning/requests (raw XML, hoster admins, trusted bodies allowed): every payload
 * file in `test/corpus/xml/` (its expected status listed below, so a new file without a line
 * fails), plus generated documents for sizes, depths, expansions and encodings.
 */
const XML_DIR = path.join(__dirname, 'xml');
const URL = '/v1/provisioning/requests';

/** File → expected status (and code where it is the point of the case). */
const FILE_EXPECT: Record<string, { status: number | '4xx'; code?: string }> = {
  'billion-laughs.xml': { status: 400, code: 'XML_FORBIDDEN_CONSTRUCT' },
  'quadratic-blowup.xml': { status: 400, code: 'XML_FORBIDDEN_CONSTRUCT' },
  'xxe-file.xml': { status: 400, code: 'XML_FORBIDDEN_CONSTRUCT' },
  'xxe-http.xml': { status: 400, code: 'XML_FORBIDDEN_CONSTRUCT' },
  'xxe-parameter-entity.xml': { status: 400, code: 'XML_FORBIDDEN_CONSTRUCT' },
  'external-dtd.xml': { status: 400, code: 'XML_FORBIDDEN_CONSTRUCT' },
  'doctype-no-subset.xml': { status: 400, code: 'XML_FORBIDDEN_CONSTRUCT' },
  'internal-entity.xml': { status: 400, code: 'XML_FORBIDDEN_CONSTRUCT' },
  'undefined-entity.xml': { status: 400, code: 'XML_FORBIDDEN_CONSTRUCT' },
  'processing-instruction.xml': { status: 400, code: 'XML_FORBIDDEN_CONSTRUCT' },
  'processing-instruction-php.xml': { status: 400, code: 'XML_FORBIDDEN_CONSTRUCT' },
  'xinclude.xml': { status: 400, code: 'XML_FORBIDDEN_CONSTRUCT' },
  'cdata-markup-in-procedure.xml': { status: '4xx' },
  'cdata-split-terminator.xml': { status: '4xx' },
  'cdata-unterminated.xml': { status: 400, code: 'XML_MALFORMED' },
  'cdata-in-attribute-position.xml': { status: 400, code: 'XML_MALFORMED' },
  'client-context.xml': { status: '4xx', code: 'REQUEST_CONTEXT_FORBIDDEN' },
  'xml-1.1.xml': { status: 400 },
  'declared-latin1.xml': { status: 400, code: 'INVALID_ENCODING' },
  'unknown-namespace-sql.xml': { status: '4xx' },
  'unknown-procedure-traversal.xml': { status: '4xx' },
  'leaf-procedure-as-call.xml': { status: '4xx' },
  'wrong-root.xml': { status: '4xx' },
  'wrong-namespace.xml': { status: '4xx' },
  'bad-onfailure.xml': { status: '4xx' },
  'two-roots.xml': { status: 400, code: 'XML_MALFORMED' },
  'trailing-garbage.xml': { status: 400, code: 'XML_MALFORMED' },
  'truncated.xml': { status: 400, code: 'XML_MALFORMED' },
  'mismatched-tags.xml': { status: 400, code: 'XML_MALFORMED' },
  'duplicate-attribute.xml': { status: 400, code: 'XML_MALFORMED' },
  'nul-char-reference.xml': { status: 400, code: 'XML_MALFORMED' },
  'escape-char-reference.xml': { status: 400, code: 'XML_MALFORMED' },
  'surrogate-char-reference.xml': { status: 400, code: 'XML_MALFORMED' },
  'xpath-document-function.xml': { status: '4xx' },
  'xpath-unknown-function.xml': { status: '4xx' },
  'xpath-variable.xml': { status: '4xx' },
  'xpath-string-result.xml': { status: '4xx' },
  'unknown-source.xml': { status: '4xx' },
  'retries-enormous.xml': { status: '4xx' },
  'data-missing-fields.xml': { status: '4xx' },
  'not-xml.json': { status: 400, code: 'XML_MALFORMED' },
};

/** A document that compiles: the query-parameter cases must be stopped by the parameter alone. */
export const VALID_CALL = `<request xmlns="urn:provisio:request:1">
  <data><order id="ord_01jdx4a0000000000000000004"/><zone name="corpus-valid.example"><record name="www" type="A" value="203.0.113.10" ttl="300"/></zone></data>
  <call namespace="Hosted DNS" procedure="AddRecords"/>
</request>`;

function xml(name: string, raw: string | Buffer, expect: CorpusCase['expect'], extra: Partial<CorpusCase> = {}): CorpusCase {
  return { name: `xml request: ${name}`, method: 'POST', url: URL, token: 'hosterAdmin', raw, contentType: 'application/xml', expect, ...extra };
}

export function corpusXmlFiles(): string[] {
  return fs.readdirSync(XML_DIR).sort();
}

export const xmlRequestCases: CaseGroup = () => {
  const cases: CorpusCase[] = [];
  for (const file of corpusXmlFiles()) {
    const e = FILE_EXPECT[file];
    if (!e) throw new Error(`test/corpus/xml/${file} has no expected status in xml-requests.ts`);
    cases.push(xml(`file ${file}`, fs.readFileSync(path.join(XML_DIR, file)), e.status, e.code ? { code: e.code } : {}));
  }

  // Sizes, depths, expansions
  const deep = (n: number) =>
    `<request xmlns="urn:provisio:request:1"><data>${'<x>'.repeat(n)}${'</x>'.repeat(n)}</data><call namespace="Hosted DNS" procedure="AddRecords"/></request>`;
  cases.push(xml('elements nested 65 deep', deep(65), 422, { code: 'XML_TOO_DEEP' }));
  cases.push(xml('elements nested 10,000 deep', deep(10_000), 422, { code: 'XML_TOO_DEEP' }));
  cases.push(xml('elements nested 100,000 deep, unclosed', `<request xmlns="urn:provisio:request:1"><data>${'<x>'.repeat(100_000)}`, '4xx'));
  cases.push(xml('a 5 MB document', `<request xmlns="urn:provisio:request:1"><data>${'<x/>'.repeat(1_300_000)}</data></request>`, 413));
  cases.push(xml('a 1 MiB + 1 byte document', `<request xmlns="urn:provisio:request:1"><data>${' '.repeat(1024 * 1024)}</data></request>`, 413));
  cases.push(
    xml(
      'an attribute of 900 KB',
      `<request xmlns="urn:provisio:request:1"><data><zone name="${'z'.repeat(900_000)}"/></data><call namespace="Hosted DNS" procedure="AddRecords"/></request>`,
      '4xx',
    ),
  );
  // At most 256 attributes per element: a 1 MiB body could otherwise carry ~90,000 on one element.
  cases.push(
    xml(
      '60,000 attributes on one element',
      `<request xmlns="urn:provisio:request:1"><data><zone ${Array.from({ length: 60_000 }, (_, i) => `a${i}="1"`).join(' ')}/></data><call namespace="Hosted DNS" procedure="AddRecords"/></request>`,
      422,
      { code: 'XML_TOO_MANY_ATTRIBUTES' },
    ),
  );
  cases.push(
    xml(
      '250,000 empty elements in the data (just under 1 MiB)',
      `<request xmlns="urn:provisio:request:1"><data>${'<x/>'.repeat(250_000)}</data><call namespace="Hosted DNS" procedure="AddRecords"/></request>`,
      '4xx',
    ),
  );
  const users = Array.from({ length: 20_000 }, (_, i) => `<user alias="u${i}"/>`).join('');
  cases.push(
    xml(
      'a forEach over 20,000 users (past the step limit)',
      `<request xmlns="urn:provisio:request:1"><data><organization id="org_01jdx4a0000000000000000001" domain="many.example"/><users>${users}</users></data><procedure><forEach name="u" root="data" path="users/user"><execute namespace="Directory" procedure="CreateUser"><before source="u" mode="insert"/></execute></forEach></procedure></request>`,
      422,
      { code: 'REQUEST_TOO_MANY_STEPS' },
    ),
  );
  const nestedLoops = `<request xmlns="urn:provisio:request:1"><data><a>${'<b/>'.repeat(400)}</a></data><procedure><forEach name="x" root="data" path="a/b"><forEach name="y" root="data" path="a/b"><execute namespace="Directory" procedure="GetUser"><before source="y" mode="insert"/></execute></forEach></forEach></procedure></request>`;
  cases.push(xml('nested forEach 400 x 400 (160,000 steps)', nestedLoops, 422, { code: 'REQUEST_TOO_MANY_STEPS' }));

  // Encodings
  const utf8Doc = Buffer.from(VALID_CALL, 'utf8');
  cases.push(xml('UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(VALID_CALL, 'utf16le')]), 400));
  cases.push(
    xml(
      'UTF-16BE with BOM and declaration',
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(`<?xml version="1.0" encoding="UTF-16"?>${VALID_CALL}`, 'utf16le').swap16()]),
      400,
    ),
  );
  cases.push(xml('overlong "<" (C0 BC)', Buffer.concat([Buffer.from([0xc0, 0xbc]), utf8Doc]), 400, { code: 'INVALID_ENCODING' }));
  const [head, tail] = VALID_CALL.split('corpus-valid');
  cases.push(
    xml('encoded lone surrogate (ED BA AD) in an attribute', Buffer.concat([Buffer.from(head), Buffer.from([0xed, 0xba, 0xad]), Buffer.from(tail)]), 400, {
      code: 'INVALID_ENCODING',
    }),
  );
  cases.push(xml('truncated UTF-8 sequence at the end', Buffer.concat([utf8Doc, Buffer.from([0xe2, 0x82])]), 400, { code: 'INVALID_ENCODING' }));
  cases.push(xml('two byte-order marks', `\ufeff\ufeff${VALID_CALL}`, 400, { code: 'XML_MALFORMED' }));
  cases.push(xml('raw control byte 0x01 in an attribute', VALID_CALL.replace('corpus-valid', 'corpus\u0001valid'), 400, { code: 'XML_MALFORMED' }));
  cases.push(xml('empty body', '', '4xx'));
  cases.push(xml('only an XML declaration', '<?xml version="1.0"?>', 400));
  cases.push(xml('text, no element', 'hello', 400));

  // Content types: a document that would compile, so the type alone must stop it.
  cases.push(xml('valid document sent as application/json', VALID_CALL, 400, { contentType: 'application/json', code: 'MALFORMED_JSON' }));
  for (const type of [
    'text/plain',
    'application/x-www-form-urlencoded',
    'application/soap+xml',
    'application/xml; charset=iso-8859-1',
    'application/xml; charset=utf-16',
    'text/xml; charset="windows-1252"',
  ]) {
    cases.push(xml(`valid document sent as ${type}`, VALID_CALL, 415, { contentType: type }));
  }
  cases.push(xml('valid document without a content type', VALID_CALL, 415, { contentType: null }));
  cases.push(xml('valid document claiming Content-Encoding gzip', VALID_CALL, 415, { headers: { 'content-encoding': 'gzip' } }));
  cases.push({ name: 'xml request: a JSON body', method: 'POST', url: URL, token: 'hosterAdmin', json: { xml: VALID_CALL }, expect: 415 });

  // Query parameters: a document that would compile, so the parameter alone must stop it.
  for (const [label, query, expect] of [
    ['organization with SQL', `organization=${enc(SQL_INJECTION.tautology)}`, 400],
    ['organization with traversal', `organization=${enc(PATH_TRAVERSAL.dotdot)}`, 400],
    ['organization that does not exist', 'organization=org_00000000000000000000000000', 404],
    ['priority negative', 'priority=-1', 400],
    ['priority 1001', 'priority=1001', 400],
    ['priority 1e309', 'priority=1e309', 400],
    ['priority fractional', 'priority=0.5', 400],
    ['serializationKey with a space', 'serializationKey=org%3A%20x', 400],
    ['serializationKey with NUL', 'serializationKey=org%00x', 400],
    ['serializationKey of 201 characters', `serializationKey=${'k'.repeat(201)}`, 400],
    ['unknown parameter', 'allowTrusted=true', 400],
  ] as const) {
    cases.push(xml(`?${label}`, VALID_CALL, expect, { url: `${URL}?${query}` }));
  }
  cases.push(
    xml('a trusted body from a non-admin (hoster csr)', fs.readFileSync(path.join(XML_DIR, 'xpath-unknown-function.xml')), 403, { token: 'hosterCsr' }),
  );
  cases.push(xml('a valid call by a customer admin', VALID_CALL, 403, { token: 'c1Admin' }));
  return cases;
};
