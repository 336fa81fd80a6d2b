import type { PowerDnsComment, PowerDnsRrset } from './powerdns-client';
import type { ZoneRecord } from './powerdns-records';

/**
 * What runs did to a zone, kept as comments of its SOA rrset (comments are never served). Each
 * change and its entry go in the same PATCH, one backend transaction, so a rollback knows what
 * its run did even when the step's outcome was unknown (engine died mid-call, timeout) and no
 * rollback data was journaled: only what this run created, added, removed or published is undone.
 * Entries older than the retention are dropped at the next write.
 */

export type JournalOp =
  | { op: 'created' }
  | { op: 'published' }
  | { op: 'added'; record: ZoneRecord }
  | { op: 'removed'; record: ZoneRecord }
  /** In a recycle-bin zone: where it came from. */
  | { op: 'deleted'; zone: string; account: string; published: boolean };

export type JournalEntry = JournalOp & { run: string; at: string };

const PREFIX = 'provisio:';
export const JOURNAL_ACCOUNT = 'provisio';

export function readJournal(soa: PowerDnsRrset | undefined): { entries: JournalEntry[]; others: PowerDnsComment[] } {
  const entries: JournalEntry[] = [];
  const others: PowerDnsComment[] = [];
  for (const c of soa?.comments ?? []) {
    if (c.account === JOURNAL_ACCOUNT && c.content.startsWith(PREFIX)) {
      try {
        entries.push(JSON.parse(c.content.slice(PREFIX.length)) as JournalEntry);
        continue;
      } catch {
        // not ours after all: keep it as it is
      }
    }
    others.push(c);
  }
  return { entries, others };
}

export function journalComments(entries: JournalEntry[], others: PowerDnsComment[] = []): PowerDnsComment[] {
  return [
    ...others.map(({ content, account }) => ({ content, account })),
    ...entries.map((e) => ({ content: `${PREFIX}${JSON.stringify(e)}`, account: JOURNAL_ACCOUNT })),
  ];
}

const sameRecord = (a: ZoneRecord, b: Pick<ZoneRecord, 'name' | 'type' | 'value'>) => a.name === b.name && a.type === b.type && a.value === b.value;

/** The entry of `run` for `op` (and this record, for added/removed). */
export function findEntry(
  entries: JournalEntry[],
  run: string,
  op: JournalEntry['op'],
  record?: Pick<ZoneRecord, 'name' | 'type' | 'value'>,
): JournalEntry | undefined {
  return entries.find((e) => e.run === run && e.op === op && (!record || ('record' in e && sameRecord(e.record, record))));
}

/** Entries without `drop` and without those older than `retentionMs`. */
export function keepEntries(entries: JournalEntry[], retentionMs: number, drop?: JournalEntry): JournalEntry[] {
  const cutoff = Date.now() - retentionMs;
  return entries.filter((e) => e !== drop && Date.parse(e.at) >= cutoff);
}

export function entry(run: string, op: JournalOp): JournalEntry {
  return { ...op, run, at: new Date().toISOString() };
}
