import type { Change, Entry } from 'ldapts';
import { attrs, change } from './ldap-tree';

/**
 * What a run changed on an entry, remembered on the entry itself (`provisioUndo: <run> <object
 * key> <JSON>`), written in the same modify as the change. A step re-executed after the change
 * happened (takeover, retry after a timeout) thus still knows the value it replaced, and its
 * rollback can restore it without journaled rollback data. Values older than the retention go
 * at the next change.
 */

export interface UserProps {
  displayName: string;
  disabled: boolean;
}

interface Remembered {
  raw: string;
  value: UserProps;
}

function parse(raw: string): { run: string; key: string; at: number; value: UserProps } | undefined {
  const m = /^(\S+) (\S+) (\{.*\})$/.exec(raw);
  if (!m) return undefined;
  try {
    const j = JSON.parse(m[3]) as UserProps & { at?: string };
    return { run: m[1], key: m[2], at: Date.parse(j.at ?? ''), value: { displayName: j.displayName, disabled: j.disabled } };
  } catch {
    return undefined;
  }
}

export function readUndo(entry: Entry, run: string, key: string): Remembered | undefined {
  for (const raw of attrs(entry, 'provisioUndo')) {
    const p = parse(raw);
    if (p && p.run === run && p.key === key) return { raw, value: p.value };
  }
  return undefined;
}

/** Modifications that drop expired values (and `drop`) and remember `add` unless this run already did. */
export function undoChanges(entry: Entry, retentionMs: number, o: { add?: { run: string; key: string; value: UserProps }; drop?: string }): Change[] {
  const cutoff = Date.now() - retentionMs;
  const values = attrs(entry, 'provisioUndo');
  const gone = values.filter((raw) => raw === o.drop || !(parse(raw)?.at! >= cutoff));
  const changes = gone.length ? [change('delete', 'provisioUndo', gone)] : [];
  if (o.add && !readUndo(entry, o.add.run, o.add.key)) {
    const json = JSON.stringify({ ...o.add.value, at: new Date().toISOString() });
    changes.push(change('add', 'provisioUndo', [`${o.add.run} ${o.add.key} ${json}`]));
  }
  return changes;
}
