import { type DnsRecordInput, Fields, parseRecord } from '../leaf-input';
import { defineLeaf } from './leaf-definition';

/** DNS: zones (created paused, served once published) and their records. */

export const dnsKeys = {
  zone: (zone: string) => `dns-zone:${zone}`,
  record: (zone: string, r: Pick<DnsRecordInput, 'name' | 'type' | 'value'>) => `dns-record:${zone}:${r.name}:${r.type}:${r.value}`,
};

export interface ZoneInput {
  zone: string;
  /**
   * Optional `organization.id`: DNS procedures name only the zone, so the zone must belong to this
   * organization, or (when absent) to the run's organization (`ProcedureContext.organizationId`).
   */
  organizationId?: string;
}
export interface RecordInput extends ZoneInput {
  record: DnsRecordInput;
}

function zoneIn(raw: Record<string, unknown>): ZoneInput {
  const org = Fields.optional(raw, 'organization');
  return { zone: Fields.of(raw, 'zone').domain('name'), organizationId: org ? org.id('id') : undefined };
}
function recordIn(withDetails: boolean) {
  return (raw: Record<string, unknown>): RecordInput => {
    const z = zoneIn(raw);
    return { ...z, record: parseRecord(Fields.of(raw, 'record'), z.zone, withDetails) };
  };
}
const org = (i: ZoneInput) => i.organizationId;
const zoneKey = (i: ZoneInput) => dnsKeys.zone(i.zone);
const recordKey = (i: RecordInput) => dnsKeys.record(i.zone, i.record);

export const dnsLeaves = {
  CreateZone: defineLeaf('DNS.CreateZone', {
    parse: (raw) => ({ organizationId: Fields.of(raw, 'organization').id('id'), zone: Fields.of(raw, 'zone').domain('name') }),
    naturalKey: zoneKey,
    organization: (i) => i.organizationId,
  }),
  PublishZone: defineLeaf('DNS.PublishZone', { parse: zoneIn, naturalKey: zoneKey, organization: org }),
  DeleteZone: defineLeaf('DNS.DeleteZone', { parse: zoneIn, naturalKey: zoneKey, organization: org }),
  /** Records are normalized so the same record always has the same natural key (leaf-input.ts). */
  AddRecord: defineLeaf('DNS.AddRecord', { parse: recordIn(true), naturalKey: recordKey, organization: org }),
  /** Identifies a record by name, type and value; ttl and priority are ignored. */
  RemoveRecord: defineLeaf('DNS.RemoveRecord', { parse: recordIn(false), naturalKey: recordKey, organization: org }),
  GetZone: defineLeaf('DNS.GetZone', { parse: zoneIn, naturalKey: zoneKey, organization: org }),
};
