/**
 * The records every subscribed zone gets, pointing at the hoster's platform. The host names are
 * those of the lab platform; a production deployment sets them per environment (a later
 * configuration option, kept here in one place).
 */
export const PLATFORM_HOSTS = {
  mx: 'mx1.mail.provisio.example',
  autodiscover: 'autodiscover.mail.provisio.example',
  sip: 'sip.provisio.example',
};

export interface SystemRecord {
  name: string;
  type: 'MX' | 'CNAME' | 'SRV' | 'TXT';
  value: string;
  ttl: number;
  priority: number | null;
}

export function systemRecords(domain: string, opts: { exchange: boolean; sip: boolean; federation: boolean }): SystemRecord[] {
  const out: SystemRecord[] = [];
  if (opts.exchange) {
    out.push({ name: '@', type: 'MX', value: PLATFORM_HOSTS.mx, ttl: 3600, priority: 10 });
    out.push({ name: 'autodiscover', type: 'CNAME', value: PLATFORM_HOSTS.autodiscover, ttl: 3600, priority: null });
    out.push({ name: '@', type: 'TXT', value: `v=spf1 include:spf.mail.provisio.example -all`, ttl: 3600, priority: null });
  }
  if (opts.sip) {
    out.push({ name: '_sip._tls', type: 'SRV', value: `1 443 ${PLATFORM_HOSTS.sip}`, ttl: 3600, priority: 100 });
    out.push({ name: 'sip', type: 'CNAME', value: PLATFORM_HOSTS.sip, ttl: 3600, priority: null });
    if (opts.federation) out.push({ name: '_sipfederationtls._tcp', type: 'SRV', value: `1 5061 ${PLATFORM_HOSTS.sip}`, ttl: 3600, priority: 100 });
  }
  void domain;
  return out;
}
