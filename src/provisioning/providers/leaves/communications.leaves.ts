import { Fields } from '../leaf-input';
import { defineLeaf } from './leaf-definition';

/** Communications (OCS): SIP domains and SIP-enabled users (IM, presence, federation, conferencing). */

export const communicationsKeys = {
  sipDomain: (domain: string) => `sip-domain:${domain}`,
  sipUser: (org: string, alias: string) => `sip-user:${org}:${alias}`,
};

export interface SipDomainInput {
  organizationId: string;
  domain: string;
}
export interface SipUserInput {
  organizationId: string;
  alias: string;
}

function orgAndDomain(raw: Record<string, unknown>): SipDomainInput {
  const o = Fields.of(raw, 'organization');
  return { organizationId: o.id('id'), domain: o.domain('domain') };
}
function orgAndAlias(raw: Record<string, unknown>): SipUserInput {
  return { organizationId: Fields.of(raw, 'organization').id('id'), alias: Fields.of(raw, 'user').alias('alias') };
}
const org = (i: { organizationId: string }) => i.organizationId;
const domainKey = (i: SipDomainInput) => communicationsKeys.sipDomain(i.domain);
const userKey = (i: SipUserInput) => communicationsKeys.sipUser(i.organizationId, i.alias);

export const communicationsLeaves = {
  CreateSipDomain: defineLeaf('Communications.CreateSipDomain', { parse: orgAndDomain, naturalKey: domainKey, organization: org }),
  DeleteSipDomain: defineLeaf('Communications.DeleteSipDomain', { parse: orgAndDomain, naturalKey: domainKey, organization: org }),
  EnableUser: defineLeaf('Communications.EnableUser', {
    parse(raw) {
      const u = Fields.of(raw, 'user');
      return {
        ...orgAndDomain(raw),
        alias: u.alias('alias'),
        im: u.bool('im') ?? true,
        presence: u.bool('presence') ?? true,
        federation: u.bool('federation') ?? false,
        conferencing: u.bool('conferencing') ?? false,
      };
    },
    naturalKey: userKey,
    organization: org,
  }),
  DisableUser: defineLeaf('Communications.DisableUser', { parse: orgAndAlias, naturalKey: userKey, organization: org }),
  GetSipUser: defineLeaf('Communications.GetSipUser', { parse: orgAndAlias, naturalKey: userKey, organization: org }),
};
