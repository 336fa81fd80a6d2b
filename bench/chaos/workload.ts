import { newId } from '../../src/common/ids';
import type { LabInventory } from '../../src/provisioning/providers/lab';

/**
 * The chaos workload: requests for fresh organizations of the lab platform, each asking for a
 * known set of objects, so the check after the storm is exact: a completed request's organization
 * holds exactly its objects, a failed one's holds nothing.
 */
export interface ChaosRequest {
  index: number;
  /** The lab organization the request provisions (unique per request). */
  orgId: string;
  kind: 'users' | 'mail' | 'dns';
  xml: string;
  /** Serialization key, for some requests (several requests share one). */
  serializationKey?: string;
  /** Objects the lab must hold for this organization when the run completed. */
  expected: Partial<LabInventory>;
}

const ALIASES = ['ann', 'bob', 'cy', 'dee', 'eve'];

function users(n: number): string {
  return ALIASES.slice(0, n)
    .map((a) => `<user alias="${a}" displayName="User ${a}" mailboxSizeMb="${256 * (1 + ALIASES.indexOf(a))}"/>`)
    .join('');
}

const orgStep = `
    <execute namespace="Directory" procedure="CreateOrganization">
      <before source="data" sourcePath="organization" mode="insert"/>
    </execute>`;

const userSteps = (withMailbox: boolean) => `
    <forEach name="u" root="data" path="users/user">
      ${
        withMailbox
          ? `<execute namespace="Hosted User" procedure="Create">
        <before source="data" sourcePath="organization" mode="insert"/>
        <before source="u" mode="insert"/>
      </execute>`
          : `<execute namespace="Directory" procedure="CreateUser">
        <before source="data" sourcePath="organization/@id | organization/@domain" destinationPath="organization" mode="merge"/>
        <before source="u" sourcePath="@alias | @displayName" destinationPath="user" mode="merge"/>
      </execute>`
      }
    </forEach>`;

export function chaosRequest(index: number, random: () => number = Math.random): ChaosRequest {
  const orgId = newId('org');
  const domain = `chaos-${orgId.slice(4, 20)}.example`;
  const pick = random();
  const n = 1 + Math.floor(random() * 3);
  if (pick < 0.4) {
    return {
      index,
      orgId,
      kind: 'users',
      xml: `<request xmlns="urn:provisio:request:1">
  <data><organization id="${orgId}" name="Chaos ${index}" domain="${domain}"/><users>${users(n)}</users></data>
  <procedure>${orgStep}${userSteps(false)}
  </procedure>
</request>`,
      expected: { ous: 1, users: n },
    };
  }
  if (pick < 0.8) {
    return {
      index,
      orgId,
      kind: 'mail',
      xml: `<request xmlns="urn:provisio:request:1">
  <data><organization id="${orgId}" name="Chaos ${index}" domain="${domain}"/><users>${users(n)}</users>
    <site url="https://${domain}/sites/team" title="Team" quotaMb="100"/></data>
  <procedure>${orgStep}
    <execute namespace="Exchange" procedure="EnableOrganization">
      <before source="data" sourcePath="organization/@id | organization/@name" destinationPath="organization" mode="merge"/>
    </execute>
    <execute namespace="Exchange" procedure="AddAcceptedDomain">
      <before source="data" sourcePath="organization/@id | organization/@domain" destinationPath="organization" mode="merge"/>
    </execute>${userSteps(true)}
    <execute namespace="SharePoint" procedure="CreateSiteCollection">
      <before source="data" sourcePath="organization/@id" destinationPath="organization" mode="merge"/>
      <before source="data" sourcePath="site" mode="insert"/>
    </execute>
  </procedure>
</request>`,
      expected: { ous: 1, exchangeOrganizations: 1, acceptedDomains: 1, users: n, mailboxes: n, siteCollections: 1 },
    };
  }
  const records = ['www', 'mail', 'ftp']
    .slice(0, n)
    .map((r, i) => `<record name="${r}" type="A" value="192.0.2.${10 + i}" ttl="300"/>`)
    .join('');
  return {
    index,
    orgId,
    kind: 'dns',
    // DNS requests of the same group share a serialization key: they run one at a time, in order.
    serializationKey: `chaos-dns-${index % 7}`,
    xml: `<request xmlns="urn:provisio:request:1">
  <data><organization id="${orgId}" name="Chaos ${index}" domain="${domain}"/><zone name="${domain}">${records}</zone></data>
  <procedure>
    <execute namespace="DNS" procedure="CreateZone">
      <before source="data" sourcePath="organization/@id" destinationPath="organization" mode="merge"/>
      <before source="data" sourcePath="zone/@name" destinationPath="zone" mode="merge"/>
    </execute>
    <forEach name="r" root="data" path="zone/record">
      <execute namespace="DNS" procedure="AddRecord">
        <before source="data" sourcePath="zone/@name" destinationPath="zone" mode="merge"/>
        <before source="r" mode="insert"/>
      </execute>
    </forEach>
    <execute namespace="DNS" procedure="PublishZone">
      <before source="data" sourcePath="zone/@name" destinationPath="zone" mode="merge"/>
    </execute>
  </procedure>
</request>`,
    expected: { zones: 1, records: n },
  };
}
