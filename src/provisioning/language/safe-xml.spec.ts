import { ProblemError } from '../../common/errors/problem';
import { parseXmlSafely, XML_MAX_BYTES } from './safe-xml';

function problemOf(fn: () => unknown): ProblemError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ProblemError) return e;
    throw e;
  }
  throw new Error('expected a ProblemError, nothing was thrown');
}

const rejects = (xml: string | Uint8Array) => problemOf(() => parseXmlSafely(xml));

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<request xmlns="urn:provisio:request:1"><data>&lol9;</data></request>`;

const XXE = `<?xml version="1.0"?>
<!DOCTYPE request [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<request xmlns="urn:provisio:request:1"><data>&xxe;</data></request>`;

describe('parseXmlSafely', () => {
  it('parses a plain UTF-8 document with predefined entities, character references, comments and CDATA', () => {
    const doc = parseXmlSafely(
      '\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<!-- hi --><a x="&lt;&amp;&gt;&quot;&apos;">caf&#233; &#x263A; <![CDATA[<raw>]]></a>',
    );
    const a = doc.documentElement!;
    expect(a.getAttribute('x')).toBe('<&>"\'');
    expect(a.textContent).toBe('café ☺ <raw>');
  });

  it.each([
    ['a billion laughs', BILLION_LAUGHS],
    ['an external entity (XXE)', XXE],
    ['a bare DOCTYPE', '<!DOCTYPE request><request/>'],
    ['a DOCTYPE with an external DTD', '<!DOCTYPE request SYSTEM "http://evil.example/x.dtd"><request/>'],
    ['an external parameter entity', '<!DOCTYPE r [<!ENTITY % p SYSTEM "http://evil.example/p"> %p;]><r/>'],
    ['an entity reference without declaration', '<request>&nbsp;</request>'],
    ['an entity reference in an attribute', '<request a="&ext;"/>'],
    ['a processing instruction', '<request><?php echo 1; ?></request>'],
    ['a stylesheet processing instruction before the root', '<?xml-stylesheet href="http://evil.example/x.xsl"?><request/>'],
    ['an XInclude', '<request xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="file:///etc/passwd"/></request>'],
    ['XML 1.1', '<?xml version="1.1"?><request/>'],
  ])('rejects %s with 400 XML_FORBIDDEN_CONSTRUCT', (_what, xml) => {
    const p = rejects(xml);
    expect(p.code).toBe('XML_FORBIDDEN_CONSTRUCT');
    expect(p.status).toBe(400);
  });

  it('rejects the billion laughs before expanding anything (the doctype event comes first)', () => {
    const p = rejects(BILLION_LAUGHS);
    expect(p.message).toMatch(/DOCTYPE/);
  });

  it('rejects a document over 1 MiB with 413 XML_TOO_LARGE, as text or as bytes', () => {
    const big = `<request>${'x'.repeat(2 * 1024 * 1024)}</request>`;
    expect(rejects(big)).toMatchObject({ code: 'XML_TOO_LARGE', status: 413 });
    expect(rejects(Buffer.from(big))).toMatchObject({ code: 'XML_TOO_LARGE', status: 413 });
    // Multi-byte characters count as bytes, not as UTF-16 units.
    const euros = `<r>${'€'.repeat(Math.ceil(XML_MAX_BYTES / 3) + 10)}</r>`;
    expect(euros.length).toBeLessThan(XML_MAX_BYTES);
    expect(rejects(euros).code).toBe('XML_TOO_LARGE');
  });

  it('accepts a document of exactly the limit', () => {
    const filler = XML_MAX_BYTES - '<r></r>'.length;
    expect(() => parseXmlSafely(`<r>${'x'.repeat(filler)}</r>`)).not.toThrow();
  });

  it('rejects nesting deeper than 64 with 422 XML_TOO_DEEP, and accepts 64', () => {
    const nest = (n: number) => '<a>'.repeat(n) + '</a>'.repeat(n);
    expect(() => parseXmlSafely(nest(64))).not.toThrow();
    expect(rejects(nest(65))).toMatchObject({ code: 'XML_TOO_DEEP', status: 422 });
    expect(rejects(nest(100))).toMatchObject({ code: 'XML_TOO_DEEP', status: 422 });
    // Depth is checked as the scan goes: an unclosed 100-deep document is "too deep", not "malformed".
    expect(rejects('<a>'.repeat(100)).code).toBe('XML_TOO_DEEP');
  });

  it('rejects a document that is not well-formed with 400 XML_MALFORMED and where', () => {
    const p = rejects('<request>\n  <data>\n    <x></y>\n  </data>\n</request>');
    expect(p).toMatchObject({ code: 'XML_MALFORMED', status: 400 });
    expect(p.extra).toMatchObject({ line: 3 });
    expect(p.message).toMatch(/line 3/);
  });

  it.each([
    ['an empty body', ''],
    ['text only', 'hello'],
    ['two roots', '<a/><b/>'],
    ['an unclosed tag', '<a><b></a>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['a duplicate attribute', '<a x="1" x="2"/>'],
    ['an unbound prefix', '<p:a/>'],
    ['a bad character reference', '<a>&#0;</a>'],
  ])('rejects %s as XML_MALFORMED', (_what, xml) => {
    expect(rejects(xml).code).toBe('XML_MALFORMED');
  });

  it('rejects bytes that are not UTF-8 and a declared encoding other than UTF-8', () => {
    expect(rejects(Buffer.from([0x3c, 0x61, 0x3e, 0xc3, 0x28, 0x3c, 0x2f, 0x61, 0x3e])).code).toBe('INVALID_ENCODING');
    expect(rejects('<?xml version="1.0" encoding="ISO-8859-1"?><a/>').code).toBe('INVALID_ENCODING');
    expect(rejects('<?xml version="1.0" encoding="UTF-16"?><a/>').code).toBe('INVALID_ENCODING');
  });

  it('accepts one byte-order mark and rejects a second', () => {
    expect(parseXmlSafely('\ufeff<a/>').documentElement!.nodeName).toBe('a');
    expect(rejects('\ufeff\ufeff<a/>').code).toBe('XML_MALFORMED');
  });

  it('caps the attributes of one element at 256 (422 XML_TOO_MANY_ATTRIBUTES), before building anything', () => {
    const attrs = (n: number) => Array.from({ length: n }, (_, i) => `a${i}="1"`).join(' ');
    expect(parseXmlSafely(`<a ${attrs(256)}/>`).documentElement!.attributes.length).toBe(256);
    expect(rejects(`<a ${attrs(60_000)}/>`).code).toBe('XML_TOO_MANY_ATTRIBUTES');
  });
});
