import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lab platform (ARCHITECTURE.md §6): a simulated hosted platform with its own store, schema
 * `lab`, as a real external system would have.
 *
 * - Natural keys are unique indexes, so concurrent duplicate creates can never produce two
 *   objects (`INSERT … ON CONFLICT DO NOTHING` + read back).
 * - Real dependencies are foreign keys: a mailbox cannot exist without its directory user, a user
 *   cannot be deleted while its mailbox exists, even under races between separate transactions.
 * - Every row carries `organization_id` (leading column of an index) so the state of one customer
 *   is one indexed query per table. No foreign key to Provisio's tables: the lab is "external".
 * - `created_by_run` records which provisioning run created an object, so a rollback removes only
 *   what its own run created (an idempotent "create" of a pre-existing object must not delete it).
 * - `tombstones` (the platform's recycle bin) keeps deleted objects so a delete can be rolled back
 *   even when the engine died before journaling rollback data; `changes` keeps, per run and
 *   object, the value each property change replaced and the value it wrote, so a re-executed or
 *   retried Set… (whose first attempt already wrote) still reports and restores the original.
 * - `fault_settings` / `fault_rules`: fault injection shared by every process through the database.
 */
export class LabPlatform1764057604000 implements MigrationInterface {
  name = 'LabPlatform1764057604000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA lab`);

    // Directory
    await q.query(`
      CREATE TABLE lab.directory_ous (
        organization_id  text NOT NULL,
        name             text NOT NULL,
        domain           text NOT NULL,
        ou_path          text NOT NULL,
        created_by_run   text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT lab_directory_ous_pkey PRIMARY KEY (organization_id)
      )`);
    await q.query(`
      CREATE TABLE lab.directory_users (
        organization_id     text NOT NULL,
        alias               text NOT NULL,
        upn                 text NOT NULL,
        distinguished_name  text NOT NULL,
        display_name        text NOT NULL,
        disabled            boolean NOT NULL DEFAULT false,
        created_by_run      text,
        created_at          timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT lab_directory_users_pkey PRIMARY KEY (organization_id, alias),
        CONSTRAINT lab_directory_users_ou_fk FOREIGN KEY (organization_id) REFERENCES lab.directory_ous (organization_id)
      )`);
    await q.query(`CREATE UNIQUE INDEX lab_directory_users_upn_key ON lab.directory_users (upn)`);

    // Exchange
    await q.query(`
      CREATE TABLE lab.exchange_organizations (
        organization_id      text NOT NULL,
        name                 text NOT NULL,
        global_address_list  text NOT NULL,
        address_lists        text[] NOT NULL,
        created_by_run       text,
        created_at           timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT lab_exchange_organizations_pkey PRIMARY KEY (organization_id),
        CONSTRAINT lab_exchange_organizations_ou_fk FOREIGN KEY (organization_id) REFERENCES lab.directory_ous (organization_id)
      )`);
    await q.query(`
      CREATE TABLE lab.accepted_domains (
        domain           text NOT NULL,
        organization_id  text NOT NULL,
        created_by_run   text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT lab_accepted_domains_pkey PRIMARY KEY (domain),
        CONSTRAINT lab_accepted_domains_exchange_fk FOREIGN KEY (organization_id)
          REFERENCES lab.exchange_organizations (organization_id) ON DELETE CASCADE
      )`);
    // Target of the mailboxes' (organization, domain) foreign key; also the per-organization index.
    await q.query(`CREATE UNIQUE INDEX lab_accepted_domains_org_domain_key ON lab.accepted_domains (organization_id, domain)`);
    await q.query(`
      CREATE TABLE lab.mailboxes (
        organization_id       text NOT NULL,
        alias                 text NOT NULL,
        domain                text NOT NULL,
        primary_smtp_address  text NOT NULL,
        display_name          text NOT NULL,
        quota_mb              integer NOT NULL CHECK (quota_mb > 0),
        created_by_run        text,
        created_at            timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT lab_mailboxes_pkey PRIMARY KEY (organization_id, alias),
        CONSTRAINT lab_mailboxes_user_fk FOREIGN KEY (organization_id, alias) REFERENCES lab.directory_users (organization_id, alias),
        CONSTRAINT lab_mailboxes_exchange_fk FOREIGN KEY (organization_id) REFERENCES lab.exchange_organizations (organization_id),
        CONSTRAINT lab_mailboxes_domain_fk FOREIGN KEY (organization_id, domain) REFERENCES lab.accepted_domains (organization_id, domain)
      )`);
    await q.query(`CREATE UNIQUE INDEX lab_mailboxes_address_key ON lab.mailboxes (primary_smtp_address)`);
    await q.query(`CREATE INDEX lab_mailboxes_domain_idx ON lab.mailboxes (organization_id, domain)`);

    // Mobility (ActiveSync)
    await q.query(`
      CREATE TABLE lab.mobility_policies (
        organization_id       text NOT NULL,
        name                  text NOT NULL,
        require_pin           boolean NOT NULL,
        max_devices_per_user  integer NOT NULL CHECK (max_devices_per_user > 0),
        created_by_run        text,
        created_at            timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT lab_mobility_policies_pkey PRIMARY KEY (organization_id, name),
        CONSTRAINT lab_mobility_policies_exchange_fk FOREIGN KEY (organization_id)
          REFERENCES lab.exchange_organizations (organization_id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE lab.mobility_users (
        organization_id  text NOT NULL,
        alias            text NOT NULL,
        policy_name      text NOT NULL,
        created_by_run   text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT lab_mobility_users_pkey PRIMARY KEY (organization_id, alias),
        CONSTRAINT lab_mobility_users_mailbox_fk FOREIGN KEY (organization_id, alias) REFERENCES lab.mailboxes (organization_id, alias),
        CONSTRAINT lab_mobility_users_policy_fk FOREIGN KEY (organization_id, policy_name) REFERENCES lab.mobility_policies (organization_id, name)
      )`);
    await q.query(`CREATE INDEX lab_mobility_users_policy_idx ON lab.mobility_users (organization_id, policy_name)`);
    await q.query(`
      CREATE TABLE lab.mobility_devices (
        organization_id    text NOT NULL,
        alias              text NOT NULL,
        device_id          text NOT NULL,
        model              text NOT NULL,
        wipe_status        text NOT NULL DEFAULT 'none' CHECK (wipe_status IN ('none', 'pending')),
        wipe_requested_at  timestamptz,
        created_at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT lab_mobility_devices_pkey PRIMARY KEY (organization_id, alias, device_id),
        CONSTRAINT lab_mobility_devices_user_fk FOREIGN KEY (organization_id, alias)
          REFERENCES lab.mobility_users (organization_id, alias) ON DELETE CASCADE
      )`);

    // DNS
    await q.query(`
      CREATE TABLE lab.dns_zones (
        name             text NOT NULL,
        organization_id  text NOT NULL,
        published        boolean NOT NULL DEFAULT false,
        serial           bigint NOT NULL DEFAULT 1,
        created_by_run   text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT lab_dns_zones_pkey PRIMARY KEY (name)
      )`);
    await q.query(`CREATE INDEX lab_dns_zones_org_idx ON lab.dns_zones (organization_id)`);
    await q.query(`
      CREATE TABLE lab.dns_records (
        zone_name        text NOT NULL,
        name             text NOT NULL,
        type             text NOT NULL CHECK (type IN ('A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV')),
        value            text NOT NULL,
        organization_id  text NOT NULL,
        ttl              integer NOT NULL,
        priority         integer,
        created_by_run   text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT lab_dns_records_pkey PRIMARY KEY (zone_name, name, type, value),
        CONSTRAINT lab_dns_records_zone_fk FOREIGN KEY (zone_name) REFERENCES lab.dns_zones (name) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX lab_dns_records_org_idx ON lab.dns_records (organization_id)`);

    // Communications (SIP)
    await q.query(`
      CREATE TABLE lab.sip_domains (
        domain           text NOT NULL,
        organization_id  text NOT NULL,
        created_by_run   text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT lab_sip_domains_pkey PRIMARY KEY (domain)
      )`);
    await q.query(`CREATE UNIQUE INDEX lab_sip_domains_org_domain_key ON lab.sip_domains (organization_id, domain)`);
    await q.query(`
      CREATE TABLE lab.sip_users (
        organization_id  text NOT NULL,
        alias            text NOT NULL,
        domain           text NOT NULL,
        sip_uri          text NOT NULL,
        im               boolean NOT NULL,
        presence         boolean NOT NULL,
        federation       boolean NOT NULL,
        conferencing     boolean NOT NULL,
        created_by_run   text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT lab_sip_users_pkey PRIMARY KEY (organization_id, alias),
        CONSTRAINT lab_sip_users_user_fk FOREIGN KEY (organization_id, alias) REFERENCES lab.directory_users (organization_id, alias),
        CONSTRAINT lab_sip_users_domain_fk FOREIGN KEY (organization_id, domain) REFERENCES lab.sip_domains (organization_id, domain)
      )`);
    await q.query(`CREATE UNIQUE INDEX lab_sip_users_uri_key ON lab.sip_users (sip_uri)`);
    await q.query(`CREATE INDEX lab_sip_users_domain_idx ON lab.sip_users (organization_id, domain)`);

    // SharePoint
    await q.query(`
      CREATE TABLE lab.site_collections (
        url              text NOT NULL,
        organization_id  text NOT NULL,
        site_id          text NOT NULL,
        title            text NOT NULL,
        quota_mb         integer NOT NULL CHECK (quota_mb > 0),
        created_by_run   text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT lab_site_collections_pkey PRIMARY KEY (url)
      )`);
    await q.query(`CREATE UNIQUE INDEX lab_site_collections_site_id_key ON lab.site_collections (site_id)`);
    await q.query(`CREATE INDEX lab_site_collections_org_idx ON lab.site_collections (organization_id)`);

    // Recycle bin and property change log (rollback without journaled rollback data).
    await q.query(`
      CREATE TABLE lab.tombstones (
        id               bigserial NOT NULL,
        object_key       text NOT NULL,
        organization_id  text NOT NULL,
        run_id           text,
        data             jsonb NOT NULL,
        deleted_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT lab_tombstones_pkey PRIMARY KEY (id)
      )`);
    await q.query(`CREATE INDEX lab_tombstones_key_idx ON lab.tombstones (object_key, run_id, id)`);
    await q.query(`
      CREATE TABLE lab.changes (
        run_id       text NOT NULL,
        step_seq     integer NOT NULL,
        object_key   text NOT NULL,
        previous     jsonb NOT NULL,
        next         jsonb NOT NULL,
        changed_at   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT lab_changes_pkey PRIMARY KEY (run_id, object_key, step_seq)
      )`);

    // Fault injection
    await q.query(`
      CREATE TABLE lab.fault_settings (
        id              smallint NOT NULL DEFAULT 1 CHECK (id = 1),
        latency_ms      integer NOT NULL DEFAULT 0 CHECK (latency_ms BETWEEN 0 AND 60000),
        jitter_ms       integer NOT NULL DEFAULT 0 CHECK (jitter_ms BETWEEN 0 AND 60000),
        transient_rate  double precision NOT NULL DEFAULT 0 CHECK (transient_rate BETWEEN 0 AND 1),
        permanent_rate  double precision NOT NULL DEFAULT 0 CHECK (permanent_rate BETWEEN 0 AND 1),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT lab_fault_settings_pkey PRIMARY KEY (id)
      )`);
    await q.query(`INSERT INTO lab.fault_settings (id) VALUES (1)`);
    await q.query(`
      CREATE TABLE lab.fault_rules (
        id               bigserial NOT NULL,
        procedure        text NOT NULL,
        phase            text NOT NULL DEFAULT 'execute' CHECK (phase IN ('execute', 'rollback')),
        effect           text NOT NULL CHECK (effect IN ('transient', 'permanent', 'exit')),
        times            integer NOT NULL CHECK (times > 0),
        remaining        integer NOT NULL CHECK (remaining >= 0),
        organization_id  text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT lab_fault_rules_pkey PRIMARY KEY (id)
      )`);
    // Every lab call probes this index: it only holds rules that can still fire.
    await q.query(`CREATE INDEX lab_fault_rules_active_idx ON lab.fault_rules (procedure, phase, id) WHERE remaining > 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA lab CASCADE`);
  }
}
