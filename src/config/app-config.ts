import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, validateSync } from 'class-validator';
import * as path from 'node:path';
import { parseDuration } from './duration';

const PROVIDER_NAME = /^[a-z][a-z0-9-]{0,31}$/;
const PROVIDER_NAME_MESSAGE = 'must be a provider name such as lab';
/** A DNS host name: letters, digits and hyphens in dot-separated labels (lower case). */
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The one configuration of a Provisio process, read from the environment once at boot.
 * Every field documents the variable it comes from; `describeConfig()` renders the README table.
 */
export class AppConfig {
  /** HTTP port of the API (`serve`, `all`). */
  @IsInt()
  @Min(0)
  @Max(65535)
  port: number;

  /** Interface the API listens on. */
  @IsString()
  @MaxLength(255)
  host: string;

  /** PostgreSQL connection string; when unset an embedded PostgreSQL is started under DATA_DIR/pg. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// or postgresql:// URL' })
  databaseUrl?: string;

  /**
   * PostgreSQL connection string of the owner role, used only to run migrations (and grant the
   * runtime role of DATABASE_URL its rights); unset = migrations run as DATABASE_URL's role.
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// or postgresql:// URL' })
  databaseOwnerUrl?: string;

  /** Number of engine child processes `all` starts and supervises. */
  @IsInt()
  @Min(0)
  @Max(64)
  engines: number;

  @IsIn(LOG_LEVELS)
  logLevel: LogLevel;

  /** Directory for local state: embedded database, bootstrap token, audit signing key. */
  @IsString()
  @MaxLength(1024)
  dataDir: string;

  /** Port of the embedded PostgreSQL (0 = pick a free port, remembered in DATA_DIR). */
  @IsInt()
  @Min(0)
  @Max(65535)
  embeddedPgPort: number;

  /** Default lifetime of personal tokens (ms). */
  @IsInt()
  @Min(60_000)
  tokenDefaultTtlMs: number;

  /** Longest lifetime a personal token may be given (ms). */
  @IsInt()
  @Min(60_000)
  tokenMaxTtlMs: number;

  /** Default lifetime of delegated admin tokens (ms); never past the delegation's end. */
  @IsInt()
  @Min(60_000)
  delegatedTokenTtlMs: number;

  /** How long an unapproved delegation request stays pending (ms). */
  @IsInt()
  @Min(60_000)
  delegationRequestTtlMs: number;

  /** Requests per token per window; 0 disables rate limiting. */
  @IsInt()
  @Min(0)
  rateLimitMax: number;

  /**
   * How long an API statement waits for a row lock before the request is answered 409 CONFLICT
   * with Retry-After (PostgreSQL `lock_timeout`; never `statement_timeout`, which could cancel
   * the wait of a COMMIT for its synchronous standby).
   */
  @IsInt()
  @Min(10)
  @Max(60_000)
  databaseLockTimeoutMs: number;

  /** Requests per client address per window that have not proven a valid token (anonymous, invalid token). */
  @IsInt()
  @Min(1)
  rateLimitAddressMax: number;

  @IsInt()
  @Min(1000)
  rateLimitWindowMs: number;

  /** Engine lease time-to-live (ms); heartbeats run every ttl/3, failover within about one ttl. */
  @IsInt()
  @Min(300)
  @Max(600_000)
  engineLeaseTtlMs: number;

  /** Runs one engine executes at once. */
  @IsInt()
  @Min(1)
  @Max(256)
  engineConcurrency: number;

  /** Polling fallback when no NOTIFY arrives (ms). */
  @IsInt()
  @Min(50)
  @Max(600_000)
  enginePollIntervalMs: number;

  /** Seconds `GET /v1/orders/{id}?wait=` may block at most. */
  @IsInt()
  @Min(0)
  @Max(300)
  maxWaitSeconds: number;

  /** Write a signed audit checkpoint after this many events. */
  @IsInt()
  @Min(1)
  auditCheckpointEvents: number;

  /** ...or after this much time with new events (ms). */
  @IsInt()
  @Min(1000)
  auditCheckpointIntervalMs: number;

