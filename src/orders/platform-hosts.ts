/**
 * The hoster's platform as customers' zones and sites point at it: the mail exchanger, the
 * autodiscover and SIP hosts, the SPF include and the domain under which site collections live.
 * From configuration (`PLATFORM_*`); the defaults are the lab platform's names.
 */
export interface PlatformHosts {
  mx: string;
  autodiscover: string;
  sip: string;
  spfInclude: string;
  sitesDomain: string;
}

export interface SystemRecord {
  name: string;
  type: 'MX' | 'CNAME' | 'SRV' | 'TXT';
  value: string;
  ttl: number;
  priority: number | null;
}

/** The records every subscribed zone gets, pointing at the platform. */
export function systemRecords(hosts: PlatformHosts, opts: { exchange: boolean; sip: boolean; federation: boolean }): SystemRecord[] {
  const out: SystemRecord[] = [];
  if (opts.exchange) {
    out.push({ name: '@', type: 'MX', value: hosts.mx, ttl: 3600, priority: 10 });
    out.push({ name: 'autodiscover', type: 'CNAME', value: hosts.autodiscover, ttl: 3600, priority: null });
    out.push({ name: '@', type: 'TXT', value: `v=spf1 include:${hosts.spfInclude} -all`, ttl: 3600, priority: null });
  }
  if (opts.sip) {
    out.push({ name: '_sip._tls', type: 'SRV', value: `1 443 ${hosts.sip}`, ttl: 3600, priority: 100 });
    out.push({ name: 'sip', type: 'CNAME', value: hosts.sip, ttl: 3600, priority: null });
    if (opts.federation) out.push({ name: '_sipfederationtls._tcp', type: 'SRV', value: `1 5061 ${hosts.sip}`, ttl: 3600, priority: 100 });
  }
  return out;
}

/** The site collection a plan with SharePoint starts with, on the platform's sites domain. */
export function defaultSiteUrl(hosts: PlatformHosts, domain: string): string {
  return `https://${domain.split('.')[0]}.${hosts.sitesDomain}/sites/${domain.replace(/\./g, '-')}`;
}

/** The platform's host names as configured (`PLATFORM_*`). */
export function platformHostsOf(config: {
  platformMxHost: string;
  platformAutodiscoverHost: string;
  platformSipHost: string;
  platformSpfInclude: string;
  platformSitesDomain: string;
}): PlatformHosts {
  return {
    mx: config.platformMxHost,
    autodiscover: config.platformAutodiscoverHost,
    sip: config.platformSipHost,
    spfInclude: config.platformSpfInclude,
    sitesDomain: config.platformSitesDomain,
  };
}
