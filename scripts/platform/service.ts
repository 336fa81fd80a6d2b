/**
 * What one real server contributes to `npm run platform` (and to the platform test tier, which
 * starts the same services through `startPlatform`). A service is a plain object: adding Postfix,
 * Dovecot or an XMPP server means writing one more of these and listing it in `services/index.ts`.
 */

/** A file the service needs and the Debian package that installs it. */
export interface Requirement {
  path: string;
  package: string;
}

export interface PortRequest {
  /** Port used by `npm run platform` (stable, so the printed environment stays valid). */
  preferred: number;
  /** Also needs the UDP port (DNS). */
  udp?: boolean;
}

/** What a service sees while it prepares: its folder, ports, secrets, and what started before it. */
export interface PlatformContext {
  /** The service's own folder, `<platform dir>/<service name>` (created, mode 0700). */
  dir: string;
  /** The platform folder (`.provisio/platform`), for files services share. */
  rootDir: string;
  /** Interface the servers listen on (127.0.0.1 unless `--host`). */
  host: string;
  /** A port for `name`: the preferred one for `npm run platform`, a free one in tests. */
  port(name: string, req: PortRequest): Promise<number>;
  /**
   * A secret generated once into `<platform dir>/secrets/<name>` (mode 0600) and kept across
   * restarts; returns the file and its value.
   */
  secret(name: string): { file: string; value: string };
  /** The `info` of every service started before this one (dependencies first). */
  started: Record<string, unknown>;
  log(line: string): void;
}

export interface Prepared<Info> {
  /** The server in the foreground (never daemonizing: the launcher owns its lifetime). */
  command: string;
  args: string[];
  cwd?: string;
  /** Resolves when the server answers; called repeatedly until it does (or the process exits). */
  ready(): Promise<void>;
  /** Runs once after `ready` (e.g. seeding through the server's own API). */
  afterReady?(): Promise<void>;
  /** What dependents and tests need: URLs, ports, DNs, secret files. */
  info: Info;
  /** Environment lines for Provisio (`PROVIDER_…`, connection settings, `_FILE` secrets). */
  env: Record<string, string>;
  /** Human lines printed under the environment (how to look inside with the server's own tools). */
  hints?: string[];
  /** Signal asking the server to stop (default SIGTERM); SIGKILL after `stopTimeoutMs` (default 10 s). */
  stopSignal?: NodeJS.Signals;
  stopTimeoutMs?: number;
}

export interface PlatformService<Info = unknown> {
  /** Also the folder name and the key of `info` (`slapd`, `powerdns`, …). */
  name: string;
  requires: Requirement[];
  /** Services that must be ready first (their `info` is in `ctx.started`). */
  dependsOn?: string[];
  /** Writes configuration, creates data on first start (keeps it later), picks ports. */
  prepare(ctx: PlatformContext): Promise<Prepared<Info>>;
}