  /** Ed25519 private key (PKCS#8 PEM or base64 DER) for audit checkpoints; generated into DATA_DIR when unset. */
  @IsOptional()
  @IsString()
  auditSigningKey?: string;

  /**
   * The lab's operator routes (/v1/lab: platform state, fault injection), mounted when this is
   * true and some namespace uses the lab. Which namespaces the lab serves is PROVIDER_*.
   */
  @IsBoolean()
  labEnabled: boolean;

  /** Provider of each configurable leaf namespace (`PROVIDER_<NAMESPACE>`), by name in the composition root's catalog. */
  @Matches(PROVIDER_NAME, { message: PROVIDER_NAME_MESSAGE })
  providerDirectory: string;

  @Matches(PROVIDER_NAME, { message: PROVIDER_NAME_MESSAGE })
  providerExchange: string;

  @Matches(PROVIDER_NAME, { message: PROVIDER_NAME_MESSAGE })
  providerMobility: string;

  @Matches(PROVIDER_NAME, { message: PROVIDER_NAME_MESSAGE })
  providerDns: string;

  @Matches(PROVIDER_NAME, { message: PROVIDER_NAME_MESSAGE })
  providerCommunications: string;

  @Matches(PROVIDER_NAME, { message: PROVIDER_NAME_MESSAGE })
  providerSharePoint: string;

  // Real platforms (README "Real platforms"): checked by their providers when chosen.
  /** Directory on OpenLDAP (`PROVIDER_DIRECTORY=ldap`). Secrets are never validated by value, so never echoed. */
  @IsOptional() @IsString()
  ldapUrl?: string;

  @IsOptional() @IsString()
  ldapBindDn?: string;

  @IsOptional() @IsString()
  ldapBindPassword?: string;

  @IsOptional() @IsString()
  ldapBindPasswordFile?: string;

  @IsOptional() @IsString()
  ldapBaseDn?: string;

  @IsInt() @Min(100) @Max(600_000)
  ldapTimeoutMs: number;

  /** DNS on PowerDNS Authoritative (`PROVIDER_DNS=powerdns`). */
  @IsOptional() @IsString()
  pdnsApiUrl?: string;

  @IsOptional() @IsString()
  pdnsApiKey?: string;

  @IsOptional() @IsString()
  pdnsApiKeyFile?: string;

  @IsString()
  pdnsServerId: string;

  @IsOptional() @IsString()
  pdnsNameservers?: string;

  @IsOptional() @IsString()
  pdnsSoaContact?: string;

  @IsInt() @Min(100) @Max(600_000)
  pdnsTimeoutMs: number;

  /** Exchange on Postfix + Dovecot (`PROVIDER_EXCHANGE=mail`); they read the directory of `LDAP_*`. */
  @IsOptional() @IsString()
  mailSmtpUrl?: string;

  @IsOptional() @IsString()
  mailImapUrl?: string;

  @IsString() @MaxLength(64)
  mailAllUsersList: string;

  /** Communications on ejabberd (`PROVIDER_COMMUNICATIONS=xmpp`), users from the directory of `LDAP_*`. */
  @IsOptional() @IsString()
  xmppApiUrl?: string;

  @IsOptional() @IsString()
  xmppApiToken?: string;

  @IsOptional() @IsString()
  xmppApiTokenFile?: string;

  @IsOptional() @IsString()
  xmppHostsFile?: string;

  @IsInt() @Min(100) @Max(600_000)
  xmppTimeoutMs: number;

  /** How long real platforms keep what a rollback may need (recycle bins, undo memories). */
  @IsInt() @Min(60_000)
  platformRetentionMs: number;

  /** When set, GET /metrics requires `Authorization: Bearer <this value>`. */
  @IsOptional()
  @IsString()
  @MaxLength(512)
  metricsToken?: string;

  /** Serve GET /metrics without a token (only where the network already restricts who reaches it). */
  @IsBoolean()
  metricsPublic: boolean;

  /** Trust X-Forwarded-* headers (behind a reverse proxy). */
  @IsBoolean()
  trustProxy: boolean;

