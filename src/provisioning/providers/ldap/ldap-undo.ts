import type { Change, Entry } from 'ldapts';
import { attrs, change } from './ldap-tree';

/**
 * What a run changed on an entry, remembered on the entry itself (`provisioUndo: <run> <object
 * key> <JSON>`), written in the same modify as the change. A step re-executed after the change
 * happened (takeover, retry after a timeout) thus still knows the value it replaced, and its
 * rollback can restore it without journaled rollback data. Values older than the retention go
 * at the next change. Any driver keeping data on directory entries may use it (object keys keep
 * the namespaces apart).
 */

export interface Remembered<T> {
  /** The attribute value as stored (to delete it). */
  raw: string;
  value: T;
}

function parse(raw: string): { run: string; key: string; at: number; value: unknown } | undefined {
  const m = /^(\S+) (\S+) (\{.*\})$/.exec(raw);
  if (!m) return undefined;
  try {
    const { at, value } = JSON.parse(m[3]) as { at?: string; value?: unknown };
    return { run: m[1], key: m[2], at: Date.parse(at ?? ''), value };
  } catch {
    return undefined;
  }
}

/** What `run` remembered for `key` on this entry (the entry must have been read with `provisioUndo`). */
export function readUndo<T>(entry: Entry, run: string, key: string): Remembered<T> | undefined {
  for (const raw of attrs(entry, 'provisioUndo')) {
    const p = parse(raw);
    if (p && p.run === run && p.key === key) return { raw, value: p.value as T };
  }
  return undefined;
}

/**
 * Modifications that drop expired or unreadable values (and `drop`), and remember `add` unless
 * this run already remembered something for that key (the first value replaced is the one to
 * restore).
 */
export function undoChanges<T>(entry: Entry, retentionMs: number, o: { add?: { run: string; key: string; value: T }; drop?: string }): Change[] {
  const cutoff = Date.now() - retentionMs;
  const gone = attrs(entry, 'provisioUndo').filter((raw) => {
    const at = parse(raw)?.at;
    return raw === o.drop || at === undefined || !(at >= cutoff);
  });
  const changes = gone.length ? [change('delete', 'provisioUndo', gone)] : [];
  if (o.add && !readUndo(entry, o.add.run, o.add.key)) {
    const json = JSON.stringify({ at: new Date().toISOString(), value: o.add.value });
    changes.push(change('add', 'provisioUndo', [`${o.add.run} ${o.add.key} ${json}`]));
  }
  return changes;
}
