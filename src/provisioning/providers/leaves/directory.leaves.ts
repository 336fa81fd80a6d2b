import { Fields } from '../leaf-input';
import { defineLeaf } from './leaf-definition';

/** Directory: one OU per customer organization, users alias@domain inside it. */

export const directoryKeys = {
  ou: (org: string) => `directory-ou:${org}`,
  user: (org: string, alias: string) => `directory-user:${org}:${alias}`,
};

export interface DirectoryOrgInput {
  organizationId: string;
}
export interface DirectoryUserInput extends DirectoryOrgInput {
  alias: string;
}

function orgOnly(raw: Record<string, unknown>): DirectoryOrgInput {
  return { organizationId: Fields.of(raw, 'organization').id('id') };
}
function orgAndAlias(raw: Record<string, unknown>): DirectoryUserInput {
  return { ...orgOnly(raw), alias: Fields.of(raw, 'user').alias('alias') };
}
const org = (i: DirectoryOrgInput) => i.organizationId;
const ouKey = (i: DirectoryOrgInput) => directoryKeys.ou(i.organizationId);
const userKey = (i: DirectoryUserInput) => directoryKeys.user(i.organizationId, i.alias);

export const directoryLeaves = {
  CreateOrganization: defineLeaf('Directory.CreateOrganization', {
    parse(raw) {
      const o = Fields.of(raw, 'organization');
      // The customer's reseller (absent: a customer of the hoster); a directory may nest the OU under it.
      const resellerId = o.raw('resellerId', false) === undefined ? undefined : o.id('resellerId');
      return { organizationId: o.id('id'), name: o.text('name', 256), domain: o.domain('domain'), resellerId };
    },
    naturalKey: ouKey,
    organization: org,
  }),
  DeleteOrganization: defineLeaf('Directory.DeleteOrganization', { parse: orgOnly, naturalKey: ouKey, organization: org }),
  CreateUser: defineLeaf('Directory.CreateUser', {
    parse(raw) {
      const o = Fields.of(raw, 'organization');
      const u = Fields.of(raw, 'user');
      return { organizationId: o.id('id'), domain: o.domain('domain'), alias: u.alias('alias'), displayName: u.text('displayName', 256) };
    },
    naturalKey: userKey,
    organization: org,
  }),
  DeleteUser: defineLeaf('Directory.DeleteUser', { parse: orgAndAlias, naturalKey: userKey, organization: org }),
  SetUserProperties: defineLeaf('Directory.SetUserProperties', {
    parse(raw) {
      const u = Fields.of(raw, 'user');
      return { ...orgAndAlias(raw), displayName: u.text('displayName', 256, false), disabled: u.bool('disabled') };
    },
    naturalKey: userKey,
    organization: org,
  }),
  GetUser: defineLeaf('Directory.GetUser', { parse: orgAndAlias, naturalKey: userKey, organization: org }),
  ListUsers: defineLeaf('Directory.ListUsers', { parse: orgOnly, naturalKey: ouKey, organization: org }),
};
