import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalog: plans and their versions, reseller offers, subscriptions and the quota ledger.
 * Services and features are code (src/catalog/service-catalog.ts); plans store values keyed by
 * feature. Order ids are plain text: orders reference the ledger, not the other way round.
 */
export class Catalog1764057602000 implements MigrationInterface {
  name = 'Catalog1764057602000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plans (
        id                  text PRIMARY KEY,
        owner_org_id        text NOT NULL REFERENCES organizations (id),
        kind                text NOT NULL CHECK (kind IN ('organization', 'user')),
        name                text NOT NULL,
        base_plan_id        text REFERENCES plans (id),
        status              text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
        current_version_id  text,
        draft_version_id    text,
        revision            integer NOT NULL DEFAULT 1,
        created_by_user_id  text REFERENCES users (id),
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        retired_at          timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX plans_owner_name_uq ON plans (owner_org_id, name)`);
    await q.query(`CREATE INDEX plans_base_idx ON plans (base_plan_id)`);
    await q.query(`CREATE INDEX plans_created_by_idx ON plans (created_by_user_id)`);

    await q.query(`
      CREATE TABLE plan_versions (
        id                     text PRIMARY KEY,
        plan_id                text NOT NULL REFERENCES plans (id),
        number                 integer NOT NULL CHECK (number > 0),
        status                 text NOT NULL CHECK (status IN ('draft', 'published')),
        display_name           text NOT NULL,
        description            text,
        services               text[] NOT NULL,
        features               jsonb NOT NULL,
        user_plan_ids          text[] NOT NULL DEFAULT '{}',
        user_plan_version_ids  text[] NOT NULL DEFAULT '{}',
        base_version_id        text REFERENCES plan_versions (id),
        created_by_user_id     text REFERENCES users (id),
        published_by_user_id   text REFERENCES users (id),
        created_at             timestamptz NOT NULL DEFAULT now(),
        updated_at             timestamptz NOT NULL DEFAULT now(),
        published_at           timestamptz,
        CHECK ((status = 'published') = (published_at IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX plan_versions_plan_number_uq ON plan_versions (plan_id, number)`);
    // At most one draft per plan: later edits of a published plan open exactly one new version.
    await q.query(`CREATE UNIQUE INDEX plan_versions_one_draft_uq ON plan_versions (plan_id) WHERE status = 'draft'`);
    await q.query(`CREATE INDEX plan_versions_base_version_idx ON plan_versions (base_version_id)`);
    await q.query(`CREATE INDEX plan_versions_created_by_idx ON plan_versions (created_by_user_id)`);
    await q.query(`CREATE INDEX plan_versions_published_by_idx ON plan_versions (published_by_user_id)`);
    await q.query(`CREATE INDEX plan_versions_user_plan_versions_idx ON plan_versions USING gin (user_plan_version_ids)`);

    await q.query(`ALTER TABLE plans ADD CONSTRAINT plans_current_version_fk FOREIGN KEY (current_version_id) REFERENCES plan_versions (id)`);
    await q.query(`ALTER TABLE plans ADD CONSTRAINT plans_draft_version_fk FOREIGN KEY (draft_version_id) REFERENCES plan_versions (id)`);
    await q.query(`CREATE INDEX plans_current_version_idx ON plans (current_version_id)`);
    await q.query(`CREATE INDEX plans_draft_version_idx ON plans (draft_version_id)`);

    await q.query(`
      CREATE TABLE plan_availability (
        plan_id             text NOT NULL REFERENCES plans (id),
        reseller_org_id     text NOT NULL REFERENCES organizations (id),
        created_by_user_id  text REFERENCES users (id),
        created_at          timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (plan_id, reseller_org_id)
      )`);
    await q.query(`CREATE INDEX plan_availability_reseller_idx ON plan_availability (reseller_org_id, plan_id)`);
    await q.query(`CREATE INDEX plan_availability_created_by_idx ON plan_availability (created_by_user_id)`);

    await q.query(`
      CREATE TABLE subscriptions (
        id                  text PRIMARY KEY,
        organization_id     text NOT NULL REFERENCES organizations (id),
        plan_id             text NOT NULL REFERENCES plans (id),
        plan_version_id     text NOT NULL REFERENCES plan_versions (id),
        status              text NOT NULL CHECK (status IN ('pending', 'active', 'suspended', 'cancelled')),
        previous_status     text CHECK (previous_status IN ('pending', 'active', 'suspended', 'cancelled')),
        status_run_id       text,
        status_changed_at   timestamptz NOT NULL DEFAULT now(),
        order_id            text,
        created_by_user_id  text REFERENCES users (id),
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now()
      )`);
    // One subscription per customer that is not cancelled.
    await q.query(`CREATE UNIQUE INDEX subscriptions_one_open_uq ON subscriptions (organization_id) WHERE status <> 'cancelled'`);
    await q.query(`CREATE INDEX subscriptions_organization_idx ON subscriptions (organization_id, id)`);
    await q.query(`CREATE INDEX subscriptions_plan_idx ON subscriptions (plan_id)`);
    await q.query(`CREATE INDEX subscriptions_plan_version_idx ON subscriptions (plan_version_id)`);
    await q.query(`CREATE INDEX subscriptions_created_by_idx ON subscriptions (created_by_user_id)`);

    // A counter per (subscription, feature) and per (reseller pool, feature). Usage plus
    // reservations stay within limit_value (NULL = unlimited) because every reservation is one
    // conditional UPDATE; "freeing" is usage that pending removals will free when they complete.
    await q.query(`
      CREATE TABLE quota_ledger (
        id               text PRIMARY KEY,
        subscription_id  text REFERENCES subscriptions (id),
        reseller_org_id  text REFERENCES organizations (id),
        feature          text NOT NULL,
        limit_value      bigint CHECK (limit_value >= 0),
        used             bigint NOT NULL DEFAULT 0 CHECK (used >= 0),
        reserved         bigint NOT NULL DEFAULT 0 CHECK (reserved >= 0),
        freeing          bigint NOT NULL DEFAULT 0 CHECK (freeing >= 0),
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        CHECK ((subscription_id IS NULL) <> (reseller_org_id IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX quota_ledger_subscription_feature_uq ON quota_ledger (subscription_id, feature) WHERE subscription_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX quota_ledger_reseller_feature_uq ON quota_ledger (reseller_org_id, feature) WHERE reseller_org_id IS NOT NULL`);

    // One entry per order and counter it moved: settling an order touches exactly the counters its
    // reservation moved, even if a reseller pool is added later.
    await q.query(`
      CREATE TABLE quota_entries (
        id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        order_id         text NOT NULL,
        subscription_id  text NOT NULL REFERENCES subscriptions (id),
        ledger_id        text NOT NULL REFERENCES quota_ledger (id),
        feature          text NOT NULL,
        kind             text NOT NULL CHECK (kind IN ('reserve', 'free')),
        amount           bigint NOT NULL CHECK (amount > 0),
        status           text NOT NULL CHECK (status IN ('pending', 'applied', 'released', 'dropped')),
        created_at       timestamptz NOT NULL DEFAULT now(),
        settled_at       timestamptz
      )`);
    await q.query(`CREATE INDEX quota_entries_order_idx ON quota_entries (order_id, kind, status)`);
    await q.query(`CREATE INDEX quota_entries_subscription_idx ON quota_entries (subscription_id)`);
    await q.query(`CREATE INDEX quota_entries_ledger_idx ON quota_entries (ledger_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE quota_entries`);
    await q.query(`DROP TABLE quota_ledger`);
    await q.query(`DROP TABLE subscriptions`);
    await q.query(`DROP TABLE plan_availability`);
    await q.query(`ALTER TABLE plans DROP CONSTRAINT plans_current_version_fk`);
    await q.query(`ALTER TABLE plans DROP CONSTRAINT plans_draft_version_fk`);
    await q.query(`DROP TABLE plan_versions`);
    await q.query(`DROP TABLE plans`);
  }
}
