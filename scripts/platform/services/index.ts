import type { PlatformService } from '../service';
import { dovecotService } from './dovecot';
import { ejabberdService } from './ejabberd';
import { postfixService } from './postfix';
import { powerDnsService } from './powerdns';
import { slapdService } from './slapd';

/**
 * The servers of `npm run platform`, in start order (a service's dependencies come before it).
 * Mail and XMPP servers read the directory: they come after `slapd` with `dependsOn: ['slapd']`.
 */
export function platformServices(): PlatformService[] {
  return [slapdService(), powerDnsService(), dovecotService(), postfixService(), ejabberdService()];
}

export { dovecotService, type DovecotInfo } from './dovecot';
export { ejabberdService, type EjabberdInfo } from './ejabberd';
export { postfixService, type PostfixInfo } from './postfix';
export { powerDnsService, type PowerDnsInfo } from './powerdns';
export { slapdService, type SlapdInfo } from './slapd';
