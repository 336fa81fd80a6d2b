import { type DnsRecordInput, RECORD_TYPES, type RecordType } from '../leaf-input';
import { fqdn } from './powerdns-client';

/**
 * Provisio's records (leaf-input.ts: a name relative to the zone, priority apart from the value,
 * host names without the final dot) to PowerDNS rrsets and back. The same record always maps to
 * the same owner name and content, so a value is found again by plain comparison.
 */

/** The owner name of a record, absolute with the final dot. */
export function ownerName(zone: string, name: string): string {
  return name === '@' ? fqdn(zone) : fqdn(`${name}.${zone}`);
}

/** A record name relative to the zone (`@` at the apex), from an absolute owner name. */
export function relativeName(zone: string, owner: string): string {
  const z = fqdn(zone);
  if (owner === z) return '@';
  return owner.endsWith(`.${z}`) ? owner.slice(0, -(z.length + 1)) : owner;
}

/** TXT data as DNS character strings: quoted, `"` and `\` escaped, split every 255 bytes. */
function txtContent(value: string): string {
  const chunks: string[] = [];
  for (let rest = Buffer.from(value, 'utf8'); rest.length > 0 || chunks.length === 0; rest = rest.subarray(255)) {
    chunks.push(rest.subarray(0, 255).toString('utf8'));
    if (rest.length <= 255) break;
  }
  return chunks.map((c) => `"${c.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(' ');
}

function txtValue(content: string): string {
  let out = '';
  for (const m of content.matchAll(/"((?:[^"\\]|\\.)*)"/g))
    out += m[1].replace(/\\(\d{3})/g, (_, d: string) => String.fromCharCode(Number(d))).replace(/\\(.)/g, '$1');
  return out;
}

const stripDot = (h: string) => (h.endsWith('.') ? h.slice(0, -1) : h);

/** The rrset content of a record (the priority of MX and SRV goes in front, as in zone files). */
export function recordContent(r: Pick<DnsRecordInput, 'type' | 'value' | 'priority'>): string {
  switch (r.type) {
    case 'A':
    case 'AAAA':
      return r.value;
    case 'CNAME':
      return fqdn(r.value);
    case 'MX':
      return `${r.priority ?? 10} ${fqdn(r.value)}`;
    case 'SRV': {
      const [weight, port, target] = r.value.split(' ');
      return `${r.priority ?? 0} ${weight} ${port} ${fqdn(target)}`;
    }
    case 'TXT':
      return txtContent(r.value);
  }
}

/** Does rrset content `content` hold the record's value (whatever its priority)? */
export function sameValue(type: RecordType, content: string, value: string): boolean {
  return parseContent(type, content).value === value;
}

/** Value and priority of rrset content, in Provisio's form. */
export function parseContent(type: RecordType, content: string): { value: string; priority: number | null } {
  const parts = content.trim().split(/\s+/);
  switch (type) {
    case 'MX':
      return { value: stripDot(parts[1] ?? '').toLowerCase(), priority: Number(parts[0]) };
    case 'SRV':
      return { value: `${Number(parts[1])} ${Number(parts[2])} ${stripDot(parts[3] ?? '').toLowerCase()}`, priority: Number(parts[0]) };
    case 'CNAME':
      return { value: stripDot(content.trim()).toLowerCase(), priority: null };
    case 'TXT':
      return { value: txtValue(content), priority: null };
    default:
      return { value: content.trim(), priority: null };
  }
}

export function isRecordType(t: string): t is RecordType {
  return (RECORD_TYPES as readonly string[]).includes(t);
}

export interface ZoneRecord {
  name: string;
  type: RecordType;
  value: string;
  ttl: number;
  priority: number | null;
}
