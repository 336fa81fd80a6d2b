import type { UserSettings } from '../decide/decision';
import type { MobilityPolicy, PlanFeatures, RecordRequest, RequestData, SiteRequest, UserRemoval, UserRequest } from '../decide/request-data';
import { el, renderSimpleRequest, type XmlElement } from './xml';

/**
 * The one place orders become XML: a decision's request data, with the ids the store assigned,
 * as a simple request calling the public composite procedure (layouts in
 * src/provisioning/namespaces/README.md). Every value goes through `el`, which escapes it.
 */

export interface RequestIds {
  orderId: string;
  subscriptionId: string;
  organizationId: string;
}

const bool = (b: boolean) => (b ? 'true' : 'false');

function userAttributes(s: UserSettings): Record<string, string | number> {
  return {
    mailboxSizeMb: s.mailboxSizeMb,
    activesync: bool(s.activesync),
    sip: bool(s.sip),
    im: bool(s.im),
    presence: bool(s.presence),
    federation: bool(s.federation),
    conferencing: bool(s.conferencing),
  };
}

/** A user's ActiveSync policy rides on the user (a child `policy`), so each user can have its own. */
const userPolicy = (s: UserSettings) => (s.activesync && s.activesyncPolicy ? [el('policy', { name: s.activesyncPolicy.name })] : []);
const userElement = (u: UserRequest, children: XmlElement[] = [], extra: Record<string, string> = {}) =>
  el('user', { alias: u.alias, displayName: u.displayName, ...userAttributes(u.settings), ...extra }, [...userPolicy(u.settings), ...children]);
const usersElement = (users: XmlElement[]) => el('users', undefined, users);
const removalElement = (u: UserRemoval) => el('user', { alias: u.alias, activesync: bool(u.activesync), sip: bool(u.sip) });
const recordElement = (r: RecordRequest) => el('record', { name: r.name, type: r.type, value: r.value, ttl: r.ttl, priority: r.priority ?? undefined });
const sitesElement = (sites: SiteRequest[]) =>
  el(
    'sites',
    undefined,
    sites.map((s) => el('site', { url: s.url, title: s.title, quotaMb: s.quotaMb })),
  );
const policiesElement = (ps: (Partial<MobilityPolicy> & { name: string })[]) =>
  el(
    'policies',
    undefined,
    ps.map((p) =>
      el('policy', { name: p.name, requirePin: p.requirePin === undefined ? undefined : bool(p.requirePin), maxDevicesPerUser: p.maxDevicesPerUser }),
    ),
  );

function featuresElement(name: string, f: PlanFeatures): XmlElement {
  return el(name, {
    exchange: bool(f.exchange),
    mobility: bool(f.mobility),
    communications: bool(f.communications),
    sharepoint: bool(f.sharepoint),
    federation: bool(f.federation),
    conferencing: bool(f.conferencing),
  });
}

/** The `<data>` children of a request, in the order its procedure's layout lists them. */
export function requestDataElements(r: RequestData, ids: RequestIds): XmlElement[] {
  const order = el('order', { id: ids.orderId });
  const subscription = el('subscription', { id: ids.subscriptionId });
  switch (r.call) {
    case 'Hosted Organization.Subscribe':
      return [
        order,
        subscription,
        el('organization', { id: ids.organizationId, name: r.organization.name, domain: r.organization.domain, resellerId: r.organization.resellerId }),
        featuresElement('features', r.features),
        policiesElement(r.policies),
        el('zone', { name: r.zone.name }, r.zone.records.map(recordElement)),
        sitesElement(r.sites),
        usersElement(r.users.map((u) => userElement(u))),
      ];
    case 'Hosted Organization.ChangePlan':
      return [
        order,
        subscription,
        el('organization', { id: ids.organizationId, name: r.organization.name, domain: r.organization.domain }),
        featuresElement('features', r.features),
        featuresElement('previousFeatures', r.previousFeatures),
        sitesElement(r.sites),
        usersElement(r.users.map((u) => el('user', { alias: u.alias, mailboxSizeMb: u.mailboxSizeMb }))),
      ];
    case 'Hosted Organization.Suspend':
    case 'Hosted Organization.Resume':
      return [
        order,
        subscription,
        el('organization', { id: ids.organizationId }),
        usersElement(r.users.map((u) => el('user', { alias: u.alias, disabled: bool(u.disabled) }))),
      ];
    case 'Hosted Organization.Cancel':
      return [
        order,
        subscription,
        el('organization', { id: ids.organizationId, domain: r.organization.domain }),
        featuresElement('features', r.features),
        policiesElement(r.policies.map((name) => ({ name }))),
        el('zone', { name: r.zone.name }),
        el(
          'sites',
          undefined,
          r.sites.map((s) => el('site', { url: s.url })),
        ),
        usersElement(r.users.map(removalElement)),
      ];
    default:
      return userAndServiceData(r, ids, order);
  }
}

function userAndServiceData(r: RequestData, ids: RequestIds, order: XmlElement): XmlElement[] {
  switch (r.call) {
    case 'Hosted User.AddUsers':
      return [
        order,
        el('organization', { id: ids.organizationId, domain: r.organization.domain }),
        policiesElement(r.policies),
        usersElement(r.users.map((u) => userElement(u))),
      ];
    case 'Hosted User.ChangePlans':
      return [
        order,
        el('organization', { id: ids.organizationId, domain: r.organization.domain }),
        policiesElement(r.policies),
        usersElement(
          r.users.map((u) =>
            userElement(u, [el('previous', { activesync: bool(u.previous.activesync), sip: bool(u.previous.sip) })], u.setPolicy ? { setPolicy: 'true' } : {}),
          ),
        ),
      ];
    case 'Hosted User.RemoveUsers':
      return [order, el('organization', { id: ids.organizationId }), usersElement(r.users.map(removalElement))];
    case 'Hosted DNS.AddRecords':
    case 'Hosted DNS.RemoveRecords':
      return [order, el('zone', { name: r.zone.name }, r.zone.records.map(recordElement))];
    case 'Hosted User.WipeDevice':
      return [order, el('organization', { id: ids.organizationId }), el('user', { alias: r.user.alias }), el('device', { id: r.device.id })];
    case 'Hosted Sites.CreateSite':
    case 'Hosted Sites.DeleteSite':
      return [order, el('organization', { id: ids.organizationId }), el('site', { url: r.site.url, title: r.site.title, quotaMb: r.site.quotaMb })];
    default:
      throw new Error(`no layout for ${r.call}`);
  }
}

/** The XML request of an order. */
export function renderOrderRequest(r: RequestData, ids: RequestIds): string {
  const dot = r.call.indexOf('.');
  return renderSimpleRequest({ namespace: r.call.slice(0, dot), procedure: r.call.slice(dot + 1) }, requestDataElements(r, ids));
}
