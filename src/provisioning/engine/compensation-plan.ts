/** A journal row as compensation planning reads it. */
export interface JournalRow {
  seq: number;
  phase: 'execute' | 'rollback';
  pc: number;
  path: string;
  namespace: string;
  procedure: string;
  kind: 'read' | 'write';
  naturalKey: string | null;
  status: 'completed' | 'failed';
  outcomeUnknown: boolean;
  compensatesSeq: number | null;
  input: Record<string, unknown> | null;
  rollbackData: Record<string, unknown> | null;
}

/**
 * The rollbacks a compensation still has to run, newest first (ARCHITECTURE.md §5): every write
 * step that completed, and every write attempt whose outcome is unknown (timed out, or in flight
 * when its engine died), unless a completed rollback already undid it.
 *
 * Attempts of the same call (same path, namespace, procedure and natural key) are one effect: the
 * newest attempt stands for the key — rolled back once, with its rollback data — and a completed
 * rollback of a newer attempt covers the older ones. A replay after an operator retry executes
 * the key again with a newer seq, so it is compensated again.
 */
export function pendingRollbacks(journal: readonly JournalRow[]): JournalRow[] {
  const undone = new Set<number>();
  for (const r of journal) if (r.phase === 'rollback' && r.status === 'completed' && r.compensatesSeq !== null) undone.add(r.compensatesSeq);
  const newestByKey = new Map<string, JournalRow>();
  for (const r of journal) {
    if (r.phase !== 'execute' || r.kind !== 'write') continue;
    if (r.status !== 'completed' && !r.outcomeUnknown) continue;
    const key = r.naturalKey === null ? `#${r.seq}` : `${r.path}\u0000${r.namespace}\u0000${r.procedure}\u0000${r.naturalKey}`;
    const seen = newestByKey.get(key);
    if (!seen || seen.seq < r.seq) newestByKey.set(key, r);
  }
  return [...newestByKey.values()].filter((r) => !undone.has(r.seq)).sort((a, b) => b.seq - a.seq);
}
