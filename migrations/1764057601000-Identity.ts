import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1764057601000 implements MigrationInterface {
  name = 'Identity1764057601000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organizations (
        id               text PRIMARY KEY,
        kind             text NOT NULL CHECK (kind IN ('hoster', 'reseller', 'customer')),
        name             text NOT NULL,
        parent_id        text REFERENCES organizations (id),
        path             text NOT NULL,
        status           text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
        suspended_at     timestamptz,
        suspended_reason text,
        version          integer NOT NULL DEFAULT 1,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'hoster') = (parent_id IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX organizations_path_uq ON organizations (path text_pattern_ops)`);
    await q.query(`CREATE INDEX organizations_parent_idx ON organizations (parent_id)`);
    await q.query(`CREATE UNIQUE INDEX organizations_sibling_name_uq ON organizations (coalesce(parent_id, ''), lower(name))`);
    await q.query(`CREATE UNIQUE INDEX organizations_single_hoster_uq ON organizations ((kind)) WHERE kind = 'hoster'`);
    await q.query(`CREATE INDEX organizations_suspended_idx ON organizations (path) WHERE status = 'suspended'`);

    await q.query(`
      CREATE TABLE users (
        id               text PRIMARY KEY,
        organization_id  text NOT NULL REFERENCES organizations (id),
        username         text NOT NULL,
        display_name     text NOT NULL,
        email            text,
        status           text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled', 'deleted')),
        version          integer NOT NULL DEFAULT 1,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        deleted_at       timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX users_username_uq ON users (lower(username))`);
    await q.query(`CREATE INDEX users_organization_idx ON users (organization_id, id)`);

    await q.query(`
      CREATE TABLE role_assignments (
        user_id             text NOT NULL REFERENCES users (id),
        role                text NOT NULL CHECK (role IN ('hoster_admin', 'hoster_csr', 'reseller_admin', 'reseller_csr', 'org_admin', 'org_csr', 'end_user', 'auditor')),
        granted_by_user_id  text REFERENCES users (id),
        created_at          timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, role)
      )`);
    await q.query(`CREATE INDEX role_assignments_granted_by_idx ON role_assignments (granted_by_user_id)`);

    await q.query(`
      CREATE TABLE delegations (
        id                    text PRIMARY KEY,
        reseller_org_id       text NOT NULL REFERENCES organizations (id),
        customer_org_id       text NOT NULL REFERENCES organizations (id),
        roles                 text[] NOT NULL,
        duration_ms           bigint NOT NULL,
        status                text NOT NULL CHECK (status IN ('pending', 'active', 'revoked', 'expired')),
        note                  text,
        requested_by_user_id  text NOT NULL REFERENCES users (id),
        requested_at          timestamptz NOT NULL DEFAULT now(),
        request_expires_at    timestamptz NOT NULL,
        approved_by_user_id   text REFERENCES users (id),
        approved_at           timestamptz,
        approved_at_creation  boolean NOT NULL DEFAULT false,
        starts_at             timestamptz,
        ends_at               timestamptz,
        revoked_by_user_id    text REFERENCES users (id),
        revoked_at            timestamptz,
        revoke_reason         text
      )`);
    await q.query(`CREATE INDEX delegations_reseller_idx ON delegations (reseller_org_id, id)`);
    await q.query(`CREATE INDEX delegations_customer_idx ON delegations (customer_org_id, id)`);
    await q.query(`CREATE INDEX delegations_requested_by_idx ON delegations (requested_by_user_id)`);
    await q.query(`CREATE INDEX delegations_approved_by_idx ON delegations (approved_by_user_id)`);
    await q.query(`CREATE INDEX delegations_revoked_by_idx ON delegations (revoked_by_user_id)`);

    await q.query(`
      CREATE TABLE tokens (
        id                  text PRIMARY KEY,
        token_hash          text NOT NULL,
        prefix              text NOT NULL,
        name                text,
        user_id             text NOT NULL REFERENCES users (id),
        organization_id     text NOT NULL REFERENCES organizations (id),
        delegation_id       text REFERENCES delegations (id),
        roles               text[] NOT NULL,
        created_by_user_id  text REFERENCES users (id),
        created_at          timestamptz NOT NULL DEFAULT now(),
        expires_at          timestamptz NOT NULL,
        last_used_at        timestamptz,
        revoked_at          timestamptz,
        revoked_by_user_id  text REFERENCES users (id)
      )`);
    await q.query(`CREATE UNIQUE INDEX tokens_hash_uq ON tokens (token_hash)`);
    await q.query(`CREATE INDEX tokens_user_idx ON tokens (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX tokens_organization_idx ON tokens (organization_id)`);
    await q.query(`CREATE INDEX tokens_delegation_idx ON tokens (delegation_id) WHERE delegation_id IS NOT NULL`);
    await q.query(`CREATE INDEX tokens_created_by_idx ON tokens (created_by_user_id)`);
    await q.query(`CREATE INDEX tokens_revoked_by_idx ON tokens (revoked_by_user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE tokens`);
    await q.query(`DROP TABLE delegations`);
    await q.query(`DROP TABLE role_assignments`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE organizations`);
  }
}
