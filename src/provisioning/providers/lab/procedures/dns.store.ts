import type { DnsRecordInput } from '../../leaf-input';
import { insertOrExisting, type LabQuery, type LabStore } from '../lab.store';

/** The lab's DNS server: lab.dns_zones (serial bumped on every change of content) and lab.dns_records. */

export interface ZoneRow {
  organization_id: string;
  published: boolean;
  /** bigint: pg returns it as text. */
  serial: string;
}

type RecordKey = Pick<DnsRecordInput, 'name' | 'type' | 'value'>;

/** Creates the zone (paused) unless it exists; the organization owning it (undefined: taken by another key). */
export async function insertZone(store: LabStore, z: { zone: string; organizationId: string; runId: string | null }): Promise<string | undefined> {
  const r = await insertOrExisting(
    store,
    {
      text: `INSERT INTO lab.dns_zones (name, organization_id, created_by_run) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING organization_id`,
      params: [z.zone, z.organizationId, z.runId],
    },
    { text: `SELECT organization_id FROM lab.dns_zones WHERE name = $1`, params: [z.zone] },
  );
  return r?.row.organization_id;
}

/** Deletes a zone this run created (its records cascade with it). */
export async function deleteZoneCreatedBy(store: LabStore, zone: string, organizationId: string, runId: string): Promise<void> {
  await store.rows(`DELETE FROM lab.dns_zones WHERE name = $1 AND organization_id = $2 AND created_by_run = $3`, [zone, organizationId, runId]);
}

/** Locks a zone row (serializes every change of its content). */
export async function lockZoneRow(q: LabQuery, zone: string): Promise<ZoneRow | undefined> {
  const [z] = await q.rows<ZoneRow>(`SELECT organization_id, published, serial FROM lab.dns_zones WHERE name = $1 FOR UPDATE`, [zone]);
  return z;
}

export async function findZone(store: LabStore, zone: string): Promise<ZoneRow | undefined> {
  const [z] = await store.rows<ZoneRow>(`SELECT organization_id, published, serial FROM lab.dns_zones WHERE name = $1`, [zone]);
  return z;
}

export async function bumpSerial(q: LabQuery, zone: string): Promise<void> {
  await q.rows(`UPDATE lab.dns_zones SET serial = serial + 1 WHERE name = $1`, [zone]);
}

/** Publishes or pauses a zone, bumping its serial; returns the new serial. */
export async function setZonePublished(q: LabQuery, zone: string, published: boolean): Promise<number> {
  const [u] = await q.rows<{ serial: string }>(`UPDATE lab.dns_zones SET published = $2, serial = serial + 1 WHERE name = $1 RETURNING serial`, [
    zone,
    published,
  ]);
  return Number(u.serial);
}

export async function recordExists(q: LabQuery, zone: string, r: RecordKey): Promise<boolean> {
  return (
    (await q.rows(`SELECT 1 FROM lab.dns_records WHERE zone_name = $1 AND name = $2 AND type = $3 AND value = $4`, [zone, r.name, r.type, r.value])).length > 0
  );
}

/** RFC 1034 §3.6.2: a CNAME is the only record at its name. Would adding `r` break it? */
export async function cnameClash(q: LabQuery, zone: string, r: Pick<DnsRecordInput, 'name' | 'type'>): Promise<boolean> {
  const rows = await q.rows(`SELECT type FROM lab.dns_records WHERE zone_name = $1 AND name = $2 AND (type = 'CNAME' OR $3 = 'CNAME') LIMIT 1`, [
    zone,
    r.name,
    r.type,
  ]);
  return rows.length > 0;
}

export async function insertRecord(q: LabQuery, zone: string, organizationId: string, r: DnsRecordInput, runId: string | null): Promise<void> {
  await q.rows(
    `INSERT INTO lab.dns_records (zone_name, name, type, value, organization_id, ttl, priority, created_by_run)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
    [zone, r.name, r.type, r.value, organizationId, r.ttl, r.priority, runId],
  );
}

/** Deletes a record this run added; whether it was there. */
export async function deleteRecordCreatedBy(q: LabQuery, zone: string, r: RecordKey, runId: string): Promise<boolean> {
  const gone = await q.rows(
    `DELETE FROM lab.dns_records WHERE zone_name = $1 AND name = $2 AND type = $3 AND value = $4 AND created_by_run = $5 RETURNING 1 AS gone`,
    [zone, r.name, r.type, r.value, runId],
  );
  return gone.length > 0;
}

export async function listRecords(store: LabStore, zone: string): Promise<Pick<DnsRecordInput, 'name' | 'type' | 'value' | 'ttl' | 'priority'>[]> {
  return store.rows<DnsRecordInput>(`SELECT name, type, value, ttl, priority FROM lab.dns_records WHERE zone_name = $1 ORDER BY name, type, value`, [zone]);
}
