import type { AppConfig } from './app-config';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Every environment variable Provisio reads: its AppConfig field, how it is parsed, its default and
 * what it does (`provisio config` and the README's configuration table are written from this list).
 */
export interface VariableSpec {
  env: string;
  field: keyof AppConfig;
  kind: 'int' | 'string' | 'duration' | 'bool';
  default?: string;
  description: string;
}

export const CONFIG_VARIABLES: VariableSpec[] = [
  { env: 'PORT', field: 'port', kind: 'int', default: '3000', description: 'HTTP port of the API' },
  { env: 'HOST', field: 'host', kind: 'string', default: '127.0.0.1', description: 'interface the API listens on (0.0.0.0 in containers)' },
  {
    env: 'DATABASE_URL',
    field: 'databaseUrl',
    kind: 'string',
    description: 'external PostgreSQL as the runtime role (API, engines); unset = embedded PostgreSQL in DATA_DIR/pg',
  },
  {
    env: 'DATABASE_OWNER_URL',
    field: 'databaseOwnerUrl',
    kind: 'string',
    description: 'external PostgreSQL as the owner role, for migrations only; unset = DATABASE_URL',
  },
  { env: 'ENGINES', field: 'engines', kind: 'int', default: '2', description: 'engine child processes started by `all`' },
  { env: 'LOG_LEVEL', field: 'logLevel', kind: 'string', default: 'info', description: LOG_LEVELS.join(', ') },
  { env: 'DATA_DIR', field: 'dataDir', kind: 'string', default: '.provisio', description: 'local state: embedded database, bootstrap token, audit key' },
  { env: 'EMBEDDED_PG_PORT', field: 'embeddedPgPort', kind: 'int', default: '0', description: 'port of the embedded PostgreSQL (0 = free port, remembered)' },
  { env: 'TOKEN_DEFAULT_TTL', field: 'tokenDefaultTtlMs', kind: 'duration', default: '90d', description: 'default lifetime of personal tokens' },
  { env: 'TOKEN_MAX_TTL', field: 'tokenMaxTtlMs', kind: 'duration', default: '2y', description: 'longest lifetime of a personal token' },
  { env: 'DELEGATED_TOKEN_TTL', field: 'delegatedTokenTtlMs', kind: 'duration', default: '1h', description: 'default lifetime of delegated admin tokens' },
  {
    env: 'DELEGATION_REQUEST_TTL',
    field: 'delegationRequestTtlMs',
    kind: 'duration',
    default: '7d',
    description: 'how long an unapproved delegation stays pending',
  },
  {
    env: 'DATABASE_LOCK_TIMEOUT',
    field: 'databaseLockTimeoutMs',
    kind: 'duration',
    default: '2s',
    description: 'longest wait of an API request for a row lock; then 409 CONFLICT with Retry-After',
  },
  { env: 'RATE_LIMIT_MAX', field: 'rateLimitMax', kind: 'int', default: '6000', description: 'requests per valid token per window (0 = rate limiting off)' },
  {
    env: 'RATE_LIMIT_ADDRESS_MAX',
    field: 'rateLimitAddressMax',
    kind: 'int',
    default: '600',
    description: 'requests per client address per window without a valid token (anonymous, unknown or revoked tokens), counted before any token lookup',
  },
  { env: 'RATE_LIMIT_WINDOW', field: 'rateLimitWindowMs', kind: 'duration', default: '1m', description: 'rate limit window' },
  {
    env: 'ENGINE_LEASE_TTL',
    field: 'engineLeaseTtlMs',
    kind: 'duration',
    default: '2s',
    description: 'run lease ttl; heartbeat every ttl/3; runs of a dead engine are taken over after it',
  },
  { env: 'ENGINE_CONCURRENCY', field: 'engineConcurrency', kind: 'int', default: '16', description: 'runs one engine executes at once' },
  {
    env: 'ENGINE_POLL_INTERVAL',
    field: 'enginePollIntervalMs',
    kind: 'duration',
    default: '500ms',
    description: 'polling fallback when no NOTIFY arrives (also how soon expired leases are noticed)',
  },
  { env: 'MAX_WAIT_SECONDS', field: 'maxWaitSeconds', kind: 'int', default: '60', description: 'upper bound of ?wait= long polls' },
  { env: 'AUDIT_CHECKPOINT_EVENTS', field: 'auditCheckpointEvents', kind: 'int', default: '1000', description: 'signed checkpoint every N audit events' },
  {
    env: 'AUDIT_CHECKPOINT_INTERVAL',
    field: 'auditCheckpointIntervalMs',
    kind: 'duration',
    default: '5m',
    description: '...or every T when there are new events',
  },
  {
    env: 'AUDIT_SIGNING_KEY',
    field: 'auditSigningKey',
    kind: 'string',
    description: 'Ed25519 private key (PEM or base64 PKCS#8); generated in DATA_DIR when unset',
  },
  {
    env: 'LAB_ENABLED',
    field: 'labEnabled',
    kind: 'bool',
    default: 'true',
    description: "the lab's operator routes (/v1/lab: platform state, fault injection), mounted when some namespace uses the lab",
  },
  { env: 'PROVIDER_DIRECTORY', field: 'providerDirectory', kind: 'string', default: 'lab', description: 'provider of the Directory namespace (OU, users)' },
  {
    env: 'PROVIDER_EXCHANGE',
    field: 'providerExchange',
    kind: 'string',
    default: 'lab',
    description: 'provider of the Exchange namespace (mail organization, accepted domains, mailboxes)',
  },
  {
    env: 'PROVIDER_MOBILITY',
    field: 'providerMobility',
    kind: 'string',
    default: 'lab',
    description: 'provider of the Mobility namespace (ActiveSync policies, devices)',
  },
  { env: 'PROVIDER_DNS', field: 'providerDns', kind: 'string', default: 'lab', description: 'provider of the DNS namespace (zones, records)' },
  {
    env: 'PROVIDER_COMMUNICATIONS',
    field: 'providerCommunications',
    kind: 'string',
    default: 'lab',
    description: 'provider of the Communications namespace (SIP domains, IM/presence users)',
  },
  {
    env: 'PROVIDER_SHAREPOINT',
    field: 'providerSharePoint',
    kind: 'string',
    default: 'lab',
    description: 'provider of the SharePoint namespace (site collections)',
  },
  { env: 'LDAP_URL', field: 'ldapUrl', kind: 'string', description: 'ldap provider: ldap://host:port of the directory' },
  { env: 'LDAP_BIND_DN', field: 'ldapBindDn', kind: 'string', description: 'ldap provider: DN Provisio binds as' },
  { env: 'LDAP_BIND_PASSWORD', field: 'ldapBindPassword', kind: 'string', description: 'ldap provider: its password (or LDAP_BIND_PASSWORD_FILE)' },
  { env: 'LDAP_BIND_PASSWORD_FILE', field: 'ldapBindPasswordFile', kind: 'string', description: 'ldap provider: file holding the password' },
  { env: 'LDAP_BASE_DN', field: 'ldapBaseDn', kind: 'string', description: 'ldap provider: base DN (tenants under ou=Hosting,<base>)' },
  { env: 'LDAP_TIMEOUT', field: 'ldapTimeoutMs', kind: 'duration', default: '10s', description: 'ldap provider: timeout of each LDAP operation' },
  { env: 'PDNS_API_URL', field: 'pdnsApiUrl', kind: 'string', description: 'powerdns provider: http://host:port of the PowerDNS API' },
  { env: 'PDNS_API_KEY', field: 'pdnsApiKey', kind: 'string', description: 'powerdns provider: API key (or PDNS_API_KEY_FILE)' },
  { env: 'PDNS_API_KEY_FILE', field: 'pdnsApiKeyFile', kind: 'string', description: 'powerdns provider: file holding the API key' },
  { env: 'PDNS_SERVER_ID', field: 'pdnsServerId', kind: 'string', default: 'localhost', description: 'powerdns provider: server id in the API' },
  { env: 'PDNS_NAMESERVERS', field: 'pdnsNameservers', kind: 'string', description: 'powerdns provider: name servers of new zones, comma-separated' },
  { env: 'PDNS_SOA_CONTACT', field: 'pdnsSoaContact', kind: 'string', description: 'powerdns provider: SOA contact of new zones (hostmaster@example.net)' },
  { env: 'PDNS_TIMEOUT', field: 'pdnsTimeoutMs', kind: 'duration', default: '10s', description: 'powerdns provider: timeout of each API call' },
  { env: 'MAIL_SMTP_URL', field: 'mailSmtpUrl', kind: 'string', description: 'mail provider: smtp://host:port of Postfix (probed by /health/ready)' },
  { env: 'MAIL_IMAP_URL', field: 'mailImapUrl', kind: 'string', description: 'mail provider: imap://host:port of Dovecot (probed by /health/ready)' },
  {
    env: 'MAIL_ALL_USERS_LIST',
    field: 'mailAllUsersList',
    kind: 'string',
    default: 'all-users',
    description: "mail provider: local part of each organization's All Users list (`none`: no list)",
  },
  { env: 'XMPP_API_URL', field: 'xmppApiUrl', kind: 'string', description: "xmpp provider: ejabberd's admin API, http://host:port/api" },
  {
    env: 'XMPP_API_TOKEN',
    field: 'xmppApiToken',
    kind: 'string',
    description: 'xmpp provider: bearer token for the API, when it asks for one (or XMPP_API_TOKEN_FILE)',
  },
  { env: 'XMPP_API_TOKEN_FILE', field: 'xmppApiTokenFile', kind: 'string', description: 'xmpp provider: file holding the token' },
  { env: 'XMPP_HOSTS_FILE', field: 'xmppHostsFile', kind: 'string', description: 'xmpp provider: the vhosts file ejabberd includes (the engines rewrite it)' },
  { env: 'XMPP_TIMEOUT', field: 'xmppTimeoutMs', kind: 'duration', default: '10s', description: 'xmpp provider: timeout of each API call' },
  {
    env: 'PLATFORM_RECYCLE_RETENTION',
    field: 'platformRetentionMs',
    kind: 'duration',
    default: '7d',
    description: 'real platforms: how long deleted objects wait in recycle bins for a rollback',
  },
  {
    env: 'METRICS_TOKEN',
    field: 'metricsToken',
    kind: 'string',
    description: 'bearer token required by GET /metrics (unset and METRICS_PUBLIC=false = /metrics answers 404)',
  },
  { env: 'METRICS_PUBLIC', field: 'metricsPublic', kind: 'bool', default: 'false', description: 'serve GET /metrics without a token' },
  { env: 'TRUST_PROXY', field: 'trustProxy', kind: 'bool', default: 'false', description: 'trust X-Forwarded-* headers' },
  { env: 'PLATFORM_MX_HOST', field: 'platformMxHost', kind: 'string', default: 'mx1.mail.provisio.example', description: 'MX of every subscribed domain' },
  {
    env: 'PLATFORM_AUTODISCOVER_HOST',
    field: 'platformAutodiscoverHost',
    kind: 'string',
    default: 'autodiscover.mail.provisio.example',
    description: "target of each domain's `autodiscover` CNAME",
  },
  {
    env: 'PLATFORM_SIP_HOST',
    field: 'platformSipHost',
    kind: 'string',
    default: 'sip.provisio.example',
    description: 'target of the SIP SRV and CNAME records (communications)',
  },
  {
    env: 'PLATFORM_SPF_INCLUDE',
    field: 'platformSpfInclude',
    kind: 'string',
    default: 'spf.mail.provisio.example',
    description: "domain included by each domain's SPF record",
  },
  {
    env: 'PLATFORM_SITES_DOMAIN',
    field: 'platformSitesDomain',
    kind: 'string',
    default: 'sites.provisio.example',
    description: 'site collections live at `https://<customer>.<this>/sites/…`',
  },

  {
    env: 'CORS_ORIGINS',
    field: 'corsOrigins',
    kind: 'string',
    description: 'origins allowed to call the API from a browser, comma-separated (`*` = any); unset = CORS off',
  },
];
