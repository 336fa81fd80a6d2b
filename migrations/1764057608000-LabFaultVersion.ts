import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lab's fault configuration gets a version, bumped by every replacement, so a lab call can
 * use the configuration it cached and still never act on a stale one: its first statement
 * carries a guard (`lab.fault_config_changed(version, $cached)`) that aborts the whole statement
 * when the configuration changed since (lab-faults.ts). The guard replaces the probe statement
 * every call used to send first.
 */
export class LabFaultVersion1764057608000 implements MigrationInterface {
  name = 'LabFaultVersion1764057608000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE lab.fault_settings ADD COLUMN version bigint NOT NULL DEFAULT 1`);
    // Raises LABFC when the configuration is not the one the caller cached; false otherwise, so
    // the guarding `UPDATE … WHERE lab.fault_config_changed(…)` never updates anything.
    await q.query(`
      CREATE FUNCTION lab.fault_config_changed(current_version bigint, cached_version bigint) RETURNS boolean
        LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        IF current_version IS DISTINCT FROM cached_version THEN
          RAISE EXCEPTION 'the lab fault configuration changed (version % is not %)', current_version, cached_version USING ERRCODE = 'LABFC';
        END IF;
        RETURN false;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION lab.fault_config_changed(bigint, bigint)`);
    await q.query(`ALTER TABLE lab.fault_settings DROP COLUMN version`);
  }
}
