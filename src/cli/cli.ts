import * as path from 'node:path';
import pino from 'pino';
import { AppConfig, ConfigError, describeConfig, loadConfig } from '../config/app-config';
import { createRootLogger } from '../common/logging/logger';
import { runMigrations } from '../database/migrate';
import { existingDatabaseUrl, openDatabase } from './database';

const USAGE = `Usage: provisio <command> [options]

Commands:
  all                      API plus ENGINES supervised engine processes (what npm start runs)
  serve                    the HTTP API only
  engine                   one provisioning engine process
  migrate                  apply pending database migrations
  seed                     create the bootstrap admin and the sample catalog (idempotent)
  audit verify --file <export.ndjson> --public-key <key|file> [--checkpoints <file>]
                           verify an audit export offline (no server, no database)
  token create --user <id|username> [--roles a,b] [--expires 30d] [--name text]
                           issue a token straight from the database (prints the secret once)
  submit <file.xml> [--watch] [--organization <id>]
                           submit a raw XML request to a running API (hoster admins); watch it run
  orders watch <id>        follow an order with a progress bar until it ends
  config                   print the configuration variables and their defaults
  help                     this text

Configuration comes from environment variables; see \`provisio config\`.`;

const SERVER_ROLES = ['all', 'serve', 'engine'];
const MAIN_SCRIPT = path.resolve(__dirname, '..', 'main.js');

type CommandHandler = (config: AppConfig, argv: string[]) => Promise<number>;

type OpenedDatabase = Awaited<ReturnType<typeof openDatabase>>;

/** Runs `fn` on the installation's database (embedded or DATABASE_URL), closing it afterwards. */
async function withDatabase(config: AppConfig, migrate: boolean, fn: (db: OpenedDatabase) => Promise<number | void>): Promise<number> {
  const db = await openDatabase(config, { migrate, reuseRunning: true });
  try {
    return (await fn(db)) ?? 0;
  } finally {
    await db.close();
  }
}

/** Long-running roles and operator commands, once the configuration is loaded. */
const COMMANDS: Record<string, CommandHandler> = {
  all: async (config) => (await import('./server.js')).runServer(config, { engines: config.engines, mainScript: MAIN_SCRIPT }),
  serve: async (config) => (await import('./server.js')).runServer(config, { engines: 0, mainScript: MAIN_SCRIPT }),
  engine: async (config) => {
    const { runEngineProcess } = await import('../app/engine-process.js');
    await runEngineProcess(config, existingDatabaseUrl(config));
    return 0;
  },
  migrate: (config) =>
    withDatabase(config, false, async (db) => {
      const { applied } = await runMigrations(db.ownerUrl, { runtimeRole: db.runtimeRole });
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'no pending migrations');
    }),
  seed: (config) =>
    withDatabase(config, true, async (db) => {
      const { seedInstallation } = await import('./seed.js');
      await seedInstallation(config, db.url, { printToken: true });
    }),
  submit: async (config, rest) => (await import('./client-commands.js')).submitCommand(config, rest),
  orders: async (config, rest) => (await import('./client-commands.js')).ordersCommand(config, rest),
  token: async (config, rest) => {
    const { tokenCommand } = await import('../identity/token-cli.js');
    return withDatabase(config, true, (db) => tokenCommand(config, rest, db.url));
  },
};

/** The configuration, or the exit status after printing why it is not valid. */
async function cliConfig(server: boolean): Promise<AppConfig | number> {
  try {
    // The roles that build providers check the provider selection with the rest, so one message
    // lists every bad variable; operator commands do not load the provider catalog at all.
    const checks = server ? [(await import('../app/providers.js')).providerConfigProblems] : [];
    return loadConfig(
      process.env,
      checks.map((check) => (c: AppConfig) => check(c)),
    );
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      return 2;
    }
    throw e;
  }
}

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  if (command === 'config') {
    console.log(describeConfig());
    return 0;
  }
  if (command === 'audit') {
    // Offline: needs neither the configuration nor a database.
    const { runAuditCli } = await import('../audit/audit-cli.js');
    return runAuditCli(rest);
  }
  const handler = COMMANDS[command];
  if (!handler) {
    console.error(`unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  // Long-running roles log JSON to stdout; operator commands keep stdout for their output.
  const server = SERVER_ROLES.includes(command);
  const config = await cliConfig(server);
  if (typeof config === 'number') return config;
  process.env.PROVISIO_ROLE ??= command;
  createRootLogger(config.logLevel, server ? undefined : pino.destination({ fd: 2, sync: true }));
  return handler(config, rest);
}
