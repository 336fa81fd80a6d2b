import { Fields } from '../leaf-input';
import { defineLeaf } from './leaf-definition';

/** Exchange: one Exchange organization per customer, accepted domains, mailboxes with quotas. */

export const MAX_MAILBOX_MB = 1_048_576;

export const exchangeKeys = {
  organization: (org: string) => `exchange-organization:${org}`,
  acceptedDomain: (domain: string) => `accepted-domain:${domain}`,
  mailbox: (org: string, alias: string) => `mailbox:${org}:${alias}`,
};

export interface ExchangeOrgInput {
  organizationId: string;
}
export interface MailboxInput extends ExchangeOrgInput {
  alias: string;
}
export interface AcceptedDomainInput extends ExchangeOrgInput {
  domain: string;
}

function orgAndAlias(raw: Record<string, unknown>): MailboxInput {
  return { organizationId: Fields.of(raw, 'organization').id('id'), alias: Fields.of(raw, 'user').alias('alias') };
}
function orgAndDomain(raw: Record<string, unknown>): AcceptedDomainInput {
  const o = Fields.of(raw, 'organization');
  return { organizationId: o.id('id'), domain: o.domain('domain') };
}
const org = (i: ExchangeOrgInput) => i.organizationId;
const orgKey = (i: ExchangeOrgInput) => exchangeKeys.organization(i.organizationId);
const domainKey = (i: AcceptedDomainInput) => exchangeKeys.acceptedDomain(i.domain);
const mailboxKey = (i: MailboxInput) => exchangeKeys.mailbox(i.organizationId, i.alias);

export const exchangeLeaves = {
  EnableOrganization: defineLeaf('Exchange.EnableOrganization', {
    parse(raw) {
      const o = Fields.of(raw, 'organization');
      return { organizationId: o.id('id'), name: o.text('name', 200) };
    },
    naturalKey: orgKey,
    organization: org,
  }),
  DisableOrganization: defineLeaf('Exchange.DisableOrganization', {
    parse: (raw): ExchangeOrgInput => ({ organizationId: Fields.of(raw, 'organization').id('id') }),
    naturalKey: orgKey,
    organization: org,
  }),
  AddAcceptedDomain: defineLeaf('Exchange.AddAcceptedDomain', { parse: orgAndDomain, naturalKey: domainKey, organization: org }),
  RemoveAcceptedDomain: defineLeaf('Exchange.RemoveAcceptedDomain', { parse: orgAndDomain, naturalKey: domainKey, organization: org }),
  CreateMailbox: defineLeaf('Exchange.CreateMailbox', {
    parse(raw) {
      const o = Fields.of(raw, 'organization');
      const u = Fields.of(raw, 'user');
      return {
        organizationId: o.id('id'),
        domain: o.domain('domain'),
        alias: u.alias('alias'),
        displayName: u.text('displayName', 256),
        mailboxSizeMb: u.int('mailboxSizeMb', 1, MAX_MAILBOX_MB),
      };
    },
    naturalKey: mailboxKey,
    organization: org,
  }),
  DeleteMailbox: defineLeaf('Exchange.DeleteMailbox', { parse: orgAndAlias, naturalKey: mailboxKey, organization: org }),
  SetMailboxQuota: defineLeaf('Exchange.SetMailboxQuota', {
    parse: (raw) => ({ ...orgAndAlias(raw), mailboxSizeMb: Fields.of(raw, 'user').int('mailboxSizeMb', 1, MAX_MAILBOX_MB) }),
    naturalKey: mailboxKey,
    organization: org,
  }),
  GetMailbox: defineLeaf('Exchange.GetMailbox', { parse: orgAndAlias, naturalKey: mailboxKey, organization: org }),
};
