import * as fs from 'node:fs';
import * as path from 'node:path';
import { appendAuditEvent } from '../audit/audit-writer';
import { clock } from '../common/clock';
import { newId } from '../common/ids';
import type { Sql } from '../database/sql';
import { userView } from './identity.views';
import { findHoster, insertOrganization, lockBootstrap } from './organizations.store';
import { issueToken } from './token-issuer';
import { insertUser } from './users.store';

export interface BootstrapResult {
  created: boolean;
  hosterId: string;
  adminUserId?: string;
  token?: string;
  tokenFile?: string;
}

/**
 * First start: the hoster organization, a hoster admin (`admin`) and one token, written to
 * DATA_DIR/admin-token (mode 0600). Does nothing when the hoster exists. Safe when several
 * processes start at once (advisory lock).
 */
export async function bootstrapInstallation(sql: Sql, opts: { dataDir?: string; tokenTtlMs: number; hosterName?: string }): Promise<BootstrapResult> {
  await lockBootstrap(sql);
  const existing = await findHoster(sql);
  if (existing) return { created: false, hosterId: existing.id };
  const hosterId = newId('org');
  const orgPath = `/${hosterId}/`;
  await insertOrganization(sql, { id: hosterId, kind: 'hoster', name: opts.hosterName ?? 'Hoster', parentId: null, path: orgPath });
  const admin = userView(
    await insertUser(sql, { id: newId('usr'), organizationId: hosterId, username: 'admin', displayName: 'Hoster administrator', roles: ['hoster_admin'] }),
  );
  const token = await issueToken(sql, {
    userId: admin.id,
    organizationId: hosterId,
    roles: ['hoster_admin'],
    expiresAt: new Date(clock.nowMs() + opts.tokenTtlMs),
    name: 'bootstrap',
  });
  const actor = { system: 'bootstrap' };
  await appendAuditEvent(sql, actor, {
    action: 'organization.created',
    resourceType: 'organization',
    resourceId: hosterId,
    organizationId: hosterId,
    organizationPath: orgPath,
    details: { kind: 'hoster' },
  });
  await appendAuditEvent(sql, actor, {
    action: 'user.created',
    resourceType: 'user',
    resourceId: admin.id,
    organizationId: hosterId,
    organizationPath: orgPath,
    details: { after: admin },
  });
  await appendAuditEvent(sql, actor, {
    action: 'token.created',
    resourceType: 'token',
    resourceId: token.id,
    organizationId: hosterId,
    organizationPath: orgPath,
    details: { owner: admin.id, roles: ['hoster_admin'], expiresAt: token.expiresAt, name: 'bootstrap' },
  });
  let tokenFile: string | undefined;
  if (opts.dataDir) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    tokenFile = path.join(opts.dataDir, 'admin-token');
    fs.writeFileSync(tokenFile, token.token + '\n', { mode: 0o600 });
    fs.chmodSync(tokenFile, 0o600);
  }
  return { created: true, hosterId, adminUserId: admin.id, token: token.token, tokenFile };
}
