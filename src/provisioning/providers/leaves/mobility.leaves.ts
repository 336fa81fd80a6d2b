import { Fields } from '../leaf-input';
import { defineLeaf } from './leaf-definition';

/** Mobility (ActiveSync): policies, mobility-enabled mailboxes and their devices. */

const POLICY_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9 _.-]{0,62}[A-Za-z0-9])?$/;
const DEVICE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const mobilityKeys = {
  policy: (org: string, name: string) => `mobility-policy:${org}:${name}`,
  user: (org: string, alias: string) => `mobility-user:${org}:${alias}`,
  device: (org: string, alias: string, device: string) => `mobility-device:${org}:${alias}:${device}`,
};

export interface MobilityUserInput {
  organizationId: string;
  alias: string;
}
export interface PolicyInput {
  organizationId: string;
  policy: string;
}

function orgAndAlias(raw: Record<string, unknown>): MobilityUserInput {
  return { organizationId: Fields.of(raw, 'organization').id('id'), alias: Fields.of(raw, 'user').alias('alias') };
}
function orgAndPolicy(raw: Record<string, unknown>): PolicyInput {
  return {
    organizationId: Fields.of(raw, 'organization').id('id'),
    policy: Fields.of(raw, 'policy').pattern('name', POLICY_NAME, 'must be 1-64 letters, digits, spaces, _ . -'),
  };
}
const org = (i: { organizationId: string }) => i.organizationId;
const policyKey = (i: PolicyInput) => mobilityKeys.policy(i.organizationId, i.policy);
const userKey = (i: MobilityUserInput) => mobilityKeys.user(i.organizationId, i.alias);

export const mobilityLeaves = {
  CreatePolicy: defineLeaf('Mobility.CreatePolicy', {
    parse(raw) {
      const p = Fields.of(raw, 'policy');
      return { ...orgAndPolicy(raw), requirePin: p.bool('requirePin') ?? true, maxDevicesPerUser: p.int('maxDevicesPerUser', 1, 100, false) ?? 5 };
    },
    naturalKey: policyKey,
    organization: org,
  }),
  DeletePolicy: defineLeaf('Mobility.DeletePolicy', { parse: orgAndPolicy, naturalKey: policyKey, organization: org }),
  EnableUser: defineLeaf('Mobility.EnableUser', {
    parse: (raw) => ({ ...orgAndAlias(raw), policy: orgAndPolicy(raw).policy }),
    naturalKey: userKey,
    organization: org,
  }),
  SetUserPolicy: defineLeaf('Mobility.SetUserPolicy', {
    parse: (raw) => ({ ...orgAndAlias(raw), policy: orgAndPolicy(raw).policy }),
    naturalKey: userKey,
    organization: org,
  }),
  DisableUser: defineLeaf('Mobility.DisableUser', { parse: orgAndAlias, naturalKey: userKey, organization: org }),
  WipeDevice: defineLeaf('Mobility.WipeDevice', {
    parse: (raw) => ({ ...orgAndAlias(raw), deviceId: Fields.of(raw, 'device').pattern('id', DEVICE_ID, 'must be 1-64 letters, digits, _ -') }),
    naturalKey: (i) => mobilityKeys.device(i.organizationId, i.alias, i.deviceId),
    organization: org,
  }),
  GetDevices: defineLeaf('Mobility.GetDevices', { parse: orgAndAlias, naturalKey: userKey, organization: org }),
};
