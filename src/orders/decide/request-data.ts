import type { ActiveSyncPolicy, UserSettings } from './decision';

/**
 * What an order asks the platform to do, in the words of the composite namespace procedure it
 * calls (src/provisioning/namespaces/README.md has the layouts). Decisions build it; the renderer
 * (../render/request-renderer.ts) adds the ids and writes the XML.
 */

/** The services and grants of an organization plan, as the namespaces test them. */
export interface PlanFeatures {
  exchange: boolean;
  mobility: boolean;
  communications: boolean;
  sharepoint: boolean;
  federation: boolean;
  conferencing: boolean;
}

/** An ActiveSync policy the order makes sure exists (creating one that exists changes nothing). */
export type MobilityPolicy = ActiveSyncPolicy;

export interface UserRequest {
  alias: string;
  displayName?: string;
  settings: UserSettings;
}

export interface RecordRequest {
  name: string;
  type: string;
  value: string;
  ttl?: number;
  priority?: number | null;
}

export interface SiteRequest {
  url: string;
  title?: string;
  quotaMb?: number;
}

/** A user as removals see it: which services to take away. */
export interface UserRemoval {
  alias: string;
  activesync: boolean;
  sip: boolean;
}

export type RequestData =
  | {
      call: 'Hosted Organization.Subscribe';
      /** `resellerId`: the customer's reseller, so a directory can place its OU under the reseller's. */
      organization: { name: string; domain: string; resellerId?: string };
      features: PlanFeatures;
      policies: MobilityPolicy[];
      zone: { name: string; records: RecordRequest[] };
      sites: SiteRequest[];
      users: UserRequest[];
    }
  | {
      call: 'Hosted Organization.ChangePlan';
      organization: { name: string; domain: string };
      features: PlanFeatures;
      previousFeatures: PlanFeatures;
      sites: SiteRequest[];
      users: { alias: string; mailboxSizeMb: number }[];
    }
  | { call: 'Hosted Organization.Suspend' | 'Hosted Organization.Resume'; users: { alias: string; disabled: boolean }[] }
  | {
      call: 'Hosted Organization.Cancel';
      organization: { domain: string };
      features: PlanFeatures;
      /** Every policy the customer's users were given, to delete (deleting one that is gone changes nothing). */
      policies: string[];
      zone: { name: string };
      sites: SiteRequest[];
      users: UserRemoval[];
    }
  | { call: 'Hosted User.AddUsers'; organization: { domain: string }; policies: MobilityPolicy[]; users: UserRequest[] }
  | {
      call: 'Hosted User.ChangePlans';
      organization: { domain: string };
      policies: MobilityPolicy[];
      /** `setPolicy`: the user keeps ActiveSync and moves to another policy. */
      users: (UserRequest & { previous: { activesync: boolean; sip: boolean }; setPolicy: boolean })[];
    }
  | { call: 'Hosted User.RemoveUsers'; users: UserRemoval[] }
  | { call: 'Hosted DNS.AddRecords' | 'Hosted DNS.RemoveRecords'; zone: { name: string; records: RecordRequest[] } }
  | { call: 'Hosted Sites.CreateSite' | 'Hosted Sites.DeleteSite'; site: SiteRequest }
  | { call: 'Hosted User.WipeDevice'; user: { alias: string }; device: { id: string } };

export type RequestCall = RequestData['call'];
