import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, validateSync } from 'class-validator';
import * as path from 'node:path';
import { CONFIG_VARIABLES, LOG_LEVELS, type LogLevel } from './config-variables';
import { parseDuration } from './duration';

export { CONFIG_VARIABLES, LOG_LEVELS, type LogLevel };

const PROVIDER_NAME = /^[a-z][a-z0-9-]{0,31}$/;
const PROVIDER_NAME_MESSAGE = 'must be a provider name such as lab';
/** A DNS host name: letters, digits and hyphens in dot-separated labels (lower case). */
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

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
  @IsOptional()
  @IsString()
  ldapUrl?: string;

  @IsOptional()
  @IsString()
  ldapBindDn?: string;

  @IsOptional()
  @IsString()
  ldapBindPassword?: string;

  @IsOptional()
  @IsString()
  ldapBindPasswordFile?: string;

  @IsOptional()
  @IsString()
  ldapBaseDn?: string;

  @IsInt()
  @Min(100)
  @Max(600_000)
  ldapTimeoutMs: number;

  /** DNS on PowerDNS Authoritative (`PROVIDER_DNS=powerdns`). */
  @IsOptional()
  @IsString()
  pdnsApiUrl?: string;

  @IsOptional()
  @IsString()
  pdnsApiKey?: string;

  @IsOptional()
  @IsString()
  pdnsApiKeyFile?: string;

  @IsString()
  pdnsServerId: string;

  @IsOptional()
  @IsString()
  pdnsNameservers?: string;

  @IsOptional()
  @IsString()
  pdnsSoaContact?: string;

  @IsInt()
  @Min(100)
  @Max(600_000)
  pdnsTimeoutMs: number;

  /** Exchange on Postfix + Dovecot (`PROVIDER_EXCHANGE=mail`); they read the directory of `LDAP_*`. */
  @IsOptional()
  @IsString()
  mailSmtpUrl?: string;

  @IsOptional()
  @IsString()
  mailImapUrl?: string;

  @IsString()
  @MaxLength(64)
  mailAllUsersList: string;

  /** Communications on ejabberd (`PROVIDER_COMMUNICATIONS=xmpp`), users from the directory of `LDAP_*`. */
  @IsOptional()
  @IsString()
  xmppApiUrl?: string;

  @IsOptional()
  @IsString()
  xmppApiToken?: string;

  @IsOptional()
  @IsString()
  xmppApiTokenFile?: string;

  @IsOptional()
  @IsString()
  xmppHostsFile?: string;

  @IsInt()
  @Min(100)
  @Max(600_000)
  xmppTimeoutMs: number;

  /** How long real platforms keep what a rollback may need (recycle bins, undo memories). */
  @IsInt()
  @Min(60_000)
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
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  corsOrigins?: string;

  get resolvedDataDir(): string {
    return path.resolve(this.dataDir);
  }
}

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
