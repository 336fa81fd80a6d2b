import { shippedDocuments } from '../../../test/helpers/language';
import { executesOf } from './body-check';
import type { Statement } from './ast';
import { compileFastPath } from './fast-paths';
import { parseXmlSafely } from './safe-xml';
import { readNamespaceDocument } from './namespace-document';
import { parseTrusted, rootOf } from './xml-dom';
import { LIBRARY_MAX_ELEMENTS, PathEvaluationError, selectNodes, selectWithLibrary } from './xpath-paths';

const DOC = `<data>
  <order id="o1"/>
  <organization id="org" name="Contoso" domain="c.example"><ouPath>OU=c</ouPath>text<ouPath>OU=d</ouPath></organization>
  <users kind="list">
    <user alias="ann" sip="true" active="true"><previous sip="false"/><tag>x</tag></user>
    <user alias="bob" sip="false"><tag>y</tag><tag>x</tag></user>
    <user alias="cy"/>
  </users>
  <zone name="z"><record name="@" type="MX"/><record name="www" type="A"/></zone>
  <zone name="y"><record name="mail" type="A"/></zone>
</data>`;

const SUBSET = [
  'users/user',
  'users/user[2]',
  'users/user[last()]',
  'users/user[@sip]',
  "users/user[@sip='true']",
  'users/user[@sip!="true"]',
  "users/user[tag='x']",
  'users/user[tag!="x"]',
  'users/user[previous]',
  "users/user[@active='true'][1]",
  'users/user[1][@alias="bob"]',
  'users/user/@alias',
  'users/user/@*',
  'organization/@id | organization/@domain',
  'organization/@domain | organization/@id',
  'organization/ouPath | order | users/@kind',
  'users/user/tag | zone/record',
  'organization/text()',
  'organization/node()',
  'organization/*',
  'organization/ouPath[2]',
  '.',
  '*',
  'users/user/..',
  'users/user/tag/../..',
  'users/user/tag/..',
  '(users/user)[2]/tag',
  '(zone/record)[3]',
  '(zone)[2]/record',
  '((zone)[1]/record)[2]/@name',
  "zone[@name='z']/record[@type='A']/@name",
  'users/user[.="y"]',
  'missing/path',
  'users/user[9]',
];

const OUTSIDE = [
  '//user',
  '/data/users',
  'users/user[position()=2]',
  'child::users',
  'count(x)',
  'users/user[@a and @b]',
  'users/user[text()]',
  '.[1]',
  'users/user[0]',
];

describe('fast path evaluation', () => {
  const root = rootOf(parseTrusted(DOC.replace(/>\s+</g, '><')));
  const contexts = [root, selectWithLibrary('users/user[1]', root)[0], selectWithLibrary('organization/@id', root)[0]];

  it.each(SUBSET)('agrees with the xpath package on %s', (expr) => {
    expect(compileFastPath(expr)).not.toBeNull();
    for (const ctx of contexts) {
      const fast = selectNodes(expr, ctx);
      let library: unknown[];
      try {
        library = selectWithLibrary(expr, ctx);
      } catch {
        continue;
      }
      expect(fast).toEqual(library);
      expect(fast.every((n, i) => n === library[i])).toBe(true);
    }
  });

  it.each(OUTSIDE)('leaves %s to the xpath package', (expr) => {
    expect(compileFastPath(expr)).toBeNull();
  });

  it('runs expressions outside the subset on small documents only', () => {
    const doc = (n: number) => rootOf(parseTrusted(`<data><users>${'<u/>'.repeat(n)}</users></data>`));
    expect(selectNodes('users/u[position() > 1]', doc(10))).toHaveLength(9);
    expect(() => selectNodes('users/u[position() > 1]', doc(LIBRARY_MAX_ELEMENTS))).toThrow(PathEvaluationError);
    expect(selectNodes('users/u[2]', doc(LIBRARY_MAX_ELEMENTS))).toHaveLength(1);
  });

  it('covers every path the shipped namespace documents use', () => {
    const paths: string[] = [];
    const walk = (body: Statement[]) => {
      for (const s of body) {
        if (s.type === 'forEach') paths.push(s.path);
        if (s.type === 'when' && s.condition.sourcePath) paths.push(s.condition.sourcePath);
        if (s.type !== 'execute') walk(s.type === 'try' ? [...s.body, ...s.catchBody] : s.body);
      }
      for (const x of executesOf(body)) for (const m of [...x.before, ...x.after]) if (m.sourcePath) paths.push(m.sourcePath);
    };
    for (const d of shippedDocuments()) for (const p of readNamespaceDocument(parseXmlSafely(d.xml)).procedures) walk(p.body);
    expect(paths.length).toBeGreaterThan(100);
    expect(paths.filter((p) => compileFastPath(p) === null)).toEqual([]);
  });

  // The xpath package needs minutes for this (quadratic document-order checks); the timeout is a hang guard.
  it('selects among 20,000 siblings without the quadratic ordering', () => {
    const big = parseTrusted(`<data><users>${'<u/>'.repeat(20_000)}</users></data>`);
    expect(selectNodes('users/u', rootOf(big))).toHaveLength(20_000);
    expect(selectNodes('(users/u)[19999]/../u[last()]', rootOf(big))).toHaveLength(1);
  }, 30_000);
});
