import type { Change, Entry } from 'ldapts';
import { attrs, createdByValue } from '../ldap/ldap-tree';
import { readUndo as readUndoOf, undoChanges } from '../ldap/ldap-undo';

/**
 * The mail and IM drivers keep their data as parts of entries the directory driver owns (an
 * auxiliary class and its attributes on a tenant's OU or a user), so "this run created it" and
 * "what this run changed" are remembered per part, on the entry itself, in the same modify as
 * the change: `provisioCreatedBy: <part key> <run>` marks the run that added a part (a rollback
 * removes only the parts its own run added, never what an earlier order made), and the directory
 * driver's undo memory (`provisioUndo`, ldap-undo.ts) keeps what a run removed or replaced (a
 * rollback puts it back even when the step's outcome was unknown and nothing was journaled).
 */

export function hasClass(e: Entry | undefined, cls: string): boolean {
  return attrs(e, 'objectClass').some((c) => c.toLowerCase() === cls.toLowerCase());
}

export function hasValue(e: Entry | undefined, attribute: string, value: string): boolean {
  return attrs(e, attribute).some((v) => v.toLowerCase() === value.toLowerCase());
}

export function createdBy(e: Entry | undefined, part: string, run: string): boolean {
  return attrs(e, 'provisioCreatedBy').includes(createdByValue(part, run));
}

/** The markers of `part` on the entry, whichever run set them (they go with the part). */
export function partMarkers(e: Entry | undefined, part: string): string[] {
  return attrs(e, 'provisioCreatedBy').filter((v) => v.startsWith(`${part} `));
}

/** What `run` remembered about `part` on this entry, if anything. */
export function readUndo<T>(e: Entry | undefined, run: string, part: string): { raw: string; value: T } | undefined {
  return e ? readUndoOf<T>(e, run, part) : undefined;
}

/** Remembers `value` for (run, part) unless this run already did: a re-executed step keeps the first. */
export function rememberChanges(e: Entry, retentionMs: number, run: string, part: string, value: unknown): Change[] {
  return undoChanges(e, retentionMs, { add: { run, key: part, value } });
}

/** Forgets what `run` remembered about `part` (once its rollback restored it). */
export function forgetChanges(e: Entry, retentionMs: number, run: string, part: string): Change[] {
  const u = readUndo(e, run, part);
  return u ? undoChanges(e, retentionMs, { drop: u.raw }) : [];
}
