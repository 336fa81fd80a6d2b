import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ProblemError } from '../src/common/errors/problem';
import { compileRequest } from '../src/provisioning/language/compiler';
import { schemaPath } from '../src/provisioning/language/schemas';
import { readNamespaceDocument } from '../src/provisioning/language/namespace-document';
import { parseXmlSafely } from '../src/provisioning/language/safe-xml';
import { DOCUMENTS_DIR, type NamespaceRegistry } from '../src/provisioning/namespaces/namespace-registry';
import { exampleRequests, EXAMPLES_DIR, shippedRegistry, simpleRequest, trustedRequest } from './helpers/language';
import { xmllint } from './helpers/libxml2';

/**
 * Every XML document the project ships or generates validates with libxml2's own xmllint (the
 * independent validator, compiled to WebAssembly: `xmllint-wasm` from npm), and the structure
 * checks the compiler does in code reject what the XSDs reject.
 */

describe('XSD validation with xmllint (libxml2)', () => {
  let registry: NamespaceRegistry;
  let dir: string;
  const write = (name: string, xml: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, xml);
    return file;
  };

  beforeAll(async () => {
    registry = await shippedRegistry();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-xsd-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the schemas themselves are valid XML Schema', async () => {
    for (const name of ['request', 'namespace'] as const) {
      // A schema that does not compile fails every document; a valid one reports only that the
      // schema document is not an instance of itself.
      const r = await xmllint(name, [schemaPath(name)]);
      expect(r.output).not.toMatch(/failed to compile|Schemas parser error/);
      expect(r.output).toMatch(/fails to validate/);
    }
  });

  it('every shipped namespace document validates against namespace.xsd', async () => {
    const files = fs
      .readdirSync(DOCUMENTS_DIR)
      .filter((f) => f.endsWith('.xml'))
      .map((f) => path.join(DOCUMENTS_DIR, f));
    expect(files.length).toBeGreaterThanOrEqual(4);
    const r = await xmllint('namespace', files);
    expect(r.output).not.toMatch(/fails to validate|error/i);
    expect(r.ok).toBe(true);
  });

  it('every example request in docs/examples validates against request.xsd', async () => {
    const files = exampleRequests().map((e) => path.join(EXAMPLES_DIR, e.file));
    expect(files.length).toBeGreaterThanOrEqual(10);
    const r = await xmllint('request', files);
    expect(r.output).not.toMatch(/fails to validate/);
    expect(r.ok).toBe(true);
  });

  it('the stored form of every compiled example (with the server-written context) validates', async () => {
    const files = exampleRequests().map((e) => {
      const compiled = compileRequest(e.xml, {
        registry,
        context: {
          order: 'ord_01jdx3m5v8k2q9w7e4r6t1y0ab',
          organization: 'org_01jdx3m5v8k2q9w7e4r6t1y0ab',
          actor: 'usr_01jdx3m5v8k2q9w7e4r6t1y0ab',
          onBehalfOf: 'org_01jdx3m5v8k2q9w7e4r6t1y0ac',
          request: 'req_01jdx3m5v8k2q9w7e4r6t1y0ab',
        },
        allowTrusted: true,
      });
      expect(compiled.requestXml).toContain('<context ');
      return write(`stored-${e.file}`, compiled.requestXml);
    });
    const r = await xmllint('request', files);
    expect(r.output).not.toMatch(/fails to validate/);
    expect(r.ok).toBe(true);
  });

  it('the requests the tests generate validate, and so does their stored form', async () => {
    const generated: Record<string, string> = {};
    for (const ns of registry.namespaces().filter((n) => n.kind === 'composite')) {
      for (const p of ns.procedures) generated[`call-${ns.name}-${p.name}`] = simpleRequest(ns.name, p.name, '<order id="o"/>');
    }
    generated['trusted-all-statements'] = trustedRequest(
      '<execute namespace="Directory" procedure="GetUser" id="first" retries="2" timeoutMs="1000"><executeData><user alias="x"/></executeData><before source="data" sourcePath="users/user[1]" destinationPath="a/b" mode="merge"/><after sourcePath="user" destinationPath="seen" mode="replace"/></execute>' +
        '<forEach name="u" root="data" path="users/user" parallel="4"><forEach name="t" root="u" path="tag"><when source="t" equals="x" not="true"><try><execute namespace="DNS" procedure="GetZone"/><catch/></try></when></forEach></forEach>',
      '<users><user alias="ann"><tag>x</tag></user></users>',
      'onFailure="park"',
    );
    const files = Object.entries(generated).map(([name, xml]) => write(`${name.replace(/\W+/g, '-')}.xml`, xml));
    const stored = Object.entries(generated).map(([name, xml]) => {
      let compiled;
      try {
        compiled = compileRequest(xml, { registry, context: { order: 'ord_1', request: 'req_1' }, allowTrusted: true });
      } catch (e) {
        // Calls with incomplete data are refused by the compiler; their submitted form is still checked.
        if (e instanceof ProblemError && e.code === 'REQUEST_DATA_INVALID') return undefined;
        throw e;
      }
      return write(`stored-${name.replace(/\W+/g, '-')}.xml`, compiled.requestXml);
    });
    const r = await xmllint('request', [...files, ...stored.filter((f): f is string => !!f)]);
    expect(r.output).not.toMatch(/fails to validate/);
    expect(r.ok).toBe(true);
  });

  describe('the compiler rejects what request.xsd rejects', () => {
    const invalid: Record<string, string> = {
      'unknown-statement': trustedRequest('<run namespace="DNS" procedure="GetZone"/>'),
      'unknown-attribute': trustedRequest('<execute namespace="DNS" procedure="GetZone" retry="3"/>'),
      'missing-procedure': trustedRequest('<execute namespace="DNS"/>'),
      'bad-mode': trustedRequest('<execute namespace="DNS" procedure="GetZone"><before source="data" mode="append"/></execute>'),
      'before-after-after': trustedRequest('<execute namespace="DNS" procedure="GetZone"><after/><before source="data"/></execute>'),
      'two-executeData': trustedRequest('<execute namespace="DNS" procedure="GetZone"><executeData/><executeData/></execute>'),
      'destination-not-executeData': trustedRequest('<execute namespace="DNS" procedure="GetZone"><before source="data" destination="data"/></execute>'),
      'destination-path-with-predicate': trustedRequest('<execute namespace="DNS" procedure="GetZone"><after destinationPath="a[1]"/></execute>'),
      'text-in-procedure': trustedRequest('hello'),
      'try-without-catch': trustedRequest('<try><execute namespace="DNS" procedure="GetZone"/></try>'),
      'catch-not-last': trustedRequest('<try><catch/><execute namespace="DNS" procedure="GetZone"/></try>'),
      'retries-too-high': trustedRequest('<execute namespace="DNS" procedure="GetZone" retries="21"/>'),
      'timeout-zero': trustedRequest('<execute namespace="DNS" procedure="GetZone" timeoutMs="0"/>'),
      'bad-namespace-name': trustedRequest('<execute namespace=" DNS" procedure="GetZone"/>'),
      'bad-variable': trustedRequest('<forEach name="1u" path="x"/>'),
      'empty-path': trustedRequest('<forEach name="u" path=""/>'),
      'parallel-zero': trustedRequest('<forEach name="u" path="x" parallel="0"/>'),
      'parallel-too-high': trustedRequest('<forEach name="u" path="x" parallel="65"/>'),
      'bad-not': trustedRequest('<when source="data" not="yes"/>'),
      'bad-onFailure': '<request xmlns="urn:provisio:request:1" onFailure="ignore"><call namespace="Hosted DNS" procedure="AddRecords"/></request>',
      'no-body': '<request xmlns="urn:provisio:request:1"><data/></request>',
      'procedure-and-call': '<request xmlns="urn:provisio:request:1"><procedure/><call namespace="A" procedure="B"/></request>',
      'data-after-call': '<request xmlns="urn:provisio:request:1"><call namespace="A" procedure="B"/><data/></request>',
      'call-with-child': '<request xmlns="urn:provisio:request:1"><call namespace="A" procedure="B"><x/></call></request>',
      'wrong-namespace': '<request xmlns="urn:provisio:request:2"><call namespace="A" procedure="B"/></request>',
      'foreign-element': trustedRequest('<x:execute xmlns:x="urn:other" namespace="DNS" procedure="GetZone"/>'),
      'empty-context-value': '<request xmlns="urn:provisio:request:1"><context order=""/><call namespace="A" procedure="B"/></request>',
    };

    it.each(Object.keys(invalid))('%s: xmllint and the compiler both reject it', async (name) => {
      const r = await xmllint('request', [write(`invalid-${name}.xml`, invalid[name])]);
      expect(r.ok).toBe(false);
      let code: string | undefined;
      try {
        compileRequest(invalid[name], { registry, context: {}, allowTrusted: true });
      } catch (e) {
        if (e instanceof ProblemError) code = e.code;
        else throw e;
      }
      expect(code).toBe('XML_SCHEMA_VIOLATION');
    });
  });

  it('the structure reader rejects what namespace.xsd rejects', async () => {
    const bad = {
      'no-procedure': '<namespace xmlns="urn:provisio:namespace:1" name="A" version="1"/>',
      'bad-access': '<namespace xmlns="urn:provisio:namespace:1" name="A" version="1"><procedure name="P" access="internal"/></namespace>',
      'bad-version': '<namespace xmlns="urn:provisio:namespace:1" name="A" version="v1"><procedure name="P" access="public"/></namespace>',
      'duplicate-procedure':
        '<namespace xmlns="urn:provisio:namespace:1" name="A" version="1"><procedure name="P" access="public"/><procedure name="P" access="public"/></namespace>',
      'input-not-first':
        '<namespace xmlns="urn:provisio:namespace:1" name="A" version="1"><procedure name="P" access="public"><execute namespace="DNS" procedure="GetZone"/><input><element path="x"/></input></procedure></namespace>',
      'empty-input': '<namespace xmlns="urn:provisio:namespace:1" name="A" version="1"><procedure name="P" access="public"><input/></procedure></namespace>',
      'bad-attribute-list':
        '<namespace xmlns="urn:provisio:namespace:1" name="A" version="1"><procedure name="P" access="public"><input><element path="x" attributes="a,b"/></input></procedure></namespace>',
      'parallel-not-a-number':
        '<namespace xmlns="urn:provisio:namespace:1" name="A" version="1"><procedure name="P" access="public"><forEach name="u" path="x" parallel="many"/></procedure></namespace>',
      'description-late':
        '<namespace xmlns="urn:provisio:namespace:1" name="A" version="1"><procedure name="P" access="public"/><description>x</description></namespace>',
    };
    for (const [name, xml] of Object.entries(bad)) {
      expect({ name, ok: (await xmllint('namespace', [write(`bad-ns-${name}.xml`, xml)])).ok }).toEqual({ name, ok: false });
      expect(() => readNamespaceDocument(parseXmlSafely(xml))).toThrow(expect.objectContaining({ code: 'XML_SCHEMA_VIOLATION' }));
    }
  });
});
