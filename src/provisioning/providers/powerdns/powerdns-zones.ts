import type { DnsRecordInput } from '../leaf-input';
import { type PowerDnsClient, PowerDnsHttpError, type PowerDnsRrset, type PowerDnsZone, type RrsetChange, fqdn, pdnsFailure } from './powerdns-client';
import { type JournalEntry, type JournalOp, entry, journalComments, keepEntries, readJournal } from './powerdns-journal';
import { type ZoneRecord, isRecordType, ownerName, parseContent, recordContent, relativeName } from './powerdns-records';

/**
 * The zone model the DNS driver works on: a PowerDNS zone with its owner (the zone's `account`
 * is the Provisio organization id), its staging state (paused = SOA disabled, so PowerDNS
 * refuses the whole zone) and the run journal kept in the SOA's comments.
 */

export interface ZoneSettings {
  /** Name servers of new zones (NS at the apex; the first one is the SOA's primary). */
  nameservers: string[];
  /** SOA contact, `hostmaster.example.net` or `hostmaster@example.net`. */
  soaContact: string;
  /** How long the run journal and the recycle bin keep what a rollback may need. */
  retentionMs: number;
}

export interface ZoneState {
  zone: PowerDnsZone;
  soa: PowerDnsRrset;
  published: boolean;
  journal: JournalEntry[];
  /** SOA comments that are not ours (kept as they are). */
  foreign: ReturnType<typeof readJournal>['others'];
}

export function soaRname(contact: string): string {
  const at = contact.indexOf('@');
  if (at < 0) return fqdn(contact);
  return fqdn(`${contact.slice(0, at).replace(/\./g, '\\.')}.${contact.slice(at + 1)}`);
}

export function newSoaContent(s: ZoneSettings): string {
  // Serial 1: the first change through the API makes it YYYYMMDD01 (soa_edit_api DEFAULT).
  return `${fqdn(s.nameservers[0])} ${soaRname(s.soaContact)} 1 10800 3600 604800 3600`;
}

export async function readZone(client: PowerDnsClient, name: string): Promise<ZoneState | undefined> {
  const zone = await client.zone(name);
  if (!zone) return undefined;
  const soa = zone.rrsets.find((r) => r.type === 'SOA' && r.name === fqdn(name));
  if (!soa) throw pdnsFailure('PDNS_REJECTED', `the zone ${name} has no SOA record`, { zone: name });
  const { entries, others } = readJournal(soa);
  return { zone, soa, published: soa.records.some((r) => !r.disabled), journal: entries, foreign: others };
}

/** The SOA rrset rewritten with a new journal (and staging state): a PATCH change. */
export function soaChange(state: ZoneState, journal: JournalEntry[], published = state.published): RrsetChange {
  return {
    name: state.soa.name,
    type: 'SOA',
    changetype: 'REPLACE',
    ttl: state.soa.ttl,
    records: state.soa.records.map((r) => ({ content: r.content, disabled: !published })),
    comments: journalComments(journal, state.foreign),
  };
}

/** Applies rrset changes plus the journal (pruned, `drop` removed, `add` appended) in one PATCH. */
export async function patchWithJournal(
  client: PowerDnsClient,
  state: ZoneState,
  s: ZoneSettings,
  o: { changes: RrsetChange[]; add?: { run: string; op: JournalOp }; drop?: JournalEntry; published?: boolean },
): Promise<void> {
  const journal = keepEntries(state.journal, s.retentionMs, o.drop);
  if (o.add) journal.push(entry(o.add.run, o.add.op));
  try {
    await client.patch(state.zone.name, [...o.changes, soaChange(state, journal, o.published)]);
  } catch (e) {
    throw classifyPatchError(e, state.zone.name);
  }
}

export function classifyPatchError(e: unknown, zone: string): unknown {
  if (!(e instanceof PowerDnsHttpError)) return e;
  if (e.status === 404) return pdnsFailure('PDNS_PREREQUISITE_MISSING', `the DNS zone ${zone} does not exist`, { zone });
  if (/conflict/i.test(e.detail)) return pdnsFailure('PDNS_CONFLICT', e.detail, { zone });
  return pdnsFailure('PDNS_REJECTED', e.detail, { zone, status: e.status });
}

/** DNS procedures name only the zone: a zone of another organization than expected is a conflict. */
export function checkOwner(state: ZoneState, expected: string | null | undefined): void {
  if (expected && state.zone.account !== expected) {
    throw pdnsFailure('PDNS_CONFLICT', `the zone ${relativeName('', state.zone.name)} belongs to another organization`, { zone: state.zone.name });
  }
}

export function rrsetOf(state: ZoneState, zone: string, r: Pick<DnsRecordInput, 'name' | 'type'>): PowerDnsRrset | undefined {
  const owner = ownerName(zone, r.name);
  return state.zone.rrsets.find((x) => x.name === owner && x.type === r.type);
}

export function hasValue(rrset: PowerDnsRrset | undefined, r: Pick<DnsRecordInput, 'type' | 'value'>): boolean {
  return !!rrset?.records.some((x) => parseContent(r.type, x.content).value === r.value);
}

/** The rrset with `r` added (its ttl becomes the rrset's: DNS has one ttl per rrset, RFC 2181 §5.2). */
export function withRecord(zone: string, rrset: PowerDnsRrset | undefined, r: ZoneRecord): RrsetChange {
  return {
    name: ownerName(zone, r.name),
    type: r.type,
    changetype: 'REPLACE',
    ttl: r.ttl,
    records: [...(rrset?.records ?? []).map((x) => ({ content: x.content, disabled: x.disabled })), { content: recordContent(r), disabled: false }],
  };
}

/** The rrset without `r` (deleted when it was the last value). */
export function withoutRecord(zone: string, rrset: PowerDnsRrset, r: Pick<DnsRecordInput, 'name' | 'type' | 'value'>): RrsetChange {
  const rest = rrset.records.filter((x) => parseContent(r.type, x.content).value !== r.value);
  if (!rest.length) return { name: rrset.name, type: rrset.type, changetype: 'DELETE' };
  return {
    name: rrset.name,
    type: rrset.type,
    changetype: 'REPLACE',
    ttl: rrset.ttl,
    records: rest.map((x) => ({ content: x.content, disabled: x.disabled })),
  };
}

/** The full record (ttl, priority) as the zone holds it, for the journal of a removal. */
export function recordAsHeld(zone: string, rrset: PowerDnsRrset, r: Pick<DnsRecordInput, 'name' | 'type' | 'value'>): ZoneRecord {
  const held = rrset.records.map((x) => parseContent(r.type, x.content)).find((p) => p.value === r.value);
  return { name: r.name, type: r.type, value: r.value, ttl: rrset.ttl, priority: held?.priority ?? null };
}

/** The records Provisio manages (A, AAAA, CNAME, MX, TXT, SRV; not the SOA and NS it keeps itself). */
export function zoneRecords(zoneName: string, zone: PowerDnsZone): ZoneRecord[] {
  const out: ZoneRecord[] = [];
  for (const rr of zone.rrsets) {
    if (!isRecordType(rr.type)) continue;
    for (const rec of rr.records) {
      const { value, priority } = parseContent(rr.type, rec.content);
      out.push({ name: relativeName(zoneName, rr.name), type: rr.type, value, ttl: rr.ttl, priority });
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name) || a.type.localeCompare(b.type) || a.value.localeCompare(b.value));
}
