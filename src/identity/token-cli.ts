import { parseArgs } from 'node:util';
import type { AppConfig } from '../config/app-config';
import { clock } from '../common/clock';
import { ID_PATTERN } from '../common/ids';
import { parseDuration } from '../config/duration';
import { createDataSource } from '../database/data-source';
import { inTransaction } from '../database/sql';
import { appendAuditEvent } from '../audit/audit-writer';
import { ROLES, type Role } from './permissions';
import { loadUser } from './identity.views';
import { issueToken } from './tokens.service';

const USAGE = `Usage: provisio token create --user <id|username> [--roles r1,r2] [--expires 30d] [--name text]

Creates a token for a user directly in the database (the operator's way in when no token is at
hand, e.g. after the bootstrap token expired). Roles default to all of the user's roles.`;

/** `provisio token create …` — needs database access, which is the operator's root of trust. */
export async function tokenCommand(config: AppConfig, argv: string[], databaseUrl: string): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'create') {
    console.error(USAGE);
    return 2;
  }
  let values: { user?: string; roles?: string; expires?: string; name?: string };
  try {
    values = parseArgs({ args: rest, options: { user: { type: 'string' }, roles: { type: 'string' }, expires: { type: 'string' }, name: { type: 'string' } } }).values;
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (!values.user) {
    console.error(`--user is required\n\n${USAGE}`);
    return 2;
  }
  const ttl = values.expires ? parseDuration(values.expires) : config.tokenDefaultTtlMs;
  if (ttl === undefined || ttl < 60_000 || ttl > config.tokenMaxTtlMs) {
    console.error(`--expires must be a duration between 1m and TOKEN_MAX_TTL (e.g. 30d)`);
    return 2;
  }
  const requested = values.roles ? values.roles.split(',').map((r) => r.trim()).filter(Boolean) : undefined;
  const unknown = (requested ?? []).filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length) {
    console.error(`unknown role(s): ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`);
    return 2;
  }
  const ds = createDataSource(databaseUrl, { poolSize: 2, applicationName: 'provisio-cli' });
  await ds.initialize();
  try {
    const result = await inTransaction(ds, async (sql) => {
      const byId = ID_PATTERN.test(values.user!);
      const found = await sql.query<{ id: string }>(
        byId ? `SELECT id FROM users WHERE id = $1 AND status = 'active'` : `SELECT id FROM users WHERE lower(username) = lower($1) AND status = 'active'`,
        [values.user],
      );
      if (!found.rows[0]) return { error: `no active user "${values.user}"` };
      const user = await loadUser(sql, found.rows[0].id);
      const roles = (requested ?? user.roles) as Role[];
      const missing = roles.filter((r) => !user.roles.includes(r));
      if (missing.length) return { error: `the user does not hold: ${missing.join(', ')}` };
      if (!roles.length) return { error: 'the user holds no role' };
      const created = await issueToken(sql, {
        userId: user.id,
        organizationId: user.organization_id,
        roles,
        expiresAt: new Date(clock.nowMs() + ttl),
        name: values.name ?? 'cli',
      });
      await appendAuditEvent(sql, { system: 'cli' }, {
        action: 'token.created',
        resourceType: 'token',
        resourceId: created.id,
        organizationId: user.organization_id,
        organizationPath: user.org_path,
        details: { owner: user.id, roles, expiresAt: created.expiresAt, via: 'provisio token create' },
      });
      return { created, username: user.username };
    });
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
