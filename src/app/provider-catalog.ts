import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config';
import { createLabProvider, LAB_NAMESPACES } from '../provisioning/providers/lab';
import type { ProviderNamespace } from '../provisioning/providers/leaves';
import { createLdapProvider } from '../provisioning/providers/ldap/ldap-provider';
import { createMailProvider } from '../provisioning/providers/mail/mail-provider';
import { mailSettings, mailSettingsProblems } from '../provisioning/providers/mail/mail-settings';
import { ldapSettings, ldapSettingsProblems } from '../provisioning/providers/ldap/ldap-settings';
import { createPowerDnsProvider } from '../provisioning/providers/powerdns/powerdns-provider';
import { powerDnsSettings, powerDnsSettingsProblems } from '../provisioning/providers/powerdns/powerdns-settings';
import type { Provider } from '../provisioning/providers/provider';
import { createXmppProvider } from '../provisioning/providers/xmpp/xmpp-provider';
import { xmppSettings, xmppSettingsProblems } from '../provisioning/providers/xmpp/xmpp-settings';

/** What a provider factory gets in the process that builds it (API or engine). */
export interface ProviderSetup {
  config: AppConfig;
  /** A pool on Provisio's database, for providers whose store lives there (the lab). */
  pool: Pool;
  log: Logger;
}

/**
 * A provider that `PROVIDER_<NAMESPACE>=<name>` may choose. `check` validates its own settings
 * (AppConfig fields it needs when chosen), returning one problem per bad variable, each starting
 * with `VARIABLE=`: start-up then fails listing them with every other bad variable.
 */
export interface ProviderFactory {
  name: string;
  /** The namespaces it can serve. */
  namespaces: readonly ProviderNamespace[];
  check?(config: AppConfig): string[];
  /** Builds it for the namespaces chosen for it (a subset of `namespaces`); it must not connect yet. */
  create(setup: ProviderSetup, namespaces: ProviderNamespace[]): Provider;
}

/**
 * Every provider a namespace can be configured with. A driver registers with one line here
 * (its factory next to its code); the `Plans` namespace is the catalog's and always wired.
 */
export const PROVIDER_CATALOG: readonly ProviderFactory[] = [
  { name: 'lab', namespaces: LAB_NAMESPACES, create: ({ pool }, namespaces) => createLabProvider(pool, { namespaces }) },
  { name: 'ldap', namespaces: ['Directory'], check: ldapSettingsProblems, create: ({ config }) => createLdapProvider(ldapSettings(config)) },
  { name: 'powerdns', namespaces: ['DNS'], check: powerDnsSettingsProblems, create: ({ config }) => createPowerDnsProvider(powerDnsSettings(config)) },
  { name: 'mail', namespaces: ['Exchange'], check: mailSettingsProblems, create: ({ config }) => createMailProvider(mailSettings(config)) },
  { name: 'xmpp', namespaces: ['Communications'], check: xmppSettingsProblems, create: ({ config }) => createXmppProvider(xmppSettings(config)) },
];
