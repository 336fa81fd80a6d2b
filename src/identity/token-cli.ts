import { parseArgs } from 'node:util';
import type { AppConfig } from '../config/app-config';
import { clock } from '../common/clock';
import { ID_PATTERN } from '../common/ids';
import { parseDuration } from '../config/duration';
import { createDataSource } from '../database/data-source';
import { inTransaction, type Sql } from '../database/sql';
import { appendAuditEvent } from '../audit/audit-writer';
import { ROLES, type Role } from '../access/permissions';
import type { CreatedTokenView } from './identity.views';
import { issueToken } from './token-issuer';
import { findActiveUser } from './users.store';

const USAGE = `Usage: provisio token create --user <id|username> [--roles r1,r2] [--expires 30d] [--name text]

Creates a token for a user directly in the database (the operator's way in when no token is at
hand, e.g. after the bootstrap token expired). Roles default to all of the user's roles.`;

interface TokenCreateArgs {
  user: string;
  roles?: Role[];
  ttlMs: number;
  name?: string;
}

/** The arguments of `token create`, or the message to print (exit code 2). */
function parseTokenArgs(config: AppConfig, argv: string[]): TokenCreateArgs | string {
  const [sub, ...rest] = argv;
  if (sub !== 'create') return USAGE;
  let values: { user?: string; roles?: string; expires?: string; name?: string };
  try {
    values = parseArgs({
      args: rest,
      options: { user: { type: 'string' }, roles: { type: 'string' }, expires: { type: 'string' }, name: { type: 'string' } },
    }).values;
  } catch (e) {
    return `${(e as Error).message}\n\n${USAGE}`;
  }
  if (!values.user) return `--user is required\n\n${USAGE}`;
  const ttlMs = values.expires ? parseDuration(values.expires) : config.tokenDefaultTtlMs;
  if (ttlMs === undefined || ttlMs < 60_000 || ttlMs > config.tokenMaxTtlMs) return `--expires must be a duration between 1m and TOKEN_MAX_TTL (e.g. 30d)`;
  const requested = values.roles
    ? values.roles
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean)
    : undefined;
  const unknown = (requested ?? []).filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length) return `unknown role(s): ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`;
  return { user: values.user, roles: requested as Role[] | undefined, ttlMs, name: values.name };
}

/** Issues the token and its audit event, or says why not. */
async function createToken(sql: Sql, args: TokenCreateArgs): Promise<{ created: CreatedTokenView; username: string } | { error: string }> {
  const user = await findActiveUser(sql, args.user, ID_PATTERN.test(args.user));
  if (!user) return { error: `no active user "${args.user}"` };
  const roles = args.roles ?? user.roles;
  const missing = roles.filter((r) => !user.roles.includes(r));
  if (missing.length) return { error: `the user does not hold: ${missing.join(', ')}` };
  if (!roles.length) return { error: 'the user holds no role' };
  const created = await issueToken(sql, {
    userId: user.id,
    organizationId: user.organization_id,
    roles,
    expiresAt: new Date(clock.nowMs() + args.ttlMs),
    name: args.name ?? 'cli',
  });
  await appendAuditEvent(
    sql,
    { system: 'cli' },
    {
      action: 'token.created',
      resourceType: 'token',
      resourceId: created.id,
      organizationId: user.organization_id,
      organizationPath: user.org_path,
      details: { owner: user.id, roles, expiresAt: created.expiresAt, via: 'provisio token create' },
    },
  );
  return { created, username: user.username };
}

/** `provisio token create …` — needs database access, which is the operator's root of trust. */
export async function tokenCommand(config: AppConfig, argv: string[], databaseUrl: string): Promise<number> {
  const args = parseTokenArgs(config, argv);
  if (typeof args === 'string') {
    console.error(args);
    return 2;
  }
  const ds = createDataSource(databaseUrl, { poolSize: 2, applicationName: 'provisio-cli' });
  await ds.initialize();
  try {
    const result = await inTransaction(ds, (sql) => createToken(sql, args));
    if ('error' in result) {
      console.error(result.error);
      return 1;
    }
    console.error(`token ${result.created.id} for ${result.username} (${result.created.roles.join(', ')}), expires ${result.created.expiresAt}; shown once:`);
    console.log(result.created.token);
    return 0;
  } finally {
    await ds.destroy();
  }
}
