import type { DnsRecordInput } from '../leaf-input';
import type { ExecuteResult, ProcedureContext } from '../provider';
import { copyToBin, purgeBin, restoreFromBin } from './powerdns-bin';
import { type PowerDnsClient, PowerDnsHttpError, fqdn, pdnsFailure } from './powerdns-client';
import { entry, findEntry, journalComments } from './powerdns-journal';
import { type ZoneRecord, ownerName } from './powerdns-records';
import {
  type ZoneSettings,
  type ZoneState,
  checkOwner,
  classifyPatchError,
  hasValue,
  newSoaContent,
  patchWithJournal,
  readZone,
  recordAsHeld,
  rrsetOf,
  withRecord,
  withoutRecord,
  zoneRecords,
} from './powerdns-zones';

/**
 * The DNS leaf procedures on PowerDNS (what the lab's dns.procedures.ts does on its tables):
 * idempotent by zone name and record (name, type, value), rollbacks undoing only what their run
 * did (the zone journal, powerdns-journal.ts), deletes undoable through the recycle bin.
 */

export interface ZoneIn {
  zone: string;
  organizationId?: string;
}
export interface RecordIn extends ZoneIn {
  record: DnsRecordInput;
}

export interface DnsDeps {
  client: PowerDnsClient;
  settings: ZoneSettings;
}

type Ctx = Pick<ProcedureContext, 'runId' | 'organizationId'>;
type Result = ExecuteResult<Record<string, unknown>, unknown>;

const owner = (i: ZoneIn, ctx: Ctx) => i.organizationId ?? ctx.organizationId ?? undefined;
/** Writes happen only in runs; the journal names the run. */
const runOf = (ctx: Ctx): string => ctx.runId ?? 'direct';

async function ownedZone(d: DnsDeps, i: ZoneIn, ctx: Ctx): Promise<ZoneState | undefined> {
  const state = await readZone(d.client, i.zone);
  if (state) checkOwner(state, owner(i, ctx));
  return state;
}

export async function createZone(d: DnsDeps, i: { zone: string; organizationId: string }, ctx: Ctx): Promise<Result> {
  const s = d.settings;
  const name = fqdn(i.zone);
  try {
    await d.client.createZone({
      name,
      account: i.organizationId,
      rrsets: [
        // Paused: a disabled SOA; PowerDNS serves no zone without an enabled SOA.
        {
          name,
          type: 'SOA',
          ttl: 3600,
          records: [{ content: newSoaContent(s), disabled: true }],
          comments: journalComments([entry(runOf(ctx), { op: 'created' })]),
        },
        { name, type: 'NS', ttl: 3600, records: s.nameservers.map((ns) => ({ content: fqdn(ns), disabled: false })), comments: [] },
      ],
    });
  } catch (e) {
    if (!(e instanceof PowerDnsHttpError)) throw e;
    if (e.status !== 409) throw pdnsFailure('PDNS_REJECTED', e.detail, { zone: i.zone, status: e.status });
    const existing = await readZone(d.client, i.zone);
    if (!existing || existing.zone.account !== i.organizationId)
      throw pdnsFailure('PDNS_CONFLICT', `the zone ${i.zone} belongs to another organization`, { zone: i.zone });
  }
  return { output: {} };
}

/** Deletes the zone if this run created it; its records go with it (only this run can have added them before publish). */
export async function rollbackCreateZone(d: DnsDeps, i: { zone: string; organizationId: string }, ctx: Ctx): Promise<void> {
  const state = await readZone(d.client, i.zone);
  if (!state || state.zone.account !== i.organizationId || !findEntry(state.journal, runOf(ctx), 'created')) return;
  await d.client.deleteZone(i.zone);
}

export async function publishZone(d: DnsDeps, i: ZoneIn, ctx: Ctx): Promise<Result> {
  const state = await ownedZone(d, i, ctx);
  if (!state) throw pdnsFailure('PDNS_NOT_FOUND', `the zone ${i.zone} does not exist`, { zone: i.zone });
  const wasPublished = state.published;
  if (!wasPublished) await patchWithJournal(d.client, state, d.settings, { changes: [], add: { run: runOf(ctx), op: { op: 'published' } }, published: true });
  const after = await readZone(d.client, i.zone);
  return { output: { serial: after?.zone.serial ?? state.zone.serial }, rollback: { published: wasPublished } };
}