  /** The hoster's platform as customers' zones point at it: the MX of every subscribed domain. */
  @Matches(HOST_NAME, { message: 'must be a host name' })
  platformMxHost: string;

  /** Target of every subscribed domain's `autodiscover` CNAME. */
  @Matches(HOST_NAME, { message: 'must be a host name' })
  platformAutodiscoverHost: string;

  /** Target of the SIP SRV and CNAME records of domains with communications. */
  @Matches(HOST_NAME, { message: 'must be a host name' })
  platformSipHost: string;

  /** The domain included by every subscribed domain's SPF record. */
  @Matches(HOST_NAME, { message: 'must be a host name' })
  platformSpfInclude: string;

  /** Site collections live at https://<customer>.<this domain>/sites/… */
  @Matches(HOST_NAME, { message: 'must be a host name' })
  platformSitesDomain: string;

  /** Origins allowed to call the API from a browser (comma-separated, `*` = any); empty = CORS off. */
  @IsOptional() @IsString() @MaxLength(4096)
  corsOrigins?: string;

  get resolvedDataDir(): string {
    return path.resolve(this.dataDir);
  }
}

interface VariableSpec {
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
  { env: 'PROVIDER_COMMUNICATIONS', field: 'providerCommunications', kind: 'string', default: 'lab', description: 'provider of the Communications namespace (SIP domains, IM/presence users)' },
  { env: 'PROVIDER_SHAREPOINT', field: 'providerSharePoint', kind: 'string', default: 'lab', description: 'provider of the SharePoint namespace (site collections)' },
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
  { env: 'MAIL_ALL_USERS_LIST', field: 'mailAllUsersList', kind: 'string', default: 'all-users', description: 'mail provider: local part of each organization\'s All Users list (`none`: no list)' },
  { env: 'XMPP_API_URL', field: 'xmppApiUrl', kind: 'string', description: 'xmpp provider: ejabberd\'s admin API, http://host:port/api' },
  { env: 'XMPP_API_TOKEN', field: 'xmppApiToken', kind: 'string', description: 'xmpp provider: bearer token for the API, when it asks for one (or XMPP_API_TOKEN_FILE)' },
  { env: 'XMPP_API_TOKEN_FILE', field: 'xmppApiTokenFile', kind: 'string', description: 'xmpp provider: file holding the token' },
  { env: 'XMPP_HOSTS_FILE', field: 'xmppHostsFile', kind: 'string', description: 'xmpp provider: the vhosts file ejabberd includes (the engines rewrite it)' },
  { env: 'XMPP_TIMEOUT', field: 'xmppTimeoutMs', kind: 'duration', default: '10s', description: 'xmpp provider: timeout of each API call' },
  { env: 'PLATFORM_RECYCLE_RETENTION', field: 'platformRetentionMs', kind: 'duration', default: '7d', description: 'real platforms: how long deleted objects wait in recycle bins for a rollback' },
  { env: 'METRICS_TOKEN', field: 'metricsToken', kind: 'string', description: 'bearer token required by GET /metrics (unset and METRICS_PUBLIC=false = /metrics answers 404)' },
  { env: 'METRICS_PUBLIC', field: 'metricsPublic', kind: 'bool', default: 'false', description: 'serve GET /metrics without a token' },
  { env: 'TRUST_PROXY', field: 'trustProxy', kind: 'bool', default: 'false', description: 'trust X-Forwarded-* headers' },
  { env: 'PLATFORM_MX_HOST', field: 'platformMxHost', kind: 'string', default: 'mx1.mail.provisio.example', description: 'MX of every subscribed domain' },
  { env: 'PLATFORM_AUTODISCOVER_HOST', field: 'platformAutodiscoverHost', kind: 'string', default: 'autodiscover.mail.provisio.example', description: 'target of each domain\'s `autodiscover` CNAME' },
  { env: 'PLATFORM_SIP_HOST', field: 'platformSipHost', kind: 'string', default: 'sip.provisio.example', description: 'target of the SIP SRV and CNAME records (communications)' },
  { env: 'PLATFORM_SPF_INCLUDE', field: 'platformSpfInclude', kind: 'string', default: 'spf.mail.provisio.example', description: 'domain included by each domain\'s SPF record' },
  { env: 'PLATFORM_SITES_DOMAIN', field: 'platformSitesDomain', kind: 'string', default: 'sites.provisio.example', description: 'site collections live at `https://<customer>.<this>/sites/…`' },

