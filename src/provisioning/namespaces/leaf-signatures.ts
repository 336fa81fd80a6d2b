/**
 * The signatures of every leaf procedure (LANGUAGE.md §3): one source of truth shared by the
 * composite namespace documents (which build the input with `before` mappings), the providers
 * (which parse it) and GET /v1/namespaces (which documents it).
 *
 * Input is the step's executeData converted to an object: each child element of executeData is an
 * entity (`organization`, `user`, `zone`, `record`, `policy`, `site`, `device`, `order`,
 * `subscription`) whose attributes (or text-only child elements) are its fields. Fields are
 * strings in XML; providers convert numbers and booleans. A field ending in `?` is optional.
 * Output fields become child elements of executeData after the call (e.g. `<ouPath>…</ouPath>`),
 * where `after` mappings pick them up.
 */

export type EntityFields = Record<string, string[]>;

export interface LeafSignature {
  kind: 'read' | 'write';
  summary: string;
  input: EntityFields;
  output: string[];
}

export const LEAF_SIGNATURES: Record<string, LeafSignature> = {
  // Directory: organizational units and users.
  'Directory.CreateOrganization': {
    kind: 'write',
    summary: "Create the organization OU (under its reseller's, when it has one)",
    input: { organization: ['id', 'name', 'domain', 'resellerId?'] },
    output: ['ouPath'],
  },
  'Directory.DeleteOrganization': { kind: 'write', summary: 'Delete the organization OU (must hold no users)', input: { organization: ['id'] }, output: [] },
  'Directory.CreateUser': {
    kind: 'write',
    summary: 'Create a directory user alias@domain',
    input: { organization: ['id', 'domain'], user: ['alias', 'displayName'] },
    output: ['userPrincipalName', 'distinguishedName'],
  },
  'Directory.DeleteUser': {
    kind: 'write',
    summary: 'Delete a directory user (mailbox and SIP must be gone)',
    input: { organization: ['id'], user: ['alias'] },
    output: [],
  },
  'Directory.SetUserProperties': {
    kind: 'write',
    summary: 'Change display name or disable a user',
    input: { organization: ['id'], user: ['alias', 'displayName?', 'disabled?'] },
    output: [],
  },
  'Directory.GetUser': {
    kind: 'read',
    summary: 'Read a directory user',
    input: { organization: ['id'], user: ['alias'] },
    output: ['userPrincipalName', 'displayName', 'disabled'],
  },
  'Directory.ListUsers': { kind: 'read', summary: 'List the users of an organization', input: { organization: ['id'] }, output: ['users'] },

  // Exchange: organization, accepted domains, mailboxes.
  'Exchange.EnableOrganization': {
    kind: 'write',
    summary: 'Create the Exchange organization (address lists, GAL); needs the OU',
    input: { organization: ['id', 'name'] },
    output: ['exchangeOrganization', 'globalAddressList'],
  },
  'Exchange.DisableOrganization': {
    kind: 'write',
    summary: 'Remove the Exchange organization (must hold no mailboxes)',
    input: { organization: ['id'] },
    output: [],
  },
  'Exchange.AddAcceptedDomain': {
    kind: 'write',
    summary: 'Accept mail for a domain (unique across all organizations)',
    input: { organization: ['id', 'domain'] },
    output: [],
  },
  'Exchange.RemoveAcceptedDomain': { kind: 'write', summary: 'Stop accepting mail for a domain', input: { organization: ['id', 'domain'] }, output: [] },
  'Exchange.CreateMailbox': {
    kind: 'write',
    summary: 'Create alias@domain; needs the directory user, the Exchange organization and the accepted domain',
    input: { organization: ['id', 'domain'], user: ['alias', 'displayName', 'mailboxSizeMb'] },
    output: ['primarySmtpAddress'],
  },
  'Exchange.DeleteMailbox': {
    kind: 'write',
    summary: 'Delete a mailbox (mobility must be disabled first)',
    input: { organization: ['id'], user: ['alias'] },
    output: [],
  },
  'Exchange.SetMailboxQuota': {
    kind: 'write',
    summary: 'Change a mailbox quota (rollback restores the previous one)',
    input: { organization: ['id'], user: ['alias', 'mailboxSizeMb'] },
    output: [],
  },
  'Exchange.GetMailbox': {
    kind: 'read',
    summary: 'Read a mailbox',
    input: { organization: ['id'], user: ['alias'] },
    output: ['primarySmtpAddress', 'mailboxSizeMb'],
  },

  // Mobility (ActiveSync).
  'Mobility.CreatePolicy': {
    kind: 'write',
    summary: 'Create a mobile device policy; needs the Exchange organization',
    input: { organization: ['id'], policy: ['name', 'requirePin?', 'maxDevicesPerUser?'] },
    output: [],
  },
  'Mobility.DeletePolicy': { kind: 'write', summary: 'Delete a policy (no user may use it)', input: { organization: ['id'], policy: ['name'] }, output: [] },
  'Mobility.EnableUser': {
    kind: 'write',
    summary: 'Enable ActiveSync for a mailbox with a policy',
    input: { organization: ['id'], user: ['alias'], policy: ['name'] },
    output: [],
  },
  'Mobility.SetUserPolicy': {
    kind: 'write',
    summary: 'Move an ActiveSync mailbox to another policy (its devices stay; rollback restores the previous policy)',
    input: { organization: ['id'], user: ['alias'], policy: ['name'] },
    output: [],
  },
  'Mobility.DisableUser': {
    kind: 'write',
    summary: 'Disable ActiveSync for a mailbox (removes its devices)',
    input: { organization: ['id'], user: ['alias'] },
    output: [],
  },
  'Mobility.WipeDevice': { kind: 'write', summary: 'Remote-wipe a device', input: { organization: ['id'], user: ['alias'], device: ['id'] }, output: [] },
  'Mobility.GetDevices': { kind: 'read', summary: "List a user's devices", input: { organization: ['id'], user: ['alias'] }, output: ['devices'] },

  // DNS.
  'DNS.CreateZone': {
    kind: 'write',
    summary: 'Create a zone, paused (not served) until published',
    input: { organization: ['id'], zone: ['name'] },
    output: [],
  },
  'DNS.PublishZone': { kind: 'write', summary: 'Publish (serve) a zone; rollback pauses it again', input: { zone: ['name'] }, output: ['serial'] },
  'DNS.DeleteZone': { kind: 'write', summary: 'Delete a zone and its records', input: { zone: ['name'] }, output: [] },
  'DNS.AddRecord': {
    kind: 'write',
    summary: 'Add a record (A, AAAA, CNAME, MX, TXT, SRV); needs the zone',
    input: { zone: ['name'], record: ['name', 'type', 'value', 'ttl?', 'priority?'] },
    output: [],
  },
  'DNS.RemoveRecord': { kind: 'write', summary: 'Remove a record', input: { zone: ['name'], record: ['name', 'type', 'value'] }, output: [] },
  'DNS.GetZone': { kind: 'read', summary: 'Read a zone and its records', input: { zone: ['name'] }, output: ['published', 'records'] },

  // Communications (OCS: IM, presence, SIP, federation, conferencing).
  'Communications.CreateSipDomain': { kind: 'write', summary: 'Create the SIP domain', input: { organization: ['id', 'domain'] }, output: [] },
  'Communications.DeleteSipDomain': {
    kind: 'write',
    summary: 'Delete the SIP domain (must hold no SIP users)',
    input: { organization: ['id', 'domain'] },
    output: [],
  },
  'Communications.EnableUser': {
    kind: 'write',
    summary: 'Enable a user for SIP; needs the directory user and the SIP domain',
    input: { organization: ['id', 'domain'], user: ['alias', 'im?', 'presence?', 'federation?', 'conferencing?'] },
    output: ['sipUri'],
  },
  'Communications.DisableUser': { kind: 'write', summary: 'Disable a SIP user', input: { organization: ['id'], user: ['alias'] }, output: [] },
  'Communications.GetSipUser': {
    kind: 'read',
    summary: 'Read a SIP user',
    input: { organization: ['id'], user: ['alias'] },
    output: ['sipUri', 'federation', 'conferencing'],
  },

  // SharePoint.
  'SharePoint.CreateSiteCollection': {
    kind: 'write',
    summary: 'Create a site collection with a storage quota',
    input: { organization: ['id'], site: ['url', 'title?', 'quotaMb'] },
    output: ['siteId'],
  },
  'SharePoint.DeleteSiteCollection': { kind: 'write', summary: 'Delete a site collection', input: { organization: ['id'], site: ['url'] }, output: [] },
  'SharePoint.SetSiteQuota': {
    kind: 'write',
    summary: 'Change a site collection quota (rollback restores the previous one)',
    input: { organization: ['id'], site: ['url', 'quotaMb'] },
    output: [],
  },
  'SharePoint.GetSite': { kind: 'read', summary: 'Read a site collection', input: { organization: ['id'], site: ['url'] }, output: ['quotaMb', 'title'] },

  // Plans: the catalog's quota ledger and subscription lifecycle.
  'Plans.CommitQuota': { kind: 'write', summary: "Turn the order's quota reservations into usage", input: { order: ['id'] }, output: [] },
  'Plans.ReleaseQuota': {
    kind: 'write',
    summary: 'Release the usage the order frees (removals) or its unused reservations',
    input: { order: ['id'] },
    output: [],
  },
  'Plans.ActivateSubscription': { kind: 'write', summary: 'Mark the subscription active', input: { subscription: ['id'] }, output: [] },
  'Plans.SuspendSubscription': { kind: 'write', summary: 'Mark the subscription suspended', input: { subscription: ['id'] }, output: [] },
  'Plans.CancelSubscription': { kind: 'write', summary: 'Mark the subscription cancelled', input: { subscription: ['id'] }, output: [] },
};

/** Splits a field spec like `ttl?` into its name and whether it is required. */
export function fieldSpec(spec: string): { name: string; required: boolean } {
  return spec.endsWith('?') ? { name: spec.slice(0, -1), required: false } : { name: spec, required: true };
}