/** Pauses the zone again if this run published it (journal, or rollback data when there is some). */
export async function rollbackPublishZone(d: DnsDeps, i: ZoneIn, data: { published?: boolean } | undefined, ctx: Ctx): Promise<void> {
  const state = await ownedZone(d, i, ctx);
  if (!state || !state.published || data?.published === true) return;
  const mark = findEntry(state.journal, runOf(ctx), 'published');
  if (!mark) return;
  await patchWithJournal(d.client, state, d.settings, { changes: [], drop: mark, published: false });
}

export async function deleteZone(d: DnsDeps, i: ZoneIn, ctx: Ctx): Promise<Result> {
  const state = await ownedZone(d, i, ctx);
  if (state) {
    await copyToBin(d.client, state, runOf(ctx));
    await d.client.deleteZone(i.zone);
  }
  await purgeBin(d.client, d.settings.retentionMs);
  return { output: {} };
}

export async function rollbackDeleteZone(d: DnsDeps, i: ZoneIn, ctx: Ctx): Promise<void> {
  await restoreFromBin(d.client, i.zone, runOf(ctx));
}

export async function addRecord(d: DnsDeps, i: RecordIn, ctx: Ctx): Promise<Result> {
  const state = await ownedZone(d, i, ctx);
  if (!state) throw pdnsFailure('PDNS_PREREQUISITE_MISSING', `the DNS zone ${i.zone} does not exist`, { zone: i.zone });
  const rrset = rrsetOf(state, i.zone, i.record);
  if (hasValue(rrset, i.record)) return { output: {} };
  const record: ZoneRecord = { ...i.record };
  await patchWithJournal(d.client, state, d.settings, { changes: [withRecord(i.zone, rrset, record)], add: { run: runOf(ctx), op: { op: 'added', record } } });
  return { output: {} };
}

/** Removes the record if this run added it. */
export async function rollbackAddRecord(d: DnsDeps, i: RecordIn, ctx: Ctx): Promise<void> {
  const state = await ownedZone(d, i, ctx);
  const mark = state && findEntry(state.journal, runOf(ctx), 'added', i.record);
  if (!state || !mark) return;
  const rrset = rrsetOf(state, i.zone, i.record);
  const changes = rrset && hasValue(rrset, i.record) ? [withoutRecord(i.zone, rrset, i.record)] : [];
  await patchWithJournal(d.client, state, d.settings, { changes, drop: mark });
}

export async function removeRecord(d: DnsDeps, i: RecordIn, ctx: Ctx): Promise<Result> {
  const state = await ownedZone(d, i, ctx);
  const rrset = state && rrsetOf(state, i.zone, i.record);
  if (!state || !rrset || !hasValue(rrset, i.record)) return { output: {} };
  const held = recordAsHeld(i.zone, rrset, i.record);
  await patchWithJournal(d.client, state, d.settings, {
    changes: [withoutRecord(i.zone, rrset, i.record)],
    add: { run: runOf(ctx), op: { op: 'removed', record: held } },
  });
  return { output: {} };
}

/** Puts the record back if this run removed it (with the ttl and priority it had). */
export async function rollbackRemoveRecord(d: DnsDeps, i: RecordIn, ctx: Ctx): Promise<void> {
  const state = await ownedZone(d, i, ctx);
  const mark = state && findEntry(state.journal, runOf(ctx), 'removed', i.record);
  if (!state || !mark || !('record' in mark)) return;
  const rrset = rrsetOf(state, i.zone, i.record);
  const changes = hasValue(rrset, i.record) ? [] : [withRecord(i.zone, rrset, mark.record)];
  try {
    await patchWithJournal(d.client, state, d.settings, { changes, drop: mark });
  } catch (e) {
    throw classifyPatchError(e, i.zone);
  }
}

export async function getZone(d: DnsDeps, i: ZoneIn, ctx: Ctx): Promise<Result> {
  const state = await ownedZone(d, i, ctx);
  if (!state) throw pdnsFailure('PDNS_NOT_FOUND', `the zone ${i.zone} does not exist`, { zone: i.zone });
  return { output: { published: state.published, records: zoneRecords(i.zone, state.zone) } };
}

/** Every zone of an organization with its records (operators: what the platform holds for a tenant). */
export async function zonesOf(d: DnsDeps, organizationId: string): Promise<{ zone: string; published: boolean; serial: number; records: ZoneRecord[] }[]> {
  const out = [];
  for (const z of await d.client.zones()) {
    if (z.account !== organizationId) continue;
    const state = await readZone(d.client, z.name);
    if (state)
      out.push({ zone: z.name.slice(0, -1), published: state.published, serial: state.zone.serial, records: zoneRecords(z.name.slice(0, -1), state.zone) });
  }
  return out;
}

export { ownerName };
