import * as xpath from 'xpath';
import { compileFastPath, type FastPath } from './fast-paths';
import { newDocument, rootOf, type XAttr, type XNode } from './xml-dom';

/**
 * XPath 1.0 through the `xpath` package, with parsed expressions cached (a program evaluates the
 * same few paths over and over) and the checks the compiler runs on every path of a document.
 */

interface Parsed {
  evaluate(options: { node: unknown }): { nodeset?: () => { toArray(): unknown[] } } & object;
  expression: { expression: { locationPath?: { absolute?: boolean }; filter?: unknown } };
}

/** The parts of the `xpath` package its type declarations leave out (parser and result classes). */
const lib = xpath as unknown as {
  parse(expr: string): Parsed;
  XNodeSet: new () => { toArray(): unknown[] };
  PathExpr: new () => object;
};

const MAX_CACHED = 4096;
const cache = new Map<string, Parsed>();

function parsed(expr: string): Parsed {
  let p = cache.get(expr);
  if (!p) {
    p = lib.parse(expr);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(expr, p);
  }
  return p;
}

/** A path that could not be evaluated at run time (it passed the compile-time checks). */
export class PathEvaluationError extends Error {}

const fastCache = new Map<string, FastPath | null>();

/** The nodes `expr` selects from `node`, in document order (fast-paths.ts for the common subset). */
export function selectNodes(expr: string, node: XNode): XNode[] {
  let fast = fastCache.get(expr);
  if (fast === undefined) {
    fast = compileFastPath(expr);
    if (fastCache.size >= MAX_CACHED) fastCache.clear();
    fastCache.set(expr, fast);
  }
  if (fast) return fast(node);
  return selectWithLibrary(expr, node);
}

/**
 * Expressions outside the fast subset run on the `xpath` package, whose cost grows with the
 * square of the document (document order through xmldom). They are refused on documents larger
 * than this, rather than blocking a process for minutes.
 */
export const LIBRARY_MAX_ELEMENTS = 1000;

function tooLargeForLibrary(node: XNode): boolean {
  let top: XNode = node;
  for (let p = (node as XAttr).ownerElement ?? node.parentNode; p; p = p.parentNode) top = p;
  let count = 0;
  const stack: XNode[] = [top];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType === 1 && ++count > LIBRARY_MAX_ELEMENTS) return true;
    for (let c = n.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 || c.nodeType === 9) stack.push(c);
  }
  return false;
}

/** The `xpath` package: complete XPath 1.0, slow on large node sets. */
export function selectWithLibrary(expr: string, node: XNode): XNode[] {
  if (tooLargeForLibrary(node)) {
    throw new PathEvaluationError(
      `path "${expr}" uses XPath beyond the supported fast subset (child and attribute steps, . and .., unions, positions and attribute/child tests) and the document has more than ${LIBRARY_MAX_ELEMENTS} elements`,
    );
  }
  let result: object;
  try {
    result = parsed(expr).evaluate({ node });
  } catch (e) {
    throw new PathEvaluationError(`path "${expr}" could not be evaluated: ${(e as Error).message}`);
  }
  if (!(result instanceof lib.XNodeSet)) throw new PathEvaluationError(`path "${expr}" does not select nodes`);
  return result.toArray() as XNode[];
}

let probeNode: XNode | undefined;

/**
 * Why `expr` is not usable as a path (a parse error, variables, unknown functions, or an
 * expression that yields a string/number/boolean instead of nodes), or null when it is.
 */
export function nodeSetPathProblem(expr: string): string | null {
  let p: Parsed;
  try {
    p = parsed(expr);
  } catch (e) {
    return `"${expr}" is not an XPath 1.0 expression (${(e as Error).message})`;
  }
  probeNode ??= rootOf(newDocument('data'));
  try {
    const r = p.evaluate({ node: probeNode });
    if (!(r instanceof lib.XNodeSet)) return `"${expr}" does not select nodes (it yields a ${r.constructor?.name ?? 'value'})`;
  } catch (e) {
    return `"${expr}" cannot be evaluated (${(e as Error).message})`;
  }
  return null;
}

/** forEach paths must be relative location paths, so a nested forEach can be expressed from its outer node. */
export function relativeLocationPathProblem(expr: string): string | null {
  const problem = nodeSetPathProblem(expr);
  if (problem) return problem;
  const top = parsed(expr).expression.expression;
  const isRelativePath = top instanceof lib.PathExpr && top.locationPath && !top.locationPath.absolute && !top.filter;
  return isRelativePath ? null : `"${expr}" must be a relative location path (such as users/user), not an absolute path, union or function`;
}
