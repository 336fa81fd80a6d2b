import { ApiProperty } from '@nestjs/swagger';
import { FAULT_EFFECTS, FAULT_PHASES } from '../lab-faults';

export class FaultRuleView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'Exchange.CreateMailbox' }) procedure: string;
  @ApiProperty({ enum: FAULT_PHASES }) phase: string;
  @ApiProperty({ enum: FAULT_EFFECTS }) effect: string;
  @ApiProperty() times: number;
  @ApiProperty({ description: 'calls the rule will still hit' }) remaining: number;
  @ApiProperty({ type: String, nullable: true }) organizationId: string | null;
  @ApiProperty() createdAt: string;
}

export class LabFaultsView {
  @ApiProperty() latencyMs: number;
  @ApiProperty() jitterMs: number;
  @ApiProperty() transientErrorRate: number;
  @ApiProperty() permanentErrorRate: number;
  @ApiProperty({ type: FaultRuleView, isArray: true }) rules: FaultRuleView[];
  @ApiProperty() updatedAt: string;
}

const list = (description: string, properties: Record<string, unknown>) => ({ type: 'array', description, items: { type: 'object', properties } });
const str = { type: 'string' };
const bool = { type: 'boolean' };
const int = { type: 'integer' };

/** The platform state of one customer (schema only: the body is built by labState()). */
export const LAB_STATE_SCHEMA = {
  type: 'object',
  properties: {
    organizationId: str,
    ou: { type: 'object', nullable: true, properties: { name: str, domain: str, ouPath: str, createdAt: str } },
    users: list('directory users', { alias: str, userPrincipalName: str, distinguishedName: str, displayName: str, disabled: bool }),
    exchangeOrganization: { type: 'object', nullable: true, properties: { name: str, globalAddressList: str, addressLists: { type: 'array', items: str } } },
    acceptedDomains: { type: 'array', items: str },
    mailboxes: list('mailboxes with quotas', { alias: str, primarySmtpAddress: str, displayName: str, quotaMb: int }),
    mobilityPolicies: list('ActiveSync policies', { name: str, requirePin: bool, maxDevicesPerUser: int }),
    mobilityUsers: list('mobility-enabled mailboxes', { alias: str, policy: str }),
    mobilityDevices: list('devices', {
      alias: str,
      id: str,
      model: str,
      wipeStatus: { type: 'string', enum: ['none', 'pending'] },
      wipeRequestedAt: { type: 'string', nullable: true },
    }),
    zones: list('DNS zones', {
      name: str,
      published: bool,
      serial: int,
      records: list('records', {
        name: str,
        type: { type: 'string', enum: ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV'] },
        value: str,
        ttl: int,
        priority: { type: 'integer', nullable: true },
      }),
    }),
    sipDomains: { type: 'array', items: str },
    sipUsers: list('SIP users', { alias: str, sipUri: str, im: bool, presence: bool, federation: bool, conferencing: bool }),
    siteCollections: list('site collections', { url: str, siteId: str, title: str, quotaMb: int }),
  },
};
