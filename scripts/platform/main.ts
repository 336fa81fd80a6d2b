import fs from 'node:fs';
import path from 'node:path';
import { type RunningPlatform, startPlatform } from './launcher';
import { MissingPackagesError, allPackages, installCommand } from './requirements';
import { platformServices } from './services';
import { schemaFiles } from './ldap/slapd-config';

/**
 * `npm run platform`: starts the real servers on loopback with config and data under
 * `.provisio/platform/`, prints the environment that points Provisio at them, and stops them on
 * Ctrl-C or SIGTERM. `npm run platform -- packages [--install]` prints the Debian packages of all of them (or the apt-get line);
 * `npm run platform -- schema` prints Provisio's LDAP schema (scripts/platform/ldap/schema/).
 */

const USAGE = `usage: npm run platform [-- start | packages [--install] | schema]
  PLATFORM_DIR       config and data (default: $DATA_DIR/platform, i.e. .provisio/platform)
  PLATFORM_HOST      interface to listen on (default 127.0.0.1)
  PLATFORM_SERVICES  comma-separated subset (default: all)
  PLATFORM_PORTS     overrides, e.g. slapd.ldap=10389,powerdns.dns=10053,powerdns.api=18081`;

function parsePorts(spec: string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of (spec ?? '').split(',').filter(Boolean)) {
    const m = /^([a-z0-9-]+\.[a-z0-9-]+)=(\d{1,5})$/.exec(part.trim());
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 65535) throw new Error(`PLATFORM_PORTS: "${part}" is not <service>.<name>=<port>`);
    out[m[1]] = Number(m[2]);
  }
  return out;
}

function selectedServices() {
  const all = platformServices();
  const wanted = process.env.PLATFORM_SERVICES?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!wanted?.length) return all;
  const unknown = wanted.filter((w) => !all.some((s) => s.name === w));
  if (unknown.length) throw new Error(`PLATFORM_SERVICES: unknown ${unknown.join(', ')} (known: ${all.map((s) => s.name).join(', ')})`);
  return all.filter((s) => wanted.includes(s.name));
}

function shellQuote(v: string): string {
  return /^[A-Za-z0-9_./:@,=+-]*$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;
}

function report(p: RunningPlatform): void {
  const envLines = Object.entries(p.env).map(([k, v]) => `${k}=${shellQuote(v)}`);
  const envFile = path.join(p.dir, 'env');
  fs.writeFileSync(envFile, `${envLines.join('\n')}\n`, { mode: 0o600 });
  const out = [
    '',
    `Platform running (config and data in ${p.dir}):`,
    ...p.services.map((s) => `  ${s.name.padEnd(10)} pid ${s.pid}  log ${s.logFile}`),
    '',
    'Start Provisio against it (another terminal):',
    `  env ${envLines.join(' ')} npm start`,
    `  (or: set -a; . ${envFile}; set +a; npm start)`,
    '',
    'Look inside:',
    ...p.services.flatMap((s) => s.hints.map((h) => `  ${h}`)),
    '',
    'Ctrl-C stops every server.',
    '',
  ];
  process.stdout.write(out.join('\n'));
}

async function start(): Promise<number> {
  const dir = process.env.PLATFORM_DIR ?? path.join(process.env.DATA_DIR ?? '.provisio', 'platform');
  // Installed before anything starts: a signal during the start stops what already runs.
  const abort = new AbortController();
  let stopRequested: ((why: string) => void) | undefined;
  const onSignal = (sig: NodeJS.Signals) => (stopRequested ? stopRequested(sig) : abort.abort(new Error(`${sig} while starting`)));
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, onSignal);
  let platform: RunningPlatform;
  try {
    platform = await startPlatform({
      signal: abort.signal,
      dir,
      services: selectedServices(),
      host: process.env.PLATFORM_HOST ?? '127.0.0.1',
      ports: 'preferred',
      portOverrides: parsePorts(process.env.PLATFORM_PORTS),
      log: (l) => process.stdout.write(`[platform] ${l}\n`),
    });
  } catch (e) {
    if (e instanceof MissingPackagesError) {
      process.stderr.write(`Missing Debian packages: ${e.missing.packages.join(' ')}\nInstall them with:\n  ${e.missing.command}\n`);
      return 2;
    }
    process.stderr.write(`${(e as Error).message}\n`);
    return 1;
  }
  report(platform);
  return new Promise<number>((resolve) => {
    let stopping = false;
    const shutdown = (why: string, code: number) => {
      if (stopping) return;
      stopping = true;
      process.stdout.write(`\n[platform] ${why}: stopping\n`);
      platform.stop().then(
        () => resolve(code),
        (e) => {
          process.stderr.write(`${(e as Error).message}\n`);
          resolve(1);
        },
      );
    };
    stopRequested = (why) => shutdown(why, 0);
    void platform.unexpectedExit.then((e) => shutdown(`${e.service} exited (${e.signal ?? `code ${e.code}`})`, 1));
  });
}

async function main(): Promise<number> {
  const cmd = process.argv[2] ?? 'start';
  switch (cmd) {
    case 'start':
      return start();
    case 'packages':
      // `--install`: the whole apt-get line; otherwise the names (CI: apt-get install $(…)).
      process.stdout.write(
        `${process.argv[3] === '--install' ? installCommand(allPackages(platformServices())) : allPackages(platformServices()).join(' ')}\n`,
      );
      return 0;
    case 'schema':
      // Ours only (the system schemas come with every OpenLDAP).
      for (const f of schemaFiles().filter((x) => !x.startsWith('/etc/'))) process.stdout.write(`${fs.readFileSync(f, 'utf8').trimEnd()}\n\n`);
      return 0;
    default:
      process.stderr.write(`${USAGE}\n`);
      return 64;
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`);
    process.exit(1);
  },
);