  { env: 'CORS_ORIGINS', field: 'corsOrigins', kind: 'string', description: 'origins allowed to call the API from a browser, comma-separated (`*` = any); unset = CORS off' },
];

/** The `PROVIDER_<NAMESPACE>` setting of each configurable leaf namespace. */
export const PROVIDER_SETTINGS = {
  Directory: 'providerDirectory',
  Exchange: 'providerExchange',
  Mobility: 'providerMobility',
  DNS: 'providerDns',
  Communications: 'providerCommunications',
  SharePoint: 'providerSharePoint',
} as const satisfies Record<string, keyof AppConfig>;

/** The environment variable behind a field (for messages). */
export function envNameOf(field: keyof AppConfig): string {
  return CONFIG_VARIABLES.find((s) => s.field === field)?.env ?? String(field);
}

/**
 * A check across variables, run by loadConfig after each variable was validated on its own. Each
 * problem starts with the variable it is about (`PROVIDER_DNS="x": …`); problems about a variable
 * that is already reported as invalid are dropped.
 */
export type ConfigCheck = (config: AppConfig, env: NodeJS.ProcessEnv) => string[];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Reads and validates the environment; throws ConfigError listing every bad variable at once.
 * `checks` add cross-variable rules (the composition root's provider selection and settings).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, checks: readonly ConfigCheck[] = []): AppConfig {
  const raw: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const spec of CONFIG_VARIABLES) {
    const given = env[spec.env];
    const value = given === undefined || given === '' ? spec.default : given;
    if (value === undefined) continue;
    switch (spec.kind) {
      case 'int': {
        if (!/^-?\d+$/.test(value.trim())) problems.push(`${spec.env}=${JSON.stringify(value)}: must be an integer`);
        else raw[spec.field] = Number(value);
        break;
      }
      case 'duration': {
        const ms = parseDuration(value);
        if (ms === undefined) problems.push(`${spec.env}=${JSON.stringify(value)}: must be a duration such as 500ms, 30s, 5m, 1h, 90d`);
        else raw[spec.field] = ms;
        break;
      }
      case 'bool': {
        const v = value.trim().toLowerCase();
        if (['1', 'true', 'yes', 'on'].includes(v)) raw[spec.field] = true;
        else if (['0', 'false', 'no', 'off'].includes(v)) raw[spec.field] = false;
        else problems.push(`${spec.env}=${JSON.stringify(value)}: must be true or false`);
        break;
      }
      default:
        raw[spec.field] = value;
    }
  }
  const config = plainToInstance(AppConfig, raw);
  for (const error of validateSync(config, { forbidUnknownValues: false })) {
    const spec = CONFIG_VARIABLES.find((s) => s.field === error.property);
    const name = spec?.env ?? error.property;
    if (problems.some((p) => p.startsWith(`${name}=`))) continue;
    const shown = spec && env[spec.env] !== undefined ? env[spec.env] : error.value;
    problems.push(`${name}=${JSON.stringify(shown)}: ${Object.values(error.constraints ?? {}).join('; ')}`);
  }
  if (config.tokenDefaultTtlMs > config.tokenMaxTtlMs) {
    problems.push(`TOKEN_DEFAULT_TTL: must not exceed TOKEN_MAX_TTL`);
  }
  const invalid = new Set(problems.map((p) => p.slice(0, p.indexOf('='))));
  for (const check of checks) problems.push(...check(config, env).filter((p) => !invalid.has(p.slice(0, p.indexOf('=')))));
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** Markdown table of every variable, for the README and `provisio config`. */
export function describeConfig(): string {
  const rows = CONFIG_VARIABLES.map((s) => `| \`${s.env}\` | ${s.default === undefined ? '—' : `\`${s.default}\``} | ${s.description} |`);
  return ['| variable | default | meaning |', '|---|---|---|', ...rows].join('\n');
}
