import type { InputElement, Statement } from './ast';
import {
  A,
  ATTRIBUTE_LIST,
  childPaths,
  DESTINATION_PATH,
  length,
  NAMESPACE_NS,
  oneOf,
  parseBoolean,
  pattern,
  readBody,
  StructureReader,
  VERSION,
} from './statements';
import { localNameOf, type XDocument, type XElement } from './xml-dom';

/** Reading a namespace document (schemas/namespace.xsd) into its structure; statements.ts reads the bodies. */

export interface ProcedureDocument {
  name: string;
  access: 'public' | 'private';
  summary?: string;
  input: InputElement[];
  body: Statement[];
}

export interface NamespaceDocument {
  name: string;
  version: string;
  description?: string;
  procedures: ProcedureDocument[];
}

/** A procedure's `input` element: the elements its data must hold. */
function readInput(r: StructureReader, inputEl: XElement, where: string): InputElement[] {
  const input: InputElement[] = [];
  const inputWhere = `${where}/input`;
  r.attributes(inputEl, inputWhere, {});
  const elements = r.children(inputEl, inputWhere);
  if (!elements.length) r.fail(inputWhere, inputEl, 'input needs at least one element');
  elements.forEach((e, j) => {
    const ew = `${inputWhere}/element[${j + 1}]`;
    if (localNameOf(e) !== 'element') return r.fail(ew, e, `unexpected element ${localNameOf(e)} in input`);
    const ea = r.attributes(e, ew, {
      path: { required: true, check: pattern(DESTINATION_PATH, 256, 'path') },
      attributes: { check: pattern(ATTRIBUTE_LIST, 4000, 'attribute list') },
      optional: A.boolean,
      summary: { check: length(0, 4000) },
    });
    r.children(e, ew).forEach((x) => r.fail(ew, x, 'element must be empty'));
    input.push({
      path: ea.path ?? '',
      attributes: (ea.attributes ?? '').split(' ').filter(Boolean),
      optional: parseBoolean(ea.optional),
      ...(ea.summary !== undefined && { summary: ea.summary }),
    });
  });
  return input;
}

export function readNamespaceDocument(doc: XDocument): NamespaceDocument {
  const r = new StructureReader(NAMESPACE_NS);
  const root = doc.documentElement!;
  if (localNameOf(root) !== 'namespace' || root.namespaceURI !== NAMESPACE_NS) {
    r.fail(`/${root.nodeName}`, root, `the root element must be namespace in namespace ${NAMESPACE_NS}`);
    r.throwIfErrors('namespace document');
  }
  const a = r.attributes(root, '/namespace', { name: A.namespaceName, version: { required: true, check: pattern(VERSION, 32, 'version') } });
  const out: NamespaceDocument = { name: a.name ?? '', version: a.version ?? '', procedures: [] };
  const children = r.children(root, '/namespace');
  const paths = childPaths('/namespace', children);
  const seen = new Set<string>();
  children.forEach((c, i) => {
    const name = localNameOf(c);
    if (name === 'description') {
      if (i !== 0) r.fail(paths[i], c, 'description must come first');
      r.attributes(c, paths[i], {});
      out.description = (c.textContent ?? '').trim().replace(/\s+/g, ' ');
      return;
    }
    if (name !== 'procedure') return r.fail(paths[i], c, `unexpected element ${name} in namespace (expected description?, procedure+)`);
    const where = `/namespace/procedure[@name='${c.getAttribute('name') ?? ''}']`;
    const pa = r.attributes(c, where, {
      name: A.procedureName,
      access: { required: true, check: oneOf('public', 'private') },
      summary: { check: length(0, 4000) },
    });
    if (pa.name && seen.has(pa.name)) r.fail(where, c, `procedure ${pa.name} is defined twice`);
    if (pa.name) seen.add(pa.name);
    const content = r.children(c, where);
    const hasInput = !!content[0] && localNameOf(content[0]) === 'input';
    const input = hasInput ? readInput(r, content[0], where) : [];
    const statements = hasInput ? content.slice(1) : content;
    statements.filter((s) => localNameOf(s) === 'input').forEach((s) => r.fail(where, s, 'input must come first in a procedure'));
    out.procedures.push({
      name: pa.name ?? '',
      access: (pa.access ?? 'private') as 'public' | 'private',
      ...(pa.summary !== undefined && { summary: pa.summary }),
      input,
      body: readBody(
        r,
        statements.filter((s) => localNameOf(s) !== 'input'),
        where,
      ),
    });
  });
  if (!out.procedures.length) r.fail('/namespace', root, 'a namespace needs at least one procedure');
  r.throwIfErrors('namespace document');
  return out;
}
