import type { AddDnsRecordsOrder, RemoveDnsRecordsOrder } from '../dto/order-requests';
import { counted, type Decision, type DecisionInput, has, invalid, refuse, requireSubscription } from './decision';
import { normalizeRecord, normalizeRecordRef } from './dns-validation';
import type { CustomerRecord } from './inventory';

/** add_dns_records and remove_dns_records: records in the customer's zone. */

const keyOf = (r: { name: string; type: string; value: string }) => `${r.name.toLowerCase()}|${r.type}|${r.value}`;

export function decideAddDnsRecords(input: DecisionInput<AddDnsRecordsOrder>): Decision {
  const sub = requireSubscription(input, ['pending', 'active'], 'add_dns_records');
  if (!has(sub, 'dns')) refuse('SERVICE_NOT_IN_PLAN', 'The plan has no DNS');
  const zone = input.inventory.service!.domain;
  const records = input.body.records.map((r, i) => normalizeRecord(r, zone, `records[${i}]`));
  const keys = new Set<string>();
  records.forEach((r, i) => {
    if (keys.has(keyOf(r))) invalid(`records[${i}]`, 'appears twice in this order');
    keys.add(keyOf(r));
  });
  const existing = new Set(input.inventory.records.map(keyOf));
  const dup = records.filter((r) => existing.has(keyOf(r)));
  if (dup.length) refuse('RECORD_EXISTS', `Already in ${zone}: ${dup.map((r) => `${r.name} ${r.type} ${r.value}`).join('; ')}`);
  return {
    subscription: { kind: 'none', subscription: sub },
    request: { call: 'Hosted DNS.AddRecords', zone: { name: zone, records } },
    reserve: counted([{ feature: 'dns.records', amount: records.length }]),
    release: [],
    inventory: { records: records.map((r) => ({ ...r, zone, system: false })) },
    summary: { zone, records: records.map((r) => `${r.name} ${r.type} ${r.value}`) },
  };
}

export function decideRemoveDnsRecords(input: DecisionInput<RemoveDnsRecordsOrder>): Decision {
  const sub = requireSubscription(input, ['pending', 'active'], 'remove_dns_records');
  const zone = input.inventory.service!.domain;
  const existing = new Map(input.inventory.records.map((r) => [keyOf(r), r]));
  const rows: CustomerRecord[] = [];
  input.body.records.forEach((raw, i) => {
    const r = normalizeRecordRef(raw, zone, `records[${i}]`);
    const found = existing.get(keyOf(r));
    if (!found || found.system) refuse('RECORD_NOT_FOUND', `records[${i}]: ${r.name} ${r.type} ${r.value} is not a record you added to ${zone}`);
    if (found.state !== 'active') refuse('CONFLICT', `records[${i}]: an earlier order is still working on this record`);
    if (rows.some((x) => x.id === found.id)) invalid(`records[${i}]`, 'appears twice in this order');
    rows.push(found);
  });
  return {
    subscription: { kind: 'none', subscription: sub },
    request: { call: 'Hosted DNS.RemoveRecords', zone: { name: zone, records: rows.map((r) => ({ name: r.name, type: r.type, value: r.value })) } },
    reserve: [],
    release: counted([{ feature: 'dns.records', amount: rows.length }]),
    inventory: { removing: { records: rows.map((r) => r.id) } },
    summary: { zone, records: rows.map((r) => `${r.name} ${r.type} ${r.value}`) },
  };
}
