import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { schemaText } from '../../src/provisioning/language/schemas';

/**
 * libxml2's own XSD validation (xmllint compiled to WebAssembly, from npm), so the independent
 * cross-check of every shipped and generated XML document needs nothing beyond `npm install`.
 * It never skips: a validator that cannot run fails the test that asked for it.
 */
export interface XmllintResult {
  ok: boolean;
  /** xmllint's own report (one line per error, like the command-line tool's). */
  output: string;
}

export interface XmlSource {
  /** Shown in error lines; a path is reduced to its base name. */
  file: string;
  xml: string;
}

/** Validates documents (paths or in-memory sources) against request.xsd or namespace.xsd. */
export async function xmllint(schema: 'request' | 'namespace', docs: (string | XmlSource)[]): Promise<XmllintResult> {
  if (!docs.length) throw new Error('xmllint: no documents to validate');
  const xml = docs.map((d, i) => {
    const src = typeof d === 'string' ? { file: path.basename(d), xml: fs.readFileSync(d, 'utf8') } : d;
    // File names become xmllint arguments in its in-memory file system: keep them plain.
    return { fileName: `${i}-${src.file.replace(/[^\w.-]+/g, '_')}`, contents: src.xml };
  });
  const result = await validateXML({ xml, schema: [{ fileName: `${schema}.xsd`, contents: schemaText(schema) }], maxMemoryPages: 4096 });
  return { ok: result.valid, output: result.rawOutput };
}

/** Throws with xmllint's report unless every document validates. */
export async function expectValidXml(schema: 'request' | 'namespace', docs: (string | XmlSource)[]): Promise<void> {
  const r = await xmllint(schema, docs);
  if (!r.ok) throw new Error(`libxml2 rejected ${docs.length === 1 ? 'the document' : 'a document'} (${schema}.xsd):\n${r.output}`);
}
