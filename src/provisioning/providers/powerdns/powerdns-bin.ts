import { createHash } from 'node:crypto';
import { type PowerDnsClient, PowerDnsHttpError, type PowerDnsRrset, fqdn, pdnsFailure } from './powerdns-client';
import { type JournalEntry, entry, journalComments } from './powerdns-journal';
import { type ZoneState, readZone } from './powerdns-zones';

/**
 * PowerDNS has no recycle bin, so the driver keeps one: DeleteZone first copies the zone to a
 * paused zone `z<hash of run and zone>.bin.provisio.invalid.` (never served: its SOA is disabled,
 * and `.invalid` is reserved, RFC 6761), then deletes it. A rollback of that DeleteZone recreates
 * the zone from the copy, even when the delete's outcome was unknown. Copies older than the
 * retention are deleted by later DeleteZone calls; the copy's `account` holds its deletion time.
 */

export const BIN_SUFFIX = 'bin.provisio.invalid.';
const BIN_ACCOUNT = 'provisio-bin ';

export function binZoneName(zone: string, run: string): string {
  return `z${createHash('sha256')
    .update(`${run} ${fqdn(zone)}`)
    .digest('hex')
    .slice(0, 24)}.${BIN_SUFFIX}`;
}

/** `from` owner names moved under `to` (`www.contoso.example.` → `www.<to>`). */
function rename(rrsets: PowerDnsRrset[], from: string, to: string): PowerDnsRrset[] {
  return rrsets.map((r) => ({
    ...r,
    name: r.name === from ? to : `${r.name.slice(0, -from.length)}${to}`,
    comments: r.comments.map(({ content, account }) => ({ content, account })),
  }));
}

/** Creates the copy, replacing a half-made one left by an earlier attempt. */
export async function copyToBin(client: PowerDnsClient, state: ZoneState, run: string): Promise<void> {
  const bin = binZoneName(state.zone.name, run);
  const deleted: JournalEntry = entry(run, { op: 'deleted', zone: state.zone.name, account: state.zone.account, published: state.published });
  const rrsets = rename(state.zone.rrsets, state.zone.name, bin).map((r) =>
    r.type === 'SOA'
      ? { ...r, records: r.records.map((x) => ({ ...x, disabled: true })), comments: journalComments([...state.journal, deleted], state.foreign) }
      : r,
  );
  await client.deleteZone(bin);
  await client.createZone({ name: bin, account: `${BIN_ACCOUNT}${deleted.at}`, rrsets });
}

/**
 * Recreates the zone `run` deleted from its copy, then drops the copy. False when there is no
 * copy (this run deleted nothing). A zone of that name created meanwhile by someone else makes
 * the restore impossible: a permanent conflict (the run then needs an operator).
 */
export async function restoreFromBin(client: PowerDnsClient, zone: string, run: string): Promise<boolean> {
  const bin = binZoneName(zone, run);
  const copy = await readZone(client, bin);
  if (!copy) return false;
  const deleted = copy.journal.find((e): e is Extract<JournalEntry, { op: 'deleted' }> => e.op === 'deleted' && e.run === run);
  if (!deleted) return false;
  const journal = copy.journal.filter((e) => e !== deleted);
  const rrsets = rename(copy.zone.rrsets, bin, fqdn(zone)).map((r) =>
    r.type === 'SOA'
      ? {
          ...r,
          records: r.records.map((x) => ({ ...x, content: bumpSerial(x.content), disabled: !deleted.published })),
          comments: journalComments(journal, copy.foreign),
        }
      : r,
  );
  try {
    await client.createZone({ name: zone, account: deleted.account, rrsets });
  } catch (e) {
    if (!(e instanceof PowerDnsHttpError) || e.status !== 409) throw e;
    // Back already (an earlier attempt of this rollback), or taken by another organization.
    const now = await client.zone(zone);
    if (now?.account !== deleted.account) throw pdnsFailure('PDNS_CONFLICT', `cannot restore the zone ${zone}: the name was taken meanwhile`, { zone });
  }
  await client.deleteZone(bin);
  return true;
}

/** The SOA content with its serial + 1, so secondaries see the restored zone as newer. */
function bumpSerial(content: string): string {
  const p = content.split(/\s+/);
  if (p.length === 7) p[2] = String((Number(p[2]) + 1) % 4294967296);
  return p.join(' ');
}

/** Deletes the copies older than the retention (best effort: a failure leaves them for next time). */
export async function purgeBin(client: PowerDnsClient, retentionMs: number): Promise<void> {
  const cutoff = Date.now() - retentionMs;
  const zones = await client.zones().catch(() => []);
  for (const z of zones) {
    if (!z.name.endsWith(`.${BIN_SUFFIX}`) || !z.account.startsWith(BIN_ACCOUNT)) continue;
    const at = Date.parse(z.account.slice(BIN_ACCOUNT.length));
    if (Number.isFinite(at) && at < cutoff) await client.deleteZone(z.name).catch(() => undefined);
  }
}
