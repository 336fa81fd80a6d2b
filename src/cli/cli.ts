import * as path from 'node:path';
import pino from 'pino';
import { parseArgs } from 'node:util';
import { AppConfig, ConfigError, describeConfig, loadConfig } from '../config/app-config';
import { createRootLogger, rootLogger } from '../common/logging/logger';
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

export type CommandHandler = (config: AppConfig, argv: string[]) => Promise<number | void>;

/** Commands other modules add (token, audit, submit, orders); registered by name. */
export const COMMANDS: Record<string, { summary: string; run: CommandHandler }> = {};

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    const extra = Object.entries(COMMANDS)
      .map(([n, c]) => `  ${n.padEnd(25)}${c.summary}`)
      .join('\n');
    console.log(USAGE.replace('  config ', `${extra ? extra + '\n' : ''}  config `));
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
  let config: AppConfig;
  // Long-running roles log JSON to stdout; operator commands keep stdout for their output.
  const server = ['all', 'serve', 'engine'].includes(command);
  try {
    // The roles that build providers check the provider selection with the rest, so one message
    // lists every bad variable; operator commands do not load the provider catalog at all.
    const checks = server ? [(await import('../app/providers.js')).providerConfigProblems] : [];
    config = loadConfig(
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
  process.env.PROVISIO_ROLE ??= command;
  createRootLogger(config.logLevel, server ? undefined : pino.destination({ fd: 2, sync: true }));
  const mainScript = path.resolve(__dirname, '..', 'main.js');
  switch (command) {
    case 'all':
    case 'serve': {
      const { runServer } = await import('./server.js');
      return runServer(config, { engines: command === 'all' ? config.engines : 0, mainScript });
    }
    case 'engine': {
      const { runEngineProcess } = await import('../app/engine-process.js');
      await runEngineProcess(config, existingDatabaseUrl(config));
      return 0;
    }
    case 'migrate': {
      const db = await openDatabase(config, { migrate: false, reuseRunning: true });
      try {
        const { applied } = await runMigrations(db.ownerUrl, { runtimeRole: db.runtimeRole });
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'no pending migrations');
      } finally {
        await db.close();
      }
      return 0;
    }
    case 'seed': {
      const db = await openDatabase(config, { migrate: true, reuseRunning: true });
      try {
        const { seedInstallation } = await import('./seed.js');
        await seedInstallation(config, db.url, { printToken: true });
      } finally {
        await db.close();
      }
      return 0;
    }
    case 'submit': {
      const { submitCommand } = await import('./client-commands.js');
      return submitCommand(config, rest);
    }
    case 'orders': {
      const { ordersCommand } = await import('./client-commands.js');
      return ordersCommand(config, rest);
    }
    case 'token': {
      const { tokenCommand } = await import('../identity/token-cli.js');
      const db = await openDatabase(config, { migrate: true, reuseRunning: true });
      try {
        return await tokenCommand(config, rest, db.url);
      } finally {
        await db.close();
      }
    }
    default: {
      const handler = COMMANDS[command];
      if (!handler) {
        console.error(`unknown command "${command}"\n\n${USAGE}`);
        return 2;
      }
      return (await handler.run(config, rest)) ?? 0;
    }
  }
}

export { parseArgs, rootLogger };
