import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lab's directory users get a password hash, so an end user's password set through the API
 * (Directory.SetUserPassword, never journaled) can be checked on the lab as on OpenLDAP. Only a
 * salted scrypt hash is kept, never the password.
 */
export class LabUserPasswords1764057640000 implements MigrationInterface {
  name = 'LabUserPasswords1764057640000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE lab.directory_users ADD COLUMN password_hash text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE lab.directory_users DROP COLUMN password_hash`);
  }
}
