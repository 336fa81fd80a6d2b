import type { FieldError } from '../../common/errors/problem';
import { FRAME_SOURCES, type Statement } from './ast';
import { nodeSetPathProblem, relativeLocationPathProblem } from './xpath-paths';

/**
 * Checks a procedure body beyond its schema: every `source`/`root` names the frame or an enclosing
 * forEach, forEach names do not shadow one another, and every path is an XPath 1.0 expression
 * selecting nodes (forEach paths: a relative location path). Procedure names are the compiler's
 * and the registry's business. Returns the problems found (empty when none).
 */
export function checkBody(body: Statement[], where: string, vars: ReadonlySet<string> = new Set()): FieldError[] {
  const errors: FieldError[] = [];
  const at = (line: number | undefined, message: string) => errors.push({ path: where, message: line ? `line ${line}: ${message}` : message });
  const source = (name: string, line: number | undefined, what: string, scope: ReadonlySet<string>) => {
    if (!FRAME_SOURCES.has(name) && !scope.has(name)) at(line, `${what} "${name}" is neither data, executeData nor an enclosing forEach`);
  };
  const path = (expr: string | undefined, line: number | undefined, what: string) => {
    if (expr === undefined) return;
    const problem = nodeSetPathProblem(expr);
    if (problem) at(line, `${what} ${problem}`);
  };
  const walk = (stmts: Statement[], scope: ReadonlySet<string>) => {
    for (const s of stmts) {
      switch (s.type) {
        case 'execute':
          for (const b of s.before) {
            source(b.source, s.line, 'before source', scope);
            path(b.sourcePath, s.line, 'before sourcePath');
          }
          for (const a of s.after) path(a.sourcePath, s.line, 'after sourcePath');
          break;
        case 'forEach': {
          if (FRAME_SOURCES.has(s.name)) at(s.line, `forEach name "${s.name}" is reserved`);
          else if (scope.has(s.name)) at(s.line, `forEach name "${s.name}" hides an enclosing forEach of the same name`);
          source(s.root, s.line, 'forEach root', scope);
          const problem = relativeLocationPathProblem(s.path);
          if (problem) at(s.line, `forEach path ${problem}`);
          walk(s.body, new Set([...scope, s.name]));
          break;
        }
        case 'when':
          source(s.condition.source, s.line, 'when source', scope);
          path(s.condition.sourcePath, s.line, 'when sourcePath');
          walk(s.body, scope);
          break;
        case 'try':
          walk(s.body, scope);
          walk(s.catchBody, scope);
          break;
      }
    }
  };
  walk(body, vars);
  return errors;
}

/** Every execute of a body, however nested. */
export function* executesOf(body: Statement[]): Generator<Extract<Statement, { type: 'execute' }>> {
  for (const s of body) {
    if (s.type === 'execute') yield s;
    else if (s.type === 'try') {
      yield* executesOf(s.body);
      yield* executesOf(s.catchBody);
    } else yield* executesOf(s.body);
  }
}
