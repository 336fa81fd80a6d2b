import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Orders1764057605000 implements MigrationInterface {
  name = 'Orders1764057605000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE orders (
        id                   text PRIMARY KEY,
        organization_id      text NOT NULL REFERENCES organizations (id),
        organization_path    text NOT NULL,
        subscription_id      text REFERENCES subscriptions (id),
        type                 text NOT NULL,
        status               text NOT NULL DEFAULT 'accepted'
                             CHECK (status IN ('accepted', 'provisioning', 'completed', 'failed', 'needs_attention', 'cancelled')),
        body                 jsonb NOT NULL,
        summary              jsonb NOT NULL DEFAULT '{}'::jsonb,
        run_id               text,
        placed_by_user_id    text NOT NULL REFERENCES users (id),
        placed_by_org_id     text NOT NULL REFERENCES organizations (id),
        delegation_id        text REFERENCES delegations (id),
        token_id             text,
        request_id           text,
        error                jsonb,
        rolled_back          jsonb,
        resolution           text,
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now(),
        finished_at          timestamptz
      )`);
    await q.query(`CREATE INDEX orders_org_created_idx ON orders (organization_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX orders_path_created_idx ON orders (organization_path text_pattern_ops, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX orders_created_idx ON orders (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX orders_status_idx ON orders (status, created_at DESC) WHERE status NOT IN ('completed', 'cancelled')`);
    await q.query(`CREATE UNIQUE INDEX orders_run_uq ON orders (run_id) WHERE run_id IS NOT NULL`);
    await q.query(`CREATE INDEX orders_subscription_idx ON orders (subscription_id)`);
    await q.query(`CREATE INDEX orders_placed_by_user_idx ON orders (placed_by_user_id)`);
    await q.query(`CREATE INDEX orders_placed_by_org_idx ON orders (placed_by_org_id)`);
    await q.query(`CREATE INDEX orders_delegation_idx ON orders (delegation_id) WHERE delegation_id IS NOT NULL`);

    // Idempotency-Key (IETF draft): one row per (principal, key); the unique key is the guard.
    await q.query(`
      CREATE TABLE idempotency_keys (
        scope            text NOT NULL,
        key              text NOT NULL,
        request_hash     text NOT NULL,
        state            text NOT NULL CHECK (state IN ('in_flight', 'done')),
        response_status  integer,
        response_body    jsonb,
        response_headers jsonb,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        expires_at       timestamptz NOT NULL,
        PRIMARY KEY (scope, key)
      )`);
    await q.query(`CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at)`);

    // What each customer has (or is getting): the orders module's inventory, the source of the
    // data for removals, plan changes, suspension and cancellation.
    await q.query(`
      CREATE TABLE customer_services (
        organization_id  text PRIMARY KEY REFERENCES organizations (id),
        subscription_id  text NOT NULL REFERENCES subscriptions (id),
        domain           text NOT NULL,
        policy_name      text NOT NULL,
        state            text NOT NULL CHECK (state IN ('pending', 'active', 'removing', 'removed')),
        order_id         text NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX customer_services_domain_uq ON customer_services (lower(domain)) WHERE state <> 'removed'`);
    await q.query(`CREATE INDEX customer_services_subscription_idx ON customer_services (subscription_id)`);

    await q.query(`
      CREATE TABLE customer_users (
        id                     text PRIMARY KEY,
        organization_id        text NOT NULL REFERENCES organizations (id),
        alias                  text NOT NULL,
        display_name           text NOT NULL,
        user_plan_version_id   text NOT NULL,
        settings               jsonb NOT NULL,
        state                  text NOT NULL CHECK (state IN ('pending', 'active', 'changing', 'removing', 'removed')),
        pending_settings       jsonb,
        pending_plan_version_id text,
        order_id               text NOT NULL,
        created_at             timestamptz NOT NULL DEFAULT now(),
        updated_at             timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX customer_users_alias_uq ON customer_users (organization_id, lower(alias)) WHERE state <> 'removed'`);
    await q.query(`CREATE INDEX customer_users_order_idx ON customer_users (order_id)`);

    await q.query(`
      CREATE TABLE customer_dns_records (
        id               text PRIMARY KEY,
        organization_id  text NOT NULL REFERENCES organizations (id),
        zone             text NOT NULL,
        name             text NOT NULL,
        type             text NOT NULL,
        value            text NOT NULL,
        ttl              integer NOT NULL,
        priority         integer,
        system           boolean NOT NULL DEFAULT false,
        state            text NOT NULL CHECK (state IN ('pending', 'active', 'removing', 'removed')),
        order_id         text NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX customer_dns_records_uq ON customer_dns_records (organization_id, lower(name), type, value) WHERE state <> 'removed'`);
    await q.query(`CREATE INDEX customer_dns_records_order_idx ON customer_dns_records (order_id)`);

    await q.query(`
      CREATE TABLE customer_sites (
        id               text PRIMARY KEY,
        organization_id  text NOT NULL REFERENCES organizations (id),
        url              text NOT NULL,
        title            text NOT NULL,
        quota_mb         integer NOT NULL,
        state            text NOT NULL CHECK (state IN ('pending', 'active', 'removing', 'removed')),
        order_id         text NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX customer_sites_url_uq ON customer_sites (lower(url)) WHERE state <> 'removed'`);
    await q.query(`CREATE INDEX customer_sites_org_idx ON customer_sites (organization_id)`);
    await q.query(`CREATE INDEX customer_sites_order_idx ON customer_sites (order_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['customer_sites', 'customer_dns_records', 'customer_users', 'customer_services', 'idempotency_keys', 'orders']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
