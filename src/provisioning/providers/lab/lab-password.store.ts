import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Pool } from 'pg';
import { labFailure } from './lab-failures';

/**
 * End users' passwords on the lab (Directory.SetUserPassword): a salted scrypt hash in
 * lab.directory_users, never the password, as a directory keeps them. `labCheckPassword` is the
 * lab's "bind": true only for the right password of an enabled user.
 */

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

async function hash(password: string): Promise<string> {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64')}$${(await scrypt(password, salt, 32)).toString('base64')}`;
}

export async function labSetPassword(pool: Pool, i: { organizationId: string; alias: string; password: string }): Promise<void> {
  const r = await pool.query(`UPDATE lab.directory_users SET password_hash = $3 WHERE organization_id = $1 AND alias = $2`, [
    i.organizationId,
    i.alias,
    await hash(i.password),
  ]);
  if (!r.rowCount) throw labFailure('LAB_NOT_FOUND', `directory user ${i.alias} does not exist`, { alias: i.alias });
}

export async function labCheckPassword(pool: Pool, organizationId: string, alias: string, password: string): Promise<boolean> {
  const { rows } = await pool.query<{ password_hash: string | null; disabled: boolean }>(
    `SELECT password_hash, disabled FROM lab.directory_users WHERE organization_id = $1 AND alias = $2`,
    [organizationId, alias],
  );
  const stored = rows[0]?.password_hash;
  if (!stored || rows[0].disabled) return false;
  const [, salt, expected] = stored.split('$');
  const got = await scrypt(password, Buffer.from(salt, 'base64'), 32);
  return timingSafeEqual(got, Buffer.from(expected, 'base64'));
}
