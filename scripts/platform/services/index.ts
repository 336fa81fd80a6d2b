import type { PlatformService } from '../service';
import { powerDnsService } from './powerdns';
import { slapdService } from './slapd';

/**
 * The servers of `npm run platform`, in start order (a service's dependencies come before it).
 * Mail and XMPP servers read the directory: list them after `slapd` with `dependsOn: ['slapd']`.
 */
export function platformServices(): PlatformService[] {
  return [slapdService(), powerDnsService()];
}

export { powerDnsService, type PowerDnsInfo } from './powerdns';
export { slapdService, type SlapdInfo } from './slapd';
