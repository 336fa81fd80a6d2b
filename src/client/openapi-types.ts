// generated from docs/openapi.json sha256:c28b13fe61f09bedb3da5446ce7002501056de10822bd5ec19eddda0a6c05022 by scripts/openapi/generate-client.mjs — do not edit
/* eslint-disable */
export interface paths {
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who am I: user, organization, roles and permissions of this token
         * @description **Permission:** `me.read`
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your tokens (never their secrets)
         * @description **Permission:** `tokens.read`
         */
        get: operations["listTokens"];
        put?: never;
        /**
         * Create a personal token; the secret is in this answer only
         * @description **Permission:** `tokens.manage`
         */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a token (yours, or of a user below you); effective on the next request
         * @description **Permission:** `tokens.manage`
         */
        delete: operations["revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List organizations in your scope
         * @description **Permission:** `organizations.read`
         */
        get: operations["listOrganizations"];
        put?: never;
        /**
         * Create a reseller (hoster staff) or a customer, optionally with its first admin and token
         * @description A reseller admin creating its own customer may ask for a delegation approved at creation; that choice is audited as `delegation.approved_at_creation`.
         *
         *     **Permission:** `organizations.write`
         */
        post: operations["createOrganization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read an organization (ETag = version)
         * @description **Permission:** `organizations.read`
         */
        get: operations["getOrganization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename an organization (If-Match honoured)
         * @description **Permission:** `organizations.write`
         */
        patch: operations["updateOrganization"];
        trace?: never;
    };
    "/v1/organizations/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suspend an organization: its tokens (and those below it) get 403 ORGANIZATION_SUSPENDED
         * @description **Permission:** `organizations.suspend`
         */
        post: operations["suspendOrganization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a suspended organization
         * @description **Permission:** `organizations.suspend`
         */
        post: operations["resumeOrganization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the users of an organization
         * @description **Permission:** `users.read`
         */
        get: operations["listOrganizationUsers"];
        put?: never;
        /**
         * Create a user with roles below your own
         * @description **Permission:** `users.write`
         */
        post: operations["createOrganizationUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a user: yourself, or a user in your scope (users.read)
         * @description **Permission:** any valid token
         */
        get: operations["getUser"];
        put?: never;
        post?: never;
        /**
         * Delete a user below you; its tokens stop working at once
         * @description **Permission:** `users.delete`
         */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        /**
         * Change a user: your own profile, or a user below you in your scope (users.write); If-Match honoured
         * @description **Permission:** any valid token
         */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/v1/users/{id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Grant a role below your own
         * @description **Permission:** `roles.assign`
         */
        post: operations["grantUserRole"];
        /**
         * Take a role away (?role=)
         * @description **Permission:** `roles.assign`
         */
        delete: operations["revokeUserRole"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a token to a user below you (e.g. its first one); the secret is in this answer only
         * @description **Permission:** `users.issue_token`
         */
        post: operations["issueUserToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/delegations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List delegations: a reseller's own, or those on your organization
         * @description **Permission:** `delegations.read`
         */
        get: operations["listDelegations"];
        put?: never;
        /**
         * Request delegated admin rights on one of your customers (roles ⊆ org_admin, org_csr, auditor; 1 hour to 2 years)
         * @description **Permission:** `delegations.request`
         */
        post: operations["createDelegation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/delegations/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a pending delegation on your organization (customer org_admin)
         * @description **Permission:** `delegations.approve`
         */
        post: operations["approveDelegation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/delegations/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a delegation (the customer's org_admin, the reseller admin, or a hoster admin); its delegated tokens stop at once
         * @description **Permission:** `delegations.read`
         */
        post: operations["revokeDelegation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/delegations/{id}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange your reseller token for a delegated admin token acting in the customer (default 1 h, never past the delegation's end)
         * @description **Permission:** `delegations.token`
         */
        post: operations["issueDelegatedToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness: the process answers
         * @description **Permission:** none (public)
         */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: database reachable, migrations applied, at least one live engine, every provider's platform reachable
         * @description **Permission:** none (public)
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/engines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List provisioning engines with their state and load
         * @description **Permission:** `engines.read`
         */
        get: operations["listEngines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/provisioning/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a raw XML provisioning request; answers 202 with the queued run and its Location
         * @description The document is parsed safely, schema-validated and compiled before anything is stored: any problem answers 4xx and stores nothing.
         *
         *     **Permission:** `requests.submit`
         */
        post: operations["submitProvisioningRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/provisioning/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List provisioning runs in your scope, newest first (filters: status, organization subtree, order, creation time)
         * @description **Permission:** `runs.read`
         */
        get: operations["listProvisioningRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/provisioning/runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One run: status, current step, error, the timeline of steps and rollbacks, and the response document
         * @description **Permission:** `runs.read`
         */
        get: operations["getProvisioningRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/provisioning/runs/{id}/steps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The timeline of a run: every attempt of every step and rollback with path, engine, attempt, timings and error
         * @description **Permission:** `runs.read`
         */
        get: operations["listProvisioningRunSteps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/provisioning/runs/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry a parked, failed or needs_attention run from its failed step
         * @description A parked run resumes at the step that failed. A failed or needs_attention run was (partly) compensated, so it replays from the start: every procedure is idempotent, so what still exists is not created twice.
         *
         *     **Permission:** `runs.operate`
         */
        post: operations["retryProvisioningRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/provisioning/runs/{id}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Compensate a parked, failed or needs_attention run (again): undo every completed write step not yet undone, newest first
         * @description **Permission:** `runs.operate`
         */
        post: operations["rollbackProvisioningRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/provisioning/runs/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a parked, failed or needs_attention run with a mandatory reason (audited); unblocks its serialization key
         * @description **Permission:** `runs.operate`
         */
        post: operations["resolveProvisioningRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Audit events in your scope, newest first (filters, keyset cursor stable under concurrent inserts)
         * @description An auditor sees the events of its organization and everything under it (including what a reseller did there with a delegated token: `onBehalfOfOrgId` is set); hoster auditors see the whole installation.
         *
         *     **Permission:** `audit.read`
         */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/events/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stream every matching event as NDJSON (verifiable offline) or CSV
         * @description Same filters and scope as the list, oldest first by default, up to the chain head when the export started. Each NDJSON line has `seq`, `prevHash`, `hash` and every hashed field: `provisio audit verify --file export.ndjson --public-key key.pem --checkpoints checkpoints.json` checks it without the server. Streamed from the database in batches with back-pressure.
         *
         *     **Permission:** `audit.read`
         */
        get: operations["exportAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Re-walk the hash chain (and the signed checkpoints in range) and report the first break
         * @description Hoster auditors and hoster admins only (403 `AUDIT_VERIFY_NOT_ALLOWED` for others): the chain is one for the whole installation. `firstBreak.reason`: `hash_mismatch` (a row was edited), `missing_sequence` (a row was deleted), `broken_link` (rows re-ordered or re-hashed), `checkpoint_mismatch` (the chain no longer matches what was signed).
         *
         *     **Permission:** `audit.read`
         */
        get: operations["verifyAuditChain"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/checkpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Signed checkpoints of the chain, newest first, with the public key to verify them offline
         * @description **Permission:** `audit.read`
         */
        get: operations["listAuditCheckpoints"];
        put?: never;
        /**
         * Sign a checkpoint of the chain head now (201), or return the latest when nothing happened since (200)
         * @description **Permission:** `audit.checkpoint`
         */
        post: operations["createAuditCheckpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The services Provisio sells, their dependencies and features (typed quota definitions)
         * @description Feature values in plans: booleans; integers within [min, max]; `null` = unlimited where `unlimitedAllowed`.
         *
         *     **Permission:** `catalog.read`
         */
        get: operations["listServices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Plans you can see: the hoster all; a reseller its own and those offered to it; a customer what its reseller (or the hoster) offers
         * @description **Permission:** `catalog.read`
         */
        get: operations["listPlans"];
        put?: never;
        /**
         * Create a plan (draft version 1); resellers derive theirs from a hoster plan offered to them
         * @description **Permission:** `plans.write`
         */
        post: operations["createPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a plan: its current version and, for editors, its draft (ETag = revision)
         * @description **Permission:** `catalog.read`
         */
        get: operations["getPlan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit the draft; on a published plan this opens a new draft version (existing subscriptions keep theirs). If-Match required
         * @description **Permission:** `plans.write`
         */
        patch: operations["updatePlan"];
        trace?: never;
    };
    "/v1/plans/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish the draft: the version is frozen and becomes what new subscriptions get
         * @description **Permission:** `plans.write`
         */
        post: operations["publishPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/plans/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retire a plan: no new subscriptions; existing ones keep their version
         * @description **Permission:** `plans.write`
         */
        post: operations["retirePlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/plans/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Versions of a plan (published ones; editors also see the draft)
         * @description **Permission:** `catalog.read`
         */
        get: operations["listPlanVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/plans/{id}/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hoster staff: make a published hoster plan available to resellers (or withdraw it), optionally capping each reseller's quota pool
         * @description **Permission:** `plans.offer`
         */
        post: operations["setPlanAvailability"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Subscriptions of an organization, with quota limits, usage and reservations
         * @description **Permission:** `subscriptions.read`
         */
        get: operations["listOrganizationSubscriptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A subscription: plan version, features, every quota with limit, usage and reservations
         * @description **Permission:** `subscriptions.read`
         */
        get: operations["getSubscription"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List orders in your scope, newest first (filters: organizationId, status, type, from, to)
         * @description **Permission:** `orders.read`
         */
        get: operations["listOrders"];
        put?: never;
        /**
         * Place an order: validated, quota reserved, XML request compiled and queued, in one transaction (202 + Location)
         * @description An `org_admin` of the customer, a reseller with a **delegated** token for it, or hoster staff. Nothing is reserved or stored when anything fails. Follow the order with `GET /v1/orders/{id}?wait=30`.
         *
         *     **Permission:** `orders.create`
         */
        post: operations["placeOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An order with its run's progress; `?wait=N` long-polls up to N seconds for a terminal status
         * @description **Permission:** `orders.read`
         */
        get: operations["getOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The XML provisioning request the order became, as stored
         * @description **Permission:** `orders.read`
         */
        get: operations["getOrderRequestXml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/response": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The XML response document (data and errorContext) once the run stopped
         * @description **Permission:** `orders.read`
         */
        get: operations["getOrderResponseXml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every step and rollback of the order's run: path, namespace, procedure, engine, attempt, timings, error
         * @description **Permission:** `orders.read`
         */
        get: operations["getOrderTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Call an order off before its run starts (its reservations are released)
         * @description **Permission:** `orders.cancel`
         */
        post: operations["cancelOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{organizationId}/customer-users/{alias}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set the password a provisioned user signs in with (directory, mail, IM); write-only
         * @description The password goes straight to the directory provider and is not kept by Provisio: not in runs, requests, logs or audit events (the event `customer_user.password_set` records who set one for whom).
         *
         *     **Permission:** `users.write`
         */
        put: operations["setCustomerUserPassword"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/customer-users/{alias}/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The mobile devices of a customer user, as the mobility platform reports them
         * @description For the customer's admins and a reseller with a **delegated** token (the same people who place orders). Wipe one with a `wipe_device` order (`POST /v1/orders`).
         *
         *     **Permission:** `orders.read`
         */
        get: operations["listOrganizationCustomerUserDevices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lab/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The lab platform state of one customer: OU, users, Exchange, mailboxes, mobility, DNS, SIP, sites
         * @description **Permission:** `lab.read`
         */
        get: operations["getLabState"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lab/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Simulate a phone syncing with a mobility-enabled mailbox, so the device exists (operators and tests)
         * @description A device that synced before stays as it is (its wipe status included). Audited as `lab.device_synced`.
         *
         *     **Permission:** `lab.faults`
         */
        post: operations["createLabDevice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lab/faults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The lab fault injection configuration (latency, error rates, rules with remaining counts)
         * @description **Permission:** `lab.faults`
         */
        get: operations["getLabFaults"];
        /**
         * Replace the lab fault injection configuration; takes effect on the next lab call of every engine
         * @description Omitted fields take their default (no latency, no errors, no rules), so `{}` resets the lab. Audited as `lab.faults_changed` with before/after.
         *
         *     **Permission:** `lab.faults`
         */
        put: operations["replaceLabFaults"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/namespaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List namespaces (leaf and composite) with their procedures
         * @description **Permission:** `namespaces.read`
         */
        get: operations["listNamespaces"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/namespaces/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A namespace: the XML document of a composite namespace, or the description of a leaf namespace
         * @description **Permission:** `namespaces.read`
         */
        get: operations["getNamespace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schemas/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The XML Schema of requests (request.xsd) or of composite namespace documents (namespace.xsd)
         * @description **Permission:** none (public)
         */
        get: operations["getXmlSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platform/objects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the platforms hold for one customer, per provider (directory entries, DNS zones, the lab state), read live
         * @description **Permission:** `lab.read`
         */
        get: operations["listPlatformObjects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        UserView: {
            /** @example usr_01jdx3m5v8k2q9w7e4r6t1y0ab */
            id: string;
            organizationId: string;
            /** @example ann.lee */
            username: string;
            /** @example Ann Lee */
            displayName: string;
            /** Format: email */
            email: string | null;
            /** @enum {string} */
            status: "active" | "disabled" | "deleted";
            roles: ("hoster_admin" | "hoster_csr" | "reseller_admin" | "reseller_csr" | "org_admin" | "org_csr" | "end_user" | "auditor")[];
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        OrganizationView: {
            /** @example org_01jdx3m5v8k2q9w7e4r6t1y0ab */
            id: string;
            /** @enum {string} */
            kind: "hoster" | "reseller" | "customer";
            /** @example Contoso */
            name: string;
            parentId: string | null;
            /**
             * @description materialized path of ids from the hoster down
             * @example /org_…/org_…/
             */
            path: string;
            /** @enum {string} */
            status: "active" | "suspended";
            /** Format: date-time */
            suspendedAt: string | null;
            suspendedReason: string | null;
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        MeView: {
            user: components["schemas"]["UserView"];
            organization: components["schemas"]["OrganizationView"];
            /** @description the organization this token acts in (a customer, for delegated tokens) */
            actingIn: components["schemas"]["OrganizationView"];
            roles: ("hoster_admin" | "hoster_csr" | "reseller_admin" | "reseller_csr" | "org_admin" | "org_csr" | "end_user" | "auditor")[];
            permissions: string[];
            tokenId: string;
            delegationId: string | null;
        };
        TokenView: {
            /** @example tok_01jdx3m5v8k2q9w7e4r6t1y0ab */
            id: string;
            name: string | null;
            /**
             * @description first characters of the secret, to tell tokens apart
             * @example pvs_4fQ2xZ
             */
            prefix: string;
            userId: string;
            /** @description the organization the token acts in (the customer, for delegated tokens) */
            organizationId: string;
            delegationId: string | null;
            /** @description issued by a reseller acting through this delegation: it stops working when the delegation ends or is revoked */
            issuedUnderDelegationId: string | null;
            roles: ("hoster_admin" | "hoster_csr" | "reseller_admin" | "reseller_csr" | "org_admin" | "org_csr" | "end_user" | "auditor")[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string;
            /** Format: date-time */
            lastUsedAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
        };
        CreateTokenRequest: {
            /** @example ci pipeline */
            name?: string;
            /** @description a subset of the owner's roles; default all of them */
            roles?: ("hoster_admin" | "hoster_csr" | "reseller_admin" | "reseller_csr" | "org_admin" | "org_csr" | "end_user" | "auditor")[];
            /**
             * @description lifetime (default TOKEN_DEFAULT_TTL, at most TOKEN_MAX_TTL)
             * @example 30d
             */
            expiresIn?: string;
        };
        CreatedTokenView: {
            /** @example tok_01jdx3m5v8k2q9w7e4r6t1y0ab */
            id: string;
            name: string | null;
            /**
             * @description first characters of the secret, to tell tokens apart
             * @example pvs_4fQ2xZ
             */
            prefix: string;
            userId: string;
            /** @description the organization the token acts in (the customer, for delegated tokens) */
            organizationId: string;
            delegationId: string | null;
            /** @description issued by a reseller acting through this delegation: it stops working when the delegation ends or is revoked */
            issuedUnderDelegationId: string | null;
            roles: ("hoster_admin" | "hoster_csr" | "reseller_admin" | "reseller_csr" | "org_admin" | "org_csr" | "end_user" | "auditor")[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string;
            /** Format: date-time */
            lastUsedAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
            /**
             * @description the secret: shown once, never again
             * @example pvs_4fQ2xZ…
             */
            token: string;
        };
        NewUserFields: {
            /**
             * @description lower case, 3–64 characters: letters, digits, dot, dash, underscore; unique
             * @example ann.lee
             */
            username: string;
            /** @example Ann Lee */
            displayName: string;
            /**
             * Format: email
             * @example ann@contoso.example
             */
            email?: string;
        };
        DelegationOnCreate: {
            roles: ("org_admin" | "org_csr" | "auditor")[];
            /**
             * @description 1h to 2y
             * @example 90d
             */
            duration: string;
        };
        CreateOrganizationRequest: {
            /** @enum {string} */
            kind: "reseller" | "customer";
            /** @example Contoso */
            name: string;
            /** @description parent organization (default: your own organization) */
            parentId?: string;
            /** @description create the first admin (reseller_admin or org_admin) and return its first token, to hand over */
            admin?: components["schemas"]["NewUserFields"];
            /** @description reseller only: a delegation approved at creation (audited as such) */
            delegation?: components["schemas"]["DelegationOnCreate"];
        };
        CreatedUserView: {
            /** @example usr_01jdx3m5v8k2q9w7e4r6t1y0ab */
            id: string;
            organizationId: string;
            /** @example ann.lee */
            username: string;
            /** @example Ann Lee */
            displayName: string;
            /** Format: email */
            email: string | null;
            /** @enum {string} */
            status: "active" | "disabled" | "deleted";
            roles: ("hoster_admin" | "hoster_csr" | "reseller_admin" | "reseller_csr" | "org_admin" | "org_csr" | "end_user" | "auditor")[];
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description its first token */
            token: components["schemas"]["CreatedTokenView"];
        };
        CreatedOrganizationView: {
            organization: components["schemas"]["OrganizationView"];
            /** @description the first admin, when asked for */
            admin?: components["schemas"]["CreatedUserView"];
            /** @description the delegation approved at creation, when asked for */
            delegationId?: string;
        };
        UpdateOrganizationRequest: {
            name?: string;
        };
        ReasonRequest: {
            /** @example unpaid invoice 2026-11 */
            reason: string;
        };
        OptionalReasonRequest: {
            reason?: string;
        };
        CreateUserRequest: {
            /**
             * @description lower case, 3–64 characters: letters, digits, dot, dash, underscore; unique
             * @example ann.lee
             */
            username: string;
            /** @example Ann Lee */
            displayName: string;
            /**
             * Format: email
             * @example ann@contoso.example
             */
            email?: string;
            /**
             * @description roles below your own, allowed in this kind of organization; default end_user
             * @example [
             *       "org_csr"
             *     ]
             */
            roles?: ("hoster_admin" | "hoster_csr" | "reseller_admin" | "reseller_csr" | "org_admin" | "org_csr" | "end_user" | "auditor")[];
        };
        UpdateUserRequest: {
            displayName?: string;
            /** Format: email */
            email?: string;
            /** @description disable (true) or re-enable (false) the user; its tokens stop working while disabled */
            disabled?: boolean;
        };
        RoleRequest: {
            /** @enum {string} */
            role: "hoster_admin" | "hoster_csr" | "reseller_admin" | "reseller_csr" | "org_admin" | "org_csr" | "end_user" | "auditor";
        };
        DelegationView: {
            /** @example dlg_01jdx3m5v8k2q9w7e4r6t1y0ab */
            id: string;
            resellerId: string;
            customerId: string;
            roles: ("org_admin" | "org_csr" | "auditor")[];
            /** @enum {string} */
            status: "pending" | "active" | "revoked" | "expired";
            /** @description requested duration in seconds */
            durationSeconds: number;
            note: string | null;
            requestedBy: string;
            /** Format: date-time */
            requestedAt: string;
            /**
             * Format: date-time
             * @description a pending request expires unapproved at this time
             */
            requestExpiresAt: string;
            approvedBy: string | null;
            /** Format: date-time */
            approvedAt: string | null;
            /** @description approved by the reseller when it created the customer */
            approvedAtCreation: boolean;
            /** Format: date-time */
            startsAt: string | null;
            /** Format: date-time */
            endsAt: string | null;
            revokedBy: string | null;
            /** Format: date-time */
            revokedAt: string | null;
        };
        CreateDelegationRequest: {
            /** @description a customer of your reseller organization */
            customerId: string;
            /**
             * @example [
             *       "org_admin"
             *     ]
             */
            roles: ("org_admin" | "org_csr" | "auditor")[];
            /**
             * @description 1h to 2y
             * @example 30d
             */
            duration: string;
            note?: string;
        };
        CreateDelegatedTokenRequest: {
            /** @description a subset of the delegation's roles; default all of them */
            roles?: ("org_admin" | "org_csr" | "auditor")[];
            /**
             * @description lifetime (default DELEGATED_TOKEN_TTL, never past the delegation's end)
             * @example 1h
             */
            expiresIn?: string;
        };
        EngineView: {
            /** @example eng_01jdx3m5v8k2q9w7e4r6t1y0ab */
            id: string;
            host: string;
            pid: number;
            version: string;
            /** @enum {string} */
            state: "running" | "draining" | "dead" | "stopped";
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            lastHeartbeatAt: string;
            /** Format: date-time */
            stoppedAt: string | null;
            /** @description runs this engine may hold at once */
            capacity: number;
            /** @description runs held at the last heartbeat */
            runsHeld: number;
            /** @description steps journaled since the engine started */
            stepsDone: number;
        };
        CurrentStepView: {
            /** @description program counter */
            pc: number;
            path: string;
            namespace?: string;
            procedure?: string;
        };
        LeaseView: {
            /** @description the engine holding the run */
            engineId: string;
            /** @description increases with every claim; writes of older epochs are fenced off */
            epoch: number;
            /** Format: date-time */
            expiresAt: string;
        };
        RunErrorView: {
            /** @example LAB_PERMANENT */
            code: string;
            message: string;
            retryable: boolean;
            /**
             * @description `rollback`: a compensation failed (the run needs attention)
             * @enum {string}
             */
            phase: "execute" | "rollback";
            namespace?: string;
            procedure?: string;
            /** @example 4/u[bob]/Hosted User.Create/2/Exchange.CreateMailbox */
            path?: string;
            /** @description journal seq of the failed attempt */
            stepSeq?: number;
            details?: Record<string, never>;
        };
        RunView: {
            /** @example run_01jdx3m5v8k2q9w7e4r6t1y0ab */
            id: string;
            /** @enum {string} */
            status: "queued" | "running" | "compensating" | "completed" | "failed" | "needs_attention" | "parked" | "cancelled" | "resolved";
            /** @enum {string} */
            kind: "trusted" | "simple";
            /** @enum {string} */
            onFailure: "rollback" | "park";
            /** @description lower runs first */
            priority: number;
            /** @description runs with the same key run one at a time, in creation order */
            serializationKey?: string | null;
            organizationId?: string | null;
            orderId?: string | null;
            createdByUserId?: string | null;
            /** @description attempts made of the current step */
            attempts: number;
            /** @description journal entries (steps and rollbacks, every attempt) */
            journalEntries: number;
            /** @description where the program stands (queued, running, parked runs) */
            currentStep?: components["schemas"]["CurrentStepView"] | null;
            lease?: components["schemas"]["LeaseView"] | null;
            error?: components["schemas"]["RunErrorView"] | null;
            /** @description not retried before this time (back-off) */
            notBefore: string;
            parkedReason?: string | null;
            resolutionReason?: string | null;
            resolvedByUserId?: string | null;
            /** @description composite namespace → version the program was compiled with */
            namespaceVersions: Record<string, never>;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            startedAt?: string | null;
            /** Format: date-time */
            finishedAt?: string | null;
            /** Format: date-time */
            updatedAt: string;
        };
        RunPage: {
            items: components["schemas"]["RunView"][];
            nextCursor?: string | null;
        };
        StepView: {
            /** @description position in the run's journal */
            seq: number;
            /** @enum {string} */
            phase: "execute" | "rollback";
            path: string;
            namespace: string;
            procedure: string;
            /** @enum {string} */
            kind: "read" | "write";
            /** @enum {string} */
            status: "completed" | "failed";
            /** @description the attempt may have taken effect (timeout, engine died) */
            outcomeUnknown: boolean;
            /** @description rollbacks: the seq of the step they undo */
            compensatesSeq?: number | null;
            attempt: number;
            engineId: string;
            leaseEpoch: number;
            naturalKey?: string | null;
            input?: Record<string, never>;
            /** @description what the procedure returned; null when it returned nothing */
            output?: Record<string, never> | null;
            error?: Record<string, never> | null;
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            finishedAt: string;
            durationMs: number;
        };
        RunDetailView: {
            /** @example run_01jdx3m5v8k2q9w7e4r6t1y0ab */
            id: string;
            /** @enum {string} */
            status: "queued" | "running" | "compensating" | "completed" | "failed" | "needs_attention" | "parked" | "cancelled" | "resolved";
            /** @enum {string} */
            kind: "trusted" | "simple";
            /** @enum {string} */
            onFailure: "rollback" | "park";
            /** @description lower runs first */
            priority: number;
            /** @description runs with the same key run one at a time, in creation order */
            serializationKey?: string | null;
            organizationId?: string | null;
            orderId?: string | null;
            createdByUserId?: string | null;
            /** @description attempts made of the current step */
            attempts: number;
            /** @description journal entries (steps and rollbacks, every attempt) */
            journalEntries: number;
            /** @description where the program stands (queued, running, parked runs) */
            currentStep?: components["schemas"]["CurrentStepView"] | null;
            lease?: components["schemas"]["LeaseView"] | null;
            error?: components["schemas"]["RunErrorView"] | null;
            /** @description not retried before this time (back-off) */
            notBefore: string;
            parkedReason?: string | null;
            resolutionReason?: string | null;
            resolvedByUserId?: string | null;
            /** @description composite namespace → version the program was compiled with */
            namespaceVersions: Record<string, never>;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            startedAt?: string | null;
            /** Format: date-time */
            finishedAt?: string | null;
            /** Format: date-time */
            updatedAt: string;
            /** @description the timeline: every step and rollback attempt */
            steps: components["schemas"]["StepView"][];
            /** @description the response document (application/xml text) once the run stopped */
            responseXml?: string | null;
        };
        StepPage: {
            items: components["schemas"]["StepView"][];
        };
        ResolveRunRequest: {
            /**
             * @description why the run can be closed (mandatory, audited)
             * @example site created by hand, ticket OPS-1234
             */
            reason: string;
        };
        AuditEventView: {
            /**
             * @description position in the installation-wide hash chain
             * @example 1042
             */
            seq: number;
            /**
             * Format: date-time
             * @example 2026-11-25T08:00:00.000Z
             */
            occurredAt: string;
            /** @description the user who acted (for delegated actions: the reseller user) */
            actorUserId?: string | null;
            actorOrgId?: string | null;
            /** @description set when a delegated admin token acted inside this customer */
            onBehalfOfOrgId?: string | null;
            tokenId?: string | null;
            delegationId?: string | null;
            /** @example organization.created */
            action: string;
            resourceType?: string | null;
            resourceId?: string | null;
            organizationId?: string | null;
            organizationPath?: string | null;
            /** @enum {string} */
            outcome: "success" | "failure" | "denied";
            requestId?: string | null;
            clientIp?: string | null;
            userAgent?: string | null;
            /** @description before/after for changes, reasons, ids */
            details: {
                [key: string]: unknown;
            };
            /** @description hash of the previous event (64 zeros for seq 1) */
            prevHash: string;
            /** @description SHA-256(prevHash ‖ "\n" ‖ canonical JSON of the hashed fields), hex */
            hash: string;
        };
        AuditEventPage: {
            items: components["schemas"]["AuditEventView"][];
            nextCursor?: string | null;
        };
        ChainBreakView: {
            seq: number;
            /** @enum {string} */
            reason: "hash_mismatch" | "missing_sequence" | "broken_link" | "checkpoint_mismatch" | "truncated";
            /** @description what exactly differs */
            detail: string;
        };
        VerifyView: {
            verified: boolean;
            /** @description events whose hash and link were checked before the walk ended */
            checkedEvents: number;
            firstBreak?: components["schemas"]["ChainBreakView"] | null;
            fromSeq: number;
            /** @description the last seq the walk had to reach (toSeq, or the chain head when it started) */
            toSeq: number;
            /** @description hash at toSeq when verified */
            lastHash?: string | null;
            /** @description signed checkpoints in the range whose signature and hash were checked */
            checkpointsChecked: number;
        };
        PublicKeyView: {
            /** @example 3f9a0c1d2e4b5a69 */
            keyId: string;
            /** @enum {string} */
            algorithm: "Ed25519";
            /** @description SubjectPublicKeyInfo PEM */
            pem: string;
            /** @description the raw 32-byte public key, base64 */
            raw: string;
        };
        CheckpointView: {
            /** @example ckp_01jdx3m5v8k2q9w7e4r6t1y0ab */
            id: string;
            lastSeq: number;
            lastHash: string;
            /** Format: date-time */
            createdAt: string;
            keyId: string;
            /** @description base64 Ed25519 signature of "provisio-audit-checkpoint/v1\nseq=…\nhash=…\ntime=…\nkey=…\n" */
            signature: string;
            /** @enum {string} */
            reason: "events" | "interval" | "manual";
        };
        CheckpointPage: {
            /** @description the key this installation signs with now */
            publicKey: components["schemas"]["PublicKeyView"];
            /** @description every key that has signed a checkpoint */
            keys: components["schemas"]["PublicKeyView"][];
            items: components["schemas"]["CheckpointView"][];
            nextCursor?: string | null;
        };
        FeatureDefinitionView: {
            /** @example exchange.mailboxes */
            key: string;
            /** @enum {string} */
            service: "directory" | "exchange" | "mobility" | "dns" | "communications" | "sharepoint";
            /** @enum {string} */
            type: "boolean" | "count" | "limit";
            /** @example Mailboxes */
            title: string;
            description: string;
            /** @example mailboxes */
            unit?: string | null;
            /** @example 0 */
            min?: number | null;
            /** @example 100000 */
            max?: number | null;
            /** @description whether null (unlimited) is an accepted value */
            unlimitedAllowed: boolean;
            /** @description value when a plan includes the service but does not name the feature */
            default: (boolean | null) | (number | null);
            appliesTo: ("organization" | "user")[];
            /** @description counted by the quota ledger (usage and reservations per subscription) */
            ledgered: boolean;
        };
        ServiceView: {
            /** @enum {string} */
            key: "directory" | "exchange" | "mobility" | "dns" | "communications" | "sharepoint";
            /** @example Exchange */
            name: string;
            description: string;
            /**
             * @description services a plan including this one must also include
             * @example [
             *       "directory"
             *     ]
             */
            requires: ("directory" | "exchange" | "mobility" | "dns" | "communications" | "sharepoint")[];
            features: components["schemas"]["FeatureDefinitionView"][];
        };
        ServiceListView: {
            items: components["schemas"]["ServiceView"][];
            nextCursor?: string | null;
        };
        UserPlanRefView: {
            /** @example plan_01jdx3m5v8k2q9w7e4r6t1y0ab */
            planId: string;
            /** @example standard-mailbox */
            name: string;
            /** @description the user plan version pinned when this version was published (null in a draft) */
            versionId?: string | null;
            /** @example 1 */
            version?: number | null;
        };
        PlanVersionView: {
            /** @example plv_01jdx3m5v8k2q9w7e4r6t1y0ab */
            id: string;
            planId: string;
            /** @example 1 */
            number: number;
            /** @enum {string} */
            status: "draft" | "published";
            /** @example Business Basic */
            displayName: string;
            /** @example Mail and DNS for small teams */
            description?: string | null;
            /**
             * @example [
             *       "directory",
             *       "exchange",
             *       "dns"
             *     ]
             */
            services: ("directory" | "exchange" | "mobility" | "dns" | "communications" | "sharepoint")[];
            /**
             * @description every feature of the included services: booleans, integers, null = unlimited
             * @example {
             *       "exchange.mailboxes": 10,
             *       "exchange.mailbox_size_mb": 2048,
             *       "exchange.owa": true,
             *       "dns.zones": 1,
             *       "dns.records": 50,
             *       "directory.users": null
             *     }
             */
            features: {
                [key: string]: (boolean | null) | (number | null);
            };
            /** @description user plans this organization plan lets a customer assign */
            userPlans: components["schemas"]["UserPlanRefView"][];
            /** @description derived plans: the base plan version this version was checked against at publish */
            baseVersionId?: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            publishedAt?: string | null;
        };
        PlanView: {
            /** @example plan_01jdx3m5v8k2q9w7e4r6t1y0ab */
            id: string;
            /** @enum {string} */
            kind: "organization" | "user";
            /**
             * @description unique per owner; lower case, digits and dashes
             * @example business-basic
             */
            name: string;
            ownerOrganizationId: string;
            /** @description reseller plans: the hoster plan this one is derived from */
            basePlanId?: string | null;
            /**
             * @description draft: never published; retired: no new subscriptions
             * @enum {string}
             */
            status: "draft" | "published" | "retired";
            /** @description the latest published version (what new subscriptions get) */
            currentVersion?: components["schemas"]["PlanVersionView"] | null;
            /** @description the version being edited (shown to those who may edit the plan) */
            draftVersion?: components["schemas"]["PlanVersionView"] | null;
            /** @description hoster staff only: resellers this plan is available to */
            availableTo?: string[];
            /** @description changes with every edit; the ETag */
            revision: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            retiredAt?: string | null;
        };
        PlanListView: {
            items: components["schemas"]["PlanView"][];
            nextCursor?: string | null;
        };
        CreatePlanRequest: {
            /**
             * @description organization: what a customer subscribes to; user: per-user features the organization plan lets it assign
             * @example organization
             * @enum {string}
             */
            kind: "organization" | "user";
            /**
             * @description unique per owner: 3–64 lower-case letters, digits and dashes
             * @example business-basic
             */
            name: string;
            /** @example Business Basic */
            displayName: string;
            /** @example Mail and DNS for small teams */
            description?: string;
            /** @description resellers: the hoster plan (made available to you) this plan derives from; required for reseller plans, not allowed for the hoster's */
            basePlanId?: string;
            /**
             * @description required unless derived (then the base plan's services by default)
             * @example [
             *       "directory",
             *       "exchange",
             *       "dns"
             *     ]
             */
            services?: ("directory" | "exchange" | "mobility" | "dns" | "communications" | "sharepoint")[];
            /**
             * @description feature values (see GET /v1/services); omitted features take the base plan's value, else the feature's default; null = unlimited
             * @example {
             *       "exchange.mailboxes": 10,
             *       "exchange.mailbox_size_mb": 2048,
             *       "dns.zones": 1,
             *       "dns.records": 50
             *     }
             */
            features?: {
                [key: string]: (boolean | null) | (number | null);
            };
            /** @description organization plans: the published user plans customers may assign */
            userPlanIds?: string[];
        };
        UpdatePlanRequest: {
            /** @example Business Basic (2027) */
            displayName?: string;
            /** @description null clears it */
            description?: string | null;
            /** @description replaces the list; features of removed services are dropped */
            services?: ("directory" | "exchange" | "mobility" | "dns" | "communications" | "sharepoint")[];
            /**
             * @description merged feature by feature into the draft; null = unlimited
             * @example {
             *       "exchange.mailboxes": 20
             *     }
             */
            features?: {
                [key: string]: (boolean | null) | (number | null);
            };
            /** @description replaces the list of user plans */
            userPlanIds?: string[];
        };
        PlanVersionListView: {
            items: components["schemas"]["PlanVersionView"][];
            nextCursor?: string | null;
        };
        AvailabilityRequest: {
            /** @description reseller organizations */
            resellerIds: string[];
            /**
             * @description false withdraws the offer (existing derived plans and subscriptions stay)
             * @default true
             */
            available: boolean;
            /**
             * @description optional caps per counted feature for each reseller: all its customers together never exceed them (null = no cap)
             * @example {
             *       "exchange.mailboxes": 500
             *     }
             */
            quotaPools?: {
                [key: string]: number | null;
            };
        };
        SubscriptionPlanView: {
            id: string;
            /** @example business-basic */
            name: string;
            /** @example Business Basic */
            displayName: string;
            versionId: string;
            /** @example 1 */
            version: number;
        };
        QuotaView: {
            /** @example exchange.mailboxes */
            feature: string;
            /** @enum {string} */
            type: "count";
            /** @example mailboxes */
            unit?: string | null;
            /**
             * @description the plan version's limit; null = unlimited
             * @example 10
             */
            limit?: number | null;
            /** @example 3 */
            used: number;
            /**
             * @description held by orders in progress
             * @example 1
             */
            reserved: number;
            /**
             * @description in use, but being freed by orders in progress
             * @example 0
             */
            freeing: number;
            /**
             * @description what can still be reserved now (the minimum along the reseller chain); null = unlimited
             * @example 6
             */
            available?: number | null;
        };
        SubscriptionUserPlanView: {
            planId: string;
            /** @example standard-mailbox */
            name: string;
            versionId: string;
            /** @example 1 */
            version: number;
            /** @example Standard mailbox */
            displayName: string;
            /**
             * @example {
             *       "mailbox": {
             *         "sizeMb": 1024,
             *         "owa": true
             *       },
             *       "activeSync": null,
             *       "sip": null
             *     }
             */
            settings: {
                [key: string]: unknown;
            };
        };
        SubscriptionView: {
            /** @example sub_01jdx3m5v8k2q9w7e4r6t1y0ab */
            id: string;
            organizationId: string;
            /** @enum {string} */
            status: "pending" | "active" | "suspended" | "cancelled";
            plan: components["schemas"]["SubscriptionPlanView"];
            services: ("directory" | "exchange" | "mobility" | "dns" | "communications" | "sharepoint")[];
            /**
             * @description the plan version's feature values
             * @example {
             *       "exchange.mailboxes": 10,
             *       "exchange.mailbox_size_mb": 2048,
             *       "exchange.owa": true,
             *       "dns.zones": 1,
             *       "dns.records": 50,
             *       "directory.users": null
             *     }
             */
            features: {
                [key: string]: unknown;
            };
            /** @description every counted feature: limit, usage, reservations */
            quotas: components["schemas"]["QuotaView"][];
            userPlans: components["schemas"]["SubscriptionUserPlanView"][];
            /** @description the order that created it */
            orderId?: string | null;
            /** Format: date-time */
            statusChangedAt: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        SubscriptionListView: {
            items: components["schemas"]["SubscriptionView"][];
            nextCursor?: string | null;
        };
        NewUser: {
            /** @example ann */
            alias: string;
            /** @example Ann Lee */
            displayName: string;
            /**
             * @description a user plan the organization plan offers: name, name@version or id
             * @example mobile-mailbox
             */
            userPlan: string;
        };
        SubscribeOrder: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "subscribe";
            /**
             * @description the customer organization
             * @example org_01jdx3m5v8k2q9w7e4r6t1y0ab
             */
            organizationId: string;
            /**
             * @description an organization plan offered to the customer: name, name@version, plan id or version id
             * @example business-premium
             */
            plan: string;
            /** @example contoso.example */
            domain: string;
            /** @description initial users (at most 100) */
            users?: components["schemas"]["NewUser"][];
        };
        AddUsersOrder: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "add_users";
            /**
             * @description the customer organization
             * @example org_01jdx3m5v8k2q9w7e4r6t1y0ab
             */
            organizationId: string;
            /** @description at most 1000 */
            users: components["schemas"]["NewUser"][];
        };
        UserPlanChange: {
            /** @example ann */
            alias: string;
            /** @example executive */
            userPlan: string;
        };
        ChangeUserPlanOrder: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "change_user_plan";
            /**
             * @description the customer organization
             * @example org_01jdx3m5v8k2q9w7e4r6t1y0ab
             */
            organizationId: string;
            users: components["schemas"]["UserPlanChange"][];
        };
        RemoveUsersOrder: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "remove_users";
            /**
             * @description the customer organization
             * @example org_01jdx3m5v8k2q9w7e4r6t1y0ab
             */
            organizationId: string;
            /**
             * @example [
             *       "bob"
             *     ]
             */
            aliases: string[];
        };
        DnsRecordSpec: {
            /**
             * @description @ for the zone apex, or a name inside the zone
             * @example www
             */
            name: string;
            /** @enum {string} */
            type: "A" | "AAAA" | "CNAME" | "MX" | "TXT" | "SRV";
            /**
             * @description A: IPv4; AAAA: IPv6; CNAME/MX: host name; TXT: text; SRV: "weight port target"
             * @example 203.0.113.10
             */
            value: string;
            /** @example 3600 */
            ttl?: number;
            /** @description MX and SRV only */
            priority?: number;
        };
        AddDnsRecordsOrder: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "add_dns_records";
            /**
             * @description the customer organization
             * @example org_01jdx3m5v8k2q9w7e4r6t1y0ab
             */
            organizationId: string;
            records: components["schemas"]["DnsRecordSpec"][];
        };
        DnsRecordRef: {
            /** @example www */
            name: string;
            /** @enum {string} */
            type: "A" | "AAAA" | "CNAME" | "MX" | "TXT" | "SRV";
            /** @example 203.0.113.10 */
            value: string;
        };
        RemoveDnsRecordsOrder: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "remove_dns_records";
            /**
             * @description the customer organization
             * @example org_01jdx3m5v8k2q9w7e4r6t1y0ab
             */
            organizationId: string;
            records: components["schemas"]["DnsRecordRef"][];
        };
        CreateSiteOrder: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "create_site";
            /**
             * @description the customer organization
             * @example org_01jdx3m5v8k2q9w7e4r6t1y0ab
             */
            organizationId: string;
            /** @example https://projects.contoso.example/sites/team */
            url: string;
            /** @example Team site */
            title: string;
            /**
             * @description storage quota in MB, at most the plan's sharepoint.storage_mb
             * @example 2048
             */
            quotaMb: number;
        };
        DeleteSiteOrder: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "delete_site";
            /**
             * @description the customer organization
             * @example org_01jdx3m5v8k2q9w7e4r6t1y0ab
             */
            organizationId: string;
            /** @example https://projects.contoso.example/sites/team */
            url: string;
        };
        ChangePlanOrder: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "change_plan";
            /**
             * @description the customer organization
             * @example org_01jdx3m5v8k2q9w7e4r6t1y0ab
             */
            organizationId: string;
            /**
             * @description another organization plan offered to the customer
             * @example enterprise
             */
            plan: string;
        };
        LifecycleOrder: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "suspend" | "resume" | "cancel";
            /**
             * @description the customer organization
             * @example org_01jdx3m5v8k2q9w7e4r6t1y0ab
             */
            organizationId: string;
        };
        WipeDeviceOrder: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "wipe_device";
            /**
             * @description the customer organization
             * @example org_01jdx3m5v8k2q9w7e4r6t1y0ab
             */
            organizationId: string;
            /**
             * @description the user whose device it is
             * @example ann
             */
            alias: string;
            /**
             * @description a device id from GET /v1/organizations/{id}/customer-users/{alias}/devices
             * @example iphone-7f3a
             */
            deviceId: string;
        };
        OrderPlacedBy: {
            /** @description the user who placed it (for a delegated token: the reseller user) */
            userId: string;
            /** @description that user's organization */
            organizationId: string;
            /** @description the delegation used, when a reseller acted for the customer */
            delegationId?: string | null;
            /** @description the customer acted for, with a delegated token */
            onBehalfOf?: string | null;
        };
        OrderProgress: {
            /** @description status of the provisioning run */
            runStatus: string;
            /** @description steps completed */
            stepsDone: number;
            /** @description steps the request compiled to (some may be skipped by conditions) */
            stepsTotal: number;
            currentStep?: components["schemas"]["CurrentStepView"] | null;
        };
        RolledBackStep: {
            /** @example 1/Hosted Organization.Subscribe/4/Exchange.AddAcceptedDomain */
            path: string;
            namespace: string;
            procedure: string;
            /** @enum {string} */
            status: "completed" | "failed";
        };
        OrderLinks: {
            self: string;
            request: string;
            response: string;
            timeline: string;
            run: string;
        };
        OrderView: {
            /** @example ord_01jdx3m5v8k2q9w7e4r6t1y0ab */
            id: string;
            /** @enum {string} */
            type: "subscribe" | "add_users" | "change_user_plan" | "remove_users" | "add_dns_records" | "remove_dns_records" | "create_site" | "delete_site" | "change_plan" | "suspend" | "resume" | "cancel" | "wipe_device";
            /** @enum {string} */
            status: "accepted" | "provisioning" | "completed" | "failed" | "needs_attention" | "cancelled";
            organizationId: string;
            subscriptionId?: string | null;
            runId: string;
            placedBy: components["schemas"]["OrderPlacedBy"];
            /** @description the order as placed */
            request: Record<string, never>;
            /** @description what the order does, resolved (plan versions, aliases, records) */
            summary: Record<string, never>;
            progress: components["schemas"]["OrderProgress"];
            /** @description why it failed (failed, needs_attention) */
            errorContext?: components["schemas"]["RunErrorView"] | null;
            /** @description the compensations run, newest step first */
            rolledBack: components["schemas"]["RolledBackStep"][];
            /** @description an operator's resolution, when the run was resolved by hand */
            resolution?: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            finishedAt?: string | null;
            links: components["schemas"]["OrderLinks"];
        };
        OrderPage: {
            items: components["schemas"]["OrderView"][];
            nextCursor?: string | null;
        };
        CancelOrderRequest: {
            reason?: string;
        };
        SetCustomerUserPasswordBody: {
            /**
             * Format: password
             * @description the new password: 10-128 characters, no control or bidi-control characters; write-only, never stored by Provisio
             */
            password: string;
        };
        DeviceView: {
            /**
             * @description the id a wipe_device order names
             * @example iphone-7f3a
             */
            id: string;
            /** @example iPhone 15 */
            model: string;
            /**
             * @description `none`, or `pending` once a wipe was ordered (the device erases itself at its next sync)
             * @example none
             */
            wipeStatus: string;
            /** Format: date-time */
            wipeRequestedAt?: string | null;
        };
        DeviceList: {
            organizationId: string;
            /** @example ann */
            alias: string;
            items: components["schemas"]["DeviceView"][];
        };
        LabDeviceSyncRequest: {
            /** @example org_01jdx3m5v8k2q9w7e4r6t1y0ab */
            organizationId: string;
            /**
             * @description a user enabled for mobility
             * @example ann
             */
            alias: string;
            /** @example iphone-7f3a */
            deviceId: string;
            /** @example iPhone 15 */
            model?: string;
        };
        FaultRuleView: {
            id: string;
            /** @example Exchange.CreateMailbox */
            procedure: string;
            /** @enum {string} */
            phase: "execute" | "rollback";
            /** @enum {string} */
            effect: "transient" | "permanent" | "exit";
            times: number;
            /** @description calls the rule will still hit */
            remaining: number;
            organizationId: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        LabFaultsView: {
            latencyMs: number;
            jitterMs: number;
            transientErrorRate: number;
            permanentErrorRate: number;
            rules: components["schemas"]["FaultRuleView"][];
            /** Format: date-time */
            updatedAt: string;
        };
        FaultRuleRequest: {
            /**
             * @description a leaf procedure, `Namespace.Procedure`
             * @example Exchange.CreateMailbox
             */
            procedure: string;
            /**
             * @description `transient` (retryable LAB_TRANSIENT), `permanent` (LAB_PERMANENT), `exit` (an engine process SIGKILLs itself after the write committed)
             * @enum {string}
             */
            effect: "transient" | "permanent" | "exit";
            /**
             * @description the next n matching calls
             * @example 3
             */
            times: number;
            /**
             * @description hit the execution or the rollback of the procedure
             * @default execute
             * @enum {string}
             */
            phase: "execute" | "rollback";
            /**
             * @description only calls for this organization
             * @example org_01jdx3m5v8k2q9w7e4r6t1y0ab
             */
            organizationId?: string;
        };
        LabFaultsRequest: {
            /**
             * @description added to every lab call (ms)
             * @default 0
             */
            latencyMs: number;
            /**
             * @description extra random latency, uniform in [0, jitterMs]
             * @default 0
             */
            jitterMs: number;
            /**
             * @description probability that a call fails with a retryable LAB_TRANSIENT
             * @default 0
             */
            transientErrorRate: number;
            /**
             * @description probability that an execution (never a rollback) fails with LAB_PERMANENT
             * @default 0
             */
            permanentErrorRate: number;
            /** @default [] */
            rules: components["schemas"]["FaultRuleRequest"][];
        };
        ProcedureView: {
            /** @example Subscribe */
            name: string;
            /**
             * @description public: callable by simple requests; private: only from its own namespace; trusted: leaf procedures, for composite procedures and trusted requests
             * @enum {string}
             */
            access: "public" | "private" | "trusted";
            /** @enum {string} */
            kind: "read" | "write" | "composite";
            summary: string;
            /**
             * @description entity or data path → attributes ("?" marks optional ones)
             * @example {
             *       "organization": [
             *         "id",
             *         "domain"
             *       ],
             *       "users/user?": [
             *         "alias",
             *         "displayName"
             *       ]
             *     }
             */
            input: Record<string, never>;
            /** @description leaf procedures: the fields the output adds to executeData */
            output?: string[];
        };
        NamespaceView: {
            /** @example Hosted Organization */
            name: string;
            /** @enum {string} */
            kind: "leaf" | "composite";
            /** @example 1 */
            version: string;
            description?: string;
            procedures: components["schemas"]["ProcedureView"][];
        };
        NamespaceList: {
            items: components["schemas"]["NamespaceView"][];
            /** @description always null: the list is short and complete */
            nextCursor: string | null;
        };
        PlatformProviderObjects: {
            /** @example ldap */
            provider: string;
            /**
             * @example [
             *       "Directory"
             *     ]
             */
            namespaces: string[];
            /** @description what this provider's platform holds for the tenant, in its own terms */
            objects: {
                [key: string]: unknown;
            };
        };
        PlatformObjectsView: {
            /** @example org_01jdx3m5v8k2q9w7e4r6t1y0ab */
            organizationId: string;
            providers: components["schemas"]["PlatformProviderObjects"][];
        };
        /** @description RFC 9457 problem details */
        Problem: {
            /** Format: uri */
            type: string;
            title: string;
            status: number;
            detail?: string;
            instance?: string;
            /** @description stable UPPER_SNAKE error code */
            code: string;
            requestId?: string;
            /** @description present on 500 answers; also in the server log */
            errorId?: string;
            errors?: {
                path?: string;
                message?: string;
            }[];
        };
        /** @description one page of a list: `?limit=&cursor=`; follow `nextCursor` (or the `Link` header) until it is null */
        Page: {
            items: unknown[];
            /** @description opaque; null on the last page */
            nextCursor: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description where the created or accepted resource can be read */
        Location: string;
        /** @description seconds to wait before polling (202) or retrying (409, 429, 503) */
        "Retry-After": number;
        /** @description the version of the resource; send it back in If-Match to update */
        ETag: string;
        /** @description RFC 8288: `<…&cursor=…>; rel="next"` when there is a next page */
        Link: string;
        /** @description present (`true`) when this answer is the stored answer to an earlier request with the same Idempotency-Key */
        "Idempotent-Replayed": "true";
        /** @description draft-ietf-httpapi-ratelimit-headers: requests left (`r`) and seconds until the window resets (`t`) of the policy charged — the client address before authentication, the token after (when rate limiting is on) */
        RateLimit: string;
        /** @description the policy charged: its quota (`q`) per window of `w` seconds */
        "RateLimit-Policy": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeView"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page"] & {
                        items?: components["schemas"]["TokenView"][];
                    };
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same body replays the first answer; another body is 422; while the first is in flight, 409 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTokenRequest"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedTokenView"];
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid<br>`INVALID_IDEMPOTENCY_KEY` — The Idempotency-Key header is not valid<br>`MALFORMED_JSON` — The body is not valid JSON<br>`INVALID_ENCODING` — The body is not valid UTF-8 */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_IN_FLIGHT` — A request with this Idempotency-Key is still being processed<br>`CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/idempotency-key-in-flight",
                     *       "title": "A request with this Idempotency-Key is still being processed",
                     *       "status": 409,
                     *       "detail": "A request with this Idempotency-Key is still being processed",
                     *       "code": "IDEMPOTENCY_KEY_IN_FLIGHT",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE` — The body is larger than allowed */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/payload-too-large",
                     *       "title": "The body is larger than allowed",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE` — The content type is not supported by this route */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unsupported-media-type",
                     *       "title": "The content type is not supported by this route",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `TOKEN_ROLES_EXCEED_OWNER` — A token can only carry roles its owner holds<br>`TOKEN_TTL_TOO_LONG` — The token lifetime is longer than allowed<br>`IDEMPOTENCY_KEY_REUSED` — The Idempotency-Key was used with a different request */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/token-roles-exceed-owner",
                     *       "title": "A token can only carry roles its owner holds",
                     *       "status": 422,
                     *       "detail": "A token can only carry roles its owner holds",
                     *       "code": "TOKEN_ROLES_EXCEED_OWNER",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenView"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ROLE_NOT_GRANTABLE` — You may grant only roles below your own, inside your scope<br>`FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/role-not-grantable",
                     *       "title": "You may grant only roles below your own, inside your scope",
                     *       "status": 403,
                     *       "detail": "You may grant only roles below your own, inside your scope",
                     *       "code": "ROLE_NOT_GRANTABLE",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOrganizations: {
        parameters: {
            query?: {
                limit?: number;
                /** @description opaque cursor from a previous page's nextCursor */
                cursor?: string;
                kind?: "hoster" | "reseller" | "customer";
                parentId?: string;
                status?: "active" | "suspended";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page"] & {
                        items?: components["schemas"]["OrganizationView"][];
                    };
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid<br>`INVALID_CURSOR` — The pagination cursor is not valid */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createOrganization: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same body replays the first answer; another body is 422; while the first is in flight, 409 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrganizationRequest"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedOrganizationView"];
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid<br>`INVALID_IDEMPOTENCY_KEY` — The Idempotency-Key header is not valid<br>`MALFORMED_JSON` — The body is not valid JSON<br>`INVALID_ENCODING` — The body is not valid UTF-8 */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ORGANIZATION_NAME_TAKEN` — An organization with this name already exists under this parent<br>`USERNAME_TAKEN` — The username is already taken<br>`IDEMPOTENCY_KEY_IN_FLIGHT` — A request with this Idempotency-Key is still being processed<br>`CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/organization-name-taken",
                     *       "title": "An organization with this name already exists under this parent",
                     *       "status": 409,
                     *       "detail": "An organization with this name already exists under this parent",
                     *       "code": "ORGANIZATION_NAME_TAKEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE` — The body is larger than allowed */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/payload-too-large",
                     *       "title": "The body is larger than allowed",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE` — The content type is not supported by this route */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unsupported-media-type",
                     *       "title": "The content type is not supported by this route",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ORGANIZATION_KIND_NOT_ALLOWED` — That kind of organization cannot be created here<br>`INVALID_PARENT_ORGANIZATION` — That organization cannot be the parent<br>`DELEGATION_INVALID_DURATION` — A delegation lasts from 1 hour to 2 years<br>`DELEGATION_INVALID_ROLES` — Delegated roles must be a subset of org_admin, org_csr, auditor<br>`IDEMPOTENCY_KEY_REUSED` — The Idempotency-Key was used with a different request */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/organization-kind-not-allowed",
                     *       "title": "That kind of organization cannot be created here",
                     *       "status": 422,
                     *       "detail": "That kind of organization cannot be created here",
                     *       "code": "ORGANIZATION_KIND_NOT_ALLOWED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationView"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOrganizationRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationView"];
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid<br>`MALFORMED_JSON` — The body is not valid JSON<br>`INVALID_ENCODING` — The body is not valid UTF-8 */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ORGANIZATION_NAME_TAKEN` — An organization with this name already exists under this parent<br>`CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/organization-name-taken",
                     *       "title": "An organization with this name already exists under this parent",
                     *       "status": 409,
                     *       "detail": "An organization with this name already exists under this parent",
                     *       "code": "ORGANIZATION_NAME_TAKEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PRECONDITION_FAILED` — The resource changed since you read it */
            412: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/precondition-failed",
                     *       "title": "The resource changed since you read it",
                     *       "status": 412,
                     *       "detail": "The resource changed since you read it",
                     *       "code": "PRECONDITION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE` — The body is larger than allowed */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/payload-too-large",
                     *       "title": "The body is larger than allowed",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE` — The content type is not supported by this route */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unsupported-media-type",
                     *       "title": "The content type is not supported by this route",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    suspendOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationView"];
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid<br>`MALFORMED_JSON` — The body is not valid JSON<br>`INVALID_ENCODING` — The body is not valid UTF-8 */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "detail": "The request conflicts with the current state",
                     *       "code": "CONFLICT",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE` — The body is larger than allowed */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/payload-too-large",
                     *       "title": "The body is larger than allowed",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE` — The content type is not supported by this route */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unsupported-media-type",
                     *       "title": "The content type is not supported by this route",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resumeOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OptionalReasonRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationView"];
                };
            };
            /** @description `MALFORMED_JSON` — The body is not valid JSON<br>`INVALID_ENCODING` — The body is not valid UTF-8<br>`VALIDATION_FAILED` — The request is not valid */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/malformed-json",
                     *       "title": "The body is not valid JSON",
                     *       "status": 400,
                     *       "code": "MALFORMED_JSON"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "detail": "The request conflicts with the current state",
                     *       "code": "CONFLICT",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE` — The body is larger than allowed */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/payload-too-large",
                     *       "title": "The body is larger than allowed",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE` — The content type is not supported by this route */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unsupported-media-type",
                     *       "title": "The content type is not supported by this route",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOrganizationUsers: {
        parameters: {
            query?: {
                limit?: number;
                /** @description opaque cursor from a previous page's nextCursor */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page"] & {
                        items?: components["schemas"]["UserView"][];
                    };
                };
            };
            /** @description `INVALID_CURSOR` — The pagination cursor is not valid<br>`VALIDATION_FAILED` — The request is not valid */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/invalid-cursor",
                     *       "title": "The pagination cursor is not valid",
                     *       "status": 400,
                     *       "detail": "The pagination cursor is not valid",
                     *       "code": "INVALID_CURSOR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createOrganizationUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same body replays the first answer; another body is 422; while the first is in flight, 409 */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserRequest"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid<br>`INVALID_IDEMPOTENCY_KEY` — The Idempotency-Key header is not valid<br>`MALFORMED_JSON` — The body is not valid JSON<br>`INVALID_ENCODING` — The body is not valid UTF-8 */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ROLE_NOT_GRANTABLE` — You may grant only roles below your own, inside your scope<br>`FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/role-not-grantable",
                     *       "title": "You may grant only roles below your own, inside your scope",
                     *       "status": 403,
                     *       "detail": "You may grant only roles below your own, inside your scope",
                     *       "code": "ROLE_NOT_GRANTABLE",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `USERNAME_TAKEN` — The username is already taken<br>`IDEMPOTENCY_KEY_IN_FLIGHT` — A request with this Idempotency-Key is still being processed<br>`CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/username-taken",
                     *       "title": "The username is already taken",
                     *       "status": 409,
                     *       "detail": "The username is already taken",
                     *       "code": "USERNAME_TAKEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE` — The body is larger than allowed */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/payload-too-large",
                     *       "title": "The body is larger than allowed",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE` — The content type is not supported by this route */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unsupported-media-type",
                     *       "title": "The content type is not supported by this route",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ROLE_NOT_ALLOWED_HERE` — This role cannot be held in this kind of organization<br>`IDEMPOTENCY_KEY_REUSED` — The Idempotency-Key was used with a different request */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/role-not-allowed-here",
                     *       "title": "This role cannot be held in this kind of organization",
                     *       "status": 422,
                     *       "detail": "This role cannot be held in this kind of organization",
                     *       "code": "ROLE_NOT_ALLOWED_HERE",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ROLE_NOT_GRANTABLE` — You may grant only roles below your own, inside your scope<br>`FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/role-not-grantable",
                     *       "title": "You may grant only roles below your own, inside your scope",
                     *       "status": 403,
                     *       "detail": "You may grant only roles below your own, inside your scope",
                     *       "code": "ROLE_NOT_GRANTABLE",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid<br>`MALFORMED_JSON` — The body is not valid JSON<br>`INVALID_ENCODING` — The body is not valid UTF-8 */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ROLE_NOT_GRANTABLE` — You may grant only roles below your own, inside your scope<br>`FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/role-not-grantable",
                     *       "title": "You may grant only roles below your own, inside your scope",
                     *       "status": 403,
                     *       "detail": "You may grant only roles below your own, inside your scope",
                     *       "code": "ROLE_NOT_GRANTABLE",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PRECONDITION_FAILED` — The resource changed since you read it */
            412: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/precondition-failed",
                     *       "title": "The resource changed since you read it",
                     *       "status": 412,
                     *       "detail": "The resource changed since you read it",
                     *       "code": "PRECONDITION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE` — The body is larger than allowed */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/payload-too-large",
                     *       "title": "The body is larger than allowed",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE` — The content type is not supported by this route */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unsupported-media-type",
                     *       "title": "The content type is not supported by this route",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    grantUserRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoleRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid<br>`MALFORMED_JSON` — The body is not valid JSON<br>`INVALID_ENCODING` — The body is not valid UTF-8 */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ROLE_NOT_GRANTABLE` — You may grant only roles below your own, inside your scope<br>`FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/role-not-grantable",
                     *       "title": "You may grant only roles below your own, inside your scope",
                     *       "status": 403,
                     *       "detail": "You may grant only roles below your own, inside your scope",
                     *       "code": "ROLE_NOT_GRANTABLE",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE` — The body is larger than allowed */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/payload-too-large",
                     *       "title": "The body is larger than allowed",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE` — The content type is not supported by this route */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unsupported-media-type",
                     *       "title": "The content type is not supported by this route",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ROLE_NOT_ALLOWED_HERE` — This role cannot be held in this kind of organization */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/role-not-allowed-here",
                     *       "title": "This role cannot be held in this kind of organization",
                     *       "status": 422,
                     *       "detail": "This role cannot be held in this kind of organization",
                     *       "code": "ROLE_NOT_ALLOWED_HERE",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeUserRole: {
        parameters: {
            query: {
                role: "hoster_admin" | "hoster_csr" | "reseller_admin" | "reseller_csr" | "org_admin" | "org_csr" | "end_user" | "auditor";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ROLE_NOT_GRANTABLE` — You may grant only roles below your own, inside your scope<br>`FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/role-not-grantable",
                     *       "title": "You may grant only roles below your own, inside your scope",
                     *       "status": 403,
                     *       "detail": "You may grant only roles below your own, inside your scope",
                     *       "code": "ROLE_NOT_GRANTABLE",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    issueUserToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same body replays the first answer; another body is 422; while the first is in flight, 409 */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTokenRequest"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedTokenView"];
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid<br>`INVALID_IDEMPOTENCY_KEY` — The Idempotency-Key header is not valid<br>`MALFORMED_JSON` — The body is not valid JSON<br>`INVALID_ENCODING` — The body is not valid UTF-8 */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ROLE_NOT_GRANTABLE` — You may grant only roles below your own, inside your scope<br>`USER_DISABLED` — The user is disabled<br>`FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/role-not-grantable",
                     *       "title": "You may grant only roles below your own, inside your scope",
                     *       "status": 403,
                     *       "detail": "You may grant only roles below your own, inside your scope",
                     *       "code": "ROLE_NOT_GRANTABLE",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_IN_FLIGHT` — A request with this Idempotency-Key is still being processed<br>`CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/idempotency-key-in-flight",
                     *       "title": "A request with this Idempotency-Key is still being processed",
                     *       "status": 409,
                     *       "detail": "A request with this Idempotency-Key is still being processed",
                     *       "code": "IDEMPOTENCY_KEY_IN_FLIGHT",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE` — The body is larger than allowed */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/payload-too-large",
                     *       "title": "The body is larger than allowed",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE` — The content type is not supported by this route */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unsupported-media-type",
                     *       "title": "The content type is not supported by this route",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `TOKEN_ROLES_EXCEED_OWNER` — A token can only carry roles its owner holds<br>`TOKEN_TTL_TOO_LONG` — The token lifetime is longer than allowed<br>`IDEMPOTENCY_KEY_REUSED` — The Idempotency-Key was used with a different request */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/token-roles-exceed-owner",
                     *       "title": "A token can only carry roles its owner holds",
                     *       "status": 422,
                     *       "detail": "A token can only carry roles its owner holds",
                     *       "code": "TOKEN_ROLES_EXCEED_OWNER",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDelegations: {
        parameters: {
            query?: {
                limit?: number;
                /** @description opaque cursor from a previous page's nextCursor */
                cursor?: string;
                status?: "pending" | "active" | "revoked" | "expired";
                customerId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page"] & {
                        items?: components["schemas"]["DelegationView"][];
                    };
                };
            };
            /** @description `INVALID_CURSOR` — The pagination cursor is not valid<br>`VALIDATION_FAILED` — The request is not valid */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/invalid-cursor",
                     *       "title": "The pagination cursor is not valid",
                     *       "status": 400,
                     *       "detail": "The pagination cursor is not valid",
                     *       "code": "INVALID_CURSOR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createDelegation: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same body replays the first answer; another body is 422; while the first is in flight, 409 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDelegationRequest"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelegationView"];
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid<br>`INVALID_IDEMPOTENCY_KEY` — The Idempotency-Key header is not valid<br>`MALFORMED_JSON` — The body is not valid JSON<br>`INVALID_ENCODING` — The body is not valid UTF-8 */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_IN_FLIGHT` — A request with this Idempotency-Key is still being processed<br>`CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/idempotency-key-in-flight",
                     *       "title": "A request with this Idempotency-Key is still being processed",
                     *       "status": 409,
                     *       "detail": "A request with this Idempotency-Key is still being processed",
                     *       "code": "IDEMPOTENCY_KEY_IN_FLIGHT",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE` — The body is larger than allowed */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/payload-too-large",
                     *       "title": "The body is larger than allowed",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE` — The content type is not supported by this route */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unsupported-media-type",
                     *       "title": "The content type is not supported by this route",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DELEGATION_INVALID_ROLES` — Delegated roles must be a subset of org_admin, org_csr, auditor<br>`DELEGATION_INVALID_DURATION` — A delegation lasts from 1 hour to 2 years<br>`DELEGATION_NOT_CUSTOMER` — Delegations are requested on a customer of your reseller<br>`IDEMPOTENCY_KEY_REUSED` — The Idempotency-Key was used with a different request */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/delegation-invalid-roles",
                     *       "title": "Delegated roles must be a subset of org_admin, org_csr, auditor",
                     *       "status": 422,
                     *       "detail": "Delegated roles must be a subset of org_admin, org_csr, auditor",
                     *       "code": "DELEGATION_INVALID_ROLES",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    approveDelegation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelegationView"];
                };
            };
            /** @description `MALFORMED_JSON` — The body is not valid JSON<br>`INVALID_ENCODING` — The body is not valid UTF-8<br>`VALIDATION_FAILED` — The request is not valid */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/malformed-json",
                     *       "title": "The body is not valid JSON",
                     *       "status": 400,
                     *       "code": "MALFORMED_JSON"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DELEGATION_NOT_PENDING` — The delegation is not pending<br>`CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/delegation-not-pending",
                     *       "title": "The delegation is not pending",
                     *       "status": 409,
                     *       "detail": "The delegation is not pending",
                     *       "code": "DELEGATION_NOT_PENDING",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE` — The body is larger than allowed */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/payload-too-large",
                     *       "title": "The body is larger than allowed",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE` — The content type is not supported by this route */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unsupported-media-type",
                     *       "title": "The content type is not supported by this route",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeDelegation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OptionalReasonRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelegationView"];
                };
            };
            /** @description `MALFORMED_JSON` — The body is not valid JSON<br>`INVALID_ENCODING` — The body is not valid UTF-8<br>`VALIDATION_FAILED` — The request is not valid */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/malformed-json",
                     *       "title": "The body is not valid JSON",
                     *       "status": 400,
                     *       "code": "MALFORMED_JSON"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DELEGATION_NOT_ACTIVE` — The delegation is not active<br>`CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/delegation-not-active",
                     *       "title": "The delegation is not active",
                     *       "status": 409,
                     *       "detail": "The delegation is not active",
                     *       "code": "DELEGATION_NOT_ACTIVE",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE` — The body is larger than allowed */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/payload-too-large",
                     *       "title": "The body is larger than allowed",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE` — The content type is not supported by this route */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unsupported-media-type",
                     *       "title": "The content type is not supported by this route",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    issueDelegatedToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDelegatedTokenRequest"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedTokenView"];
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid<br>`MALFORMED_JSON` — The body is not valid JSON<br>`INVALID_ENCODING` — The body is not valid UTF-8 */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DELEGATION_NOT_ACTIVE` — The delegation is not active<br>`CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/delegation-not-active",
                     *       "title": "The delegation is not active",
                     *       "status": 409,
                     *       "detail": "The delegation is not active",
                     *       "code": "DELEGATION_NOT_ACTIVE",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE` — The body is larger than allowed */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/payload-too-large",
                     *       "title": "The body is larger than allowed",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE` — The content type is not supported by this route */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unsupported-media-type",
                     *       "title": "The content type is not supported by this route",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `TOKEN_ROLES_EXCEED_OWNER` — A token can only carry roles its owner holds<br>`TOKEN_TTL_TOO_LONG` — The token lifetime is longer than allowed */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/token-roles-exceed-owner",
                     *       "title": "A token can only carry roles its owner holds",
                     *       "status": 422,
                     *       "detail": "A token can only carry roles its owner holds",
                     *       "code": "TOKEN_ROLES_EXCEED_OWNER",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ready";
                        checks: {
                            database: {
                                ok: boolean;
                                detail?: string;
                            };
                            migrations?: {
                                ok: boolean;
                                detail?: string;
                            };
                            engines?: {
                                ok: boolean;
                                detail?: string;
                            };
                            providers: {
                                ok: boolean;
                                detail?: string;
                            };
                        } & {
                            [key: string]: {
                                ok: boolean;
                                detail?: string;
                            };
                        };
                        providers: {
                            provider: string;
                            namespaces: string[];
                            ok: boolean;
                        }[];
                    };
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_READY` — The service is not ready<br>`SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-ready",
                     *       "title": "The service is not ready",
                     *       "status": 503,
                     *       "detail": "The service is not ready",
                     *       "code": "NOT_READY",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listEngines: {
        parameters: {
            query?: {
                /** @description default: engines alive or heard from in the last hour (dead ones included), plus those stopped in the last hour; `all`: every engine ever registered */
                state?: "running" | "draining" | "dead" | "stopped" | "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page"] & {
                        items?: components["schemas"]["EngineView"][];
                    };
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitProvisioningRequest: {
        parameters: {
            query?: {
                /** @description the organization the request provisions (scopes the run); written into the context */
                organization?: string;
                /** @description runs with the same key never interleave and run in submission order */
                serializationKey?: string;
                /** @description lower runs first (default 100) */
                priority?: number;
            };
            header?: {
                /** @description same key + same body replays the first answer; another body is 422; while the first is in flight, 409 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description a request document (LANGUAGE.md): a simple `<call>` or, for hoster admins, a trusted `<procedure>` body */
        requestBody: {
            content: {
                "application/xml": string;
            };
        };
        responses: {
            /** @description the queued run */
            202: {
                headers: {
                    Location: components["headers"]["Location"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunView"];
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid<br>`INVALID_ENCODING` — The body is not valid UTF-8<br>`XML_FORBIDDEN_CONSTRUCT` — The XML document uses a forbidden construct (DOCTYPE, entity, processing instruction or external reference)<br>`XML_MALFORMED` — The XML document is not well-formed<br>`REQUEST_CONTEXT_FORBIDDEN` — The context element is written by the server; a request must not carry one<br>`INVALID_IDEMPOTENCY_KEY` — The Idempotency-Key header is not valid<br>`MALFORMED_JSON` — The body is not valid JSON */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `TRUSTED_REQUEST_FORBIDDEN` — Only trusted callers may submit a request with a procedure body<br>`FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/trusted-request-forbidden",
                     *       "title": "Only trusted callers may submit a request with a procedure body",
                     *       "status": 403,
                     *       "detail": "Only trusted callers may submit a request with a procedure body",
                     *       "code": "TRUSTED_REQUEST_FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_IN_FLIGHT` — A request with this Idempotency-Key is still being processed<br>`CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/idempotency-key-in-flight",
                     *       "title": "A request with this Idempotency-Key is still being processed",
                     *       "status": 409,
                     *       "detail": "A request with this Idempotency-Key is still being processed",
                     *       "code": "IDEMPOTENCY_KEY_IN_FLIGHT",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE` — The body is larger than allowed<br>`XML_TOO_LARGE` — The XML document is larger than 1 MiB */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/payload-too-large",
                     *       "title": "The body is larger than allowed",
                     *       "status": 413,
                     *       "detail": "The body is larger than allowed",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE` — The content type is not supported by this route */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unsupported-media-type",
                     *       "title": "The content type is not supported by this route",
                     *       "status": 415,
                     *       "detail": "The content type is not supported by this route",
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `XML_TOO_DEEP` — The XML document nests elements deeper than allowed<br>`XML_SCHEMA_VIOLATION` — The XML document does not match its schema<br>`REQUEST_INVALID` — The request is not a valid program<br>`NAMESPACE_UNKNOWN` — The request names a namespace that does not exist<br>`PROCEDURE_UNKNOWN` — The request names a procedure that does not exist<br>`PROCEDURE_NOT_PUBLIC` — A simple request may only call public procedures of composite namespaces<br>`REQUEST_DATA_INVALID` — The request data lacks what the called procedure needs<br>`REQUEST_TOO_MANY_STEPS` — The request expands to more steps than allowed<br>`NAMESPACE_NESTING_TOO_DEEP` — Composite procedures nest deeper than allowed<br>`IDEMPOTENCY_KEY_REUSED` — The Idempotency-Key was used with a different request */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/xml-too-deep",
                     *       "title": "The XML document nests elements deeper than allowed",
                     *       "status": 422,
                     *       "detail": "The XML document nests elements deeper than allowed",
                     *       "code": "XML_TOO_DEEP",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listProvisioningRuns: {
        parameters: {
            query?: {
                limit?: number;
                /** @description opaque cursor from a previous page's nextCursor */
                cursor?: string;
                /** @description one status or several, comma-separated */
                status?: string[];
                /** @description runs of this organization and the organizations under it */
                organization?: string;
                order?: string;
                /** @description created at or after (ISO 8601) */
                createdFrom?: string;
                /** @description created before (ISO 8601) */
                createdTo?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunPage"];
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid<br>`INVALID_CURSOR` — The pagination cursor is not valid */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getProvisioningRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunDetailView"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RUN_NOT_FOUND` — No such provisioning run<br>`NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/run-not-found",
                     *       "title": "No such provisioning run",
                     *       "status": 404,
                     *       "detail": "No such provisioning run",
                     *       "code": "RUN_NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listProvisioningRunSteps: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StepPage"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RUN_NOT_FOUND` — No such provisioning run<br>`NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/run-not-found",
                     *       "title": "No such provisioning run",
                     *       "status": 404,
                     *       "detail": "No such provisioning run",
                     *       "code": "RUN_NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retryProvisioningRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunView"];
                };
            };
            /** @description `MALFORMED_JSON` — The body is not valid JSON<br>`INVALID_ENCODING` — The body is not valid UTF-8<br>`VALIDATION_FAILED` — The request is not valid */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/malformed-json",
                     *       "title": "The body is not valid JSON",
                     *       "status": 400,
                     *       "code": "MALFORMED_JSON"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RUN_NOT_FOUND` — No such provisioning run<br>`NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/run-not-found",
                     *       "title": "No such provisioning run",
                     *       "status": 404,
                     *       "detail": "No such provisioning run",
                     *       "code": "RUN_NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RUN_STATE_CONFLICT` — This action is not possible in the run's current status<br>`CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/run-state-conflict",
                     *       "title": "This action is not possible in the run's current status",
                     *       "status": 409,
                     *       "detail": "This action is not possible in the run's current status",
                     *       "code": "RUN_STATE_CONFLICT",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE` — The body is larger than allowed */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/payload-too-large",
                     *       "title": "The body is larger than allowed",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE` — The content type is not supported by this route */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unsupported-media-type",
                     *       "title": "The content type is not supported by this route",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rollbackProvisioningRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunView"];
                };
            };
            /** @description `MALFORMED_JSON` — The body is not valid JSON<br>`INVALID_ENCODING` — The body is not valid UTF-8<br>`VALIDATION_FAILED` — The request is not valid */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/malformed-json",
                     *       "title": "The body is not valid JSON",
                     *       "status": 400,
                     *       "code": "MALFORMED_JSON"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RUN_NOT_FOUND` — No such provisioning run<br>`NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/run-not-found",
                     *       "title": "No such provisioning run",
                     *       "status": 404,
                     *       "detail": "No such provisioning run",
                     *       "code": "RUN_NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RUN_STATE_CONFLICT` — This action is not possible in the run's current status<br>`CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/run-state-conflict",
                     *       "title": "This action is not possible in the run's current status",
                     *       "status": 409,
                     *       "detail": "This action is not possible in the run's current status",
                     *       "code": "RUN_STATE_CONFLICT",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE` — The body is larger than allowed */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/payload-too-large",
                     *       "title": "The body is larger than allowed",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE` — The content type is not supported by this route */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unsupported-media-type",
                     *       "title": "The content type is not supported by this route",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resolveProvisioningRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolveRunRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunView"];
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid<br>`MALFORMED_JSON` — The body is not valid JSON<br>`INVALID_ENCODING` — The body is not valid UTF-8 */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RUN_NOT_FOUND` — No such provisioning run<br>`NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/run-not-found",
                     *       "title": "No such provisioning run",
                     *       "status": 404,
                     *       "detail": "No such provisioning run",
                     *       "code": "RUN_NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RUN_STATE_CONFLICT` — This action is not possible in the run's current status<br>`CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/run-state-conflict",
                     *       "title": "This action is not possible in the run's current status",
                     *       "status": 409,
                     *       "detail": "This action is not possible in the run's current status",
                     *       "code": "RUN_STATE_CONFLICT",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE` — The body is larger than allowed */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/payload-too-large",
                     *       "title": "The body is larger than allowed",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE` — The content type is not supported by this route */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unsupported-media-type",
                     *       "title": "The content type is not supported by this route",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                /** @description events at or after this time (ISO 8601) */
                from?: string;
                /** @description events before this time (ISO 8601, exclusive) */
                to?: string;
                /** @description the user who acted (for delegated actions: the reseller user) */
                actorUser?: string;
                /** @description the organization of the user who acted */
                actorOrganization?: string;
                /** @description events concerning this organization **and everything under it** (must be in your scope) */
                organization?: string;
                /** @description actions taken with a delegated token on behalf of this customer organization */
                onBehalfOf?: string;
                /** @description actions taken under this delegation */
                delegation?: string;
                /** @description exact action (`order.placed`), or a prefix ending in `.` or `*` (`order.`, `delegation.*`, `auth*`) */
                action?: string;
                resourceType?: string;
                /** @description resource id (with or without resourceType) */
                resourceId?: string;
                outcome?: "success" | "failure" | "denied";
                /** @description the X-Request-Id of the request that caused the event */
                requestId?: string;
                /** @description by sequence number: newest first (default) or oldest first */
                order?: "desc" | "asc";
                limit?: number;
                /** @description opaque cursor from a previous page's nextCursor (keep the same filters and order) */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPage"];
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid<br>`INVALID_CURSOR` — The pagination cursor is not valid<br>`AUDIT_INVALID_RANGE` — The range is empty or reversed */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportAuditEvents: {
        parameters: {
            query?: {
                /** @description events at or after this time (ISO 8601) */
                from?: string;
                /** @description events before this time (ISO 8601, exclusive) */
                to?: string;
                /** @description the user who acted (for delegated actions: the reseller user) */
                actorUser?: string;
                /** @description the organization of the user who acted */
                actorOrganization?: string;
                /** @description events concerning this organization **and everything under it** (must be in your scope) */
                organization?: string;
                /** @description actions taken with a delegated token on behalf of this customer organization */
                onBehalfOf?: string;
                /** @description actions taken under this delegation */
                delegation?: string;
                /** @description exact action (`order.placed`), or a prefix ending in `.` or `*` (`order.`, `delegation.*`, `auth*`) */
                action?: string;
                resourceType?: string;
                /** @description resource id (with or without resourceType) */
                resourceId?: string;
                outcome?: "success" | "failure" | "denied";
                /** @description the X-Request-Id of the request that caused the event */
                requestId?: string;
                /** @description NDJSON (one verifiable record per line) or CSV (header row, RFC 4180 quoting) */
                format?: "ndjson" | "csv";
                /** @description oldest first by default, the order `provisio audit verify` reads */
                order?: "asc" | "desc";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                    "text/csv": string;
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid<br>`AUDIT_INVALID_RANGE` — The range is empty or reversed */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyAuditChain: {
        parameters: {
            query?: {
                /** @description first sequence number to check (default 1) */
                fromSeq?: number;
                /** @description last sequence number to check (default: the chain head) */
                toSeq?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifyView"];
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid<br>`AUDIT_INVALID_RANGE` — The range is empty or reversed */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUDIT_VERIFY_NOT_ALLOWED` — Chain verification covers the whole installation: hoster auditors and hoster admins only<br>`FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/audit-verify-not-allowed",
                     *       "title": "Chain verification covers the whole installation: hoster auditors and hoster admins only",
                     *       "status": 403,
                     *       "detail": "Chain verification covers the whole installation: hoster auditors and hoster admins only",
                     *       "code": "AUDIT_VERIFY_NOT_ALLOWED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAuditCheckpoints: {
        parameters: {
            query?: {
                limit?: number;
                /** @description opaque cursor from a previous page's nextCursor */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckpointPage"];
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid<br>`INVALID_CURSOR` — The pagination cursor is not valid */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createAuditCheckpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description nothing happened since the latest checkpoint: that one */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckpointView"];
                };
            };
            /** @description OK */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckpointView"];
                };
            };
            /** @description `MALFORMED_JSON` — The body is not valid JSON<br>`INVALID_ENCODING` — The body is not valid UTF-8<br>`VALIDATION_FAILED` — The request is not valid */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/malformed-json",
                     *       "title": "The body is not valid JSON",
                     *       "status": 400,
                     *       "code": "MALFORMED_JSON"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUDIT_CHAIN_EMPTY` — There are no audit events to checkpoint yet<br>`CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/audit-chain-empty",
                     *       "title": "There are no audit events to checkpoint yet",
                     *       "status": 409,
                     *       "detail": "There are no audit events to checkpoint yet",
                     *       "code": "AUDIT_CHAIN_EMPTY",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE` — The body is larger than allowed */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/payload-too-large",
                     *       "title": "The body is larger than allowed",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE` — The content type is not supported by this route */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unsupported-media-type",
                     *       "title": "The content type is not supported by this route",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listServices: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceListView"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPlans: {
        parameters: {
            query?: {
                limit?: number;
                /** @description opaque cursor from a previous page's nextCursor */
                cursor?: string;
                kind?: "organization" | "user";
                status?: "draft" | "published" | "retired";
                /** @description plans owned by this organization */
                ownerId?: string;
                name?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanListView"];
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid<br>`INVALID_CURSOR` — The pagination cursor is not valid */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createPlan: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same body replays the first answer; another body is 422; while the first is in flight, 409 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePlanRequest"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanView"];
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid<br>`INVALID_IDEMPOTENCY_KEY` — The Idempotency-Key header is not valid<br>`MALFORMED_JSON` — The body is not valid JSON<br>`INVALID_ENCODING` — The body is not valid UTF-8 */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PLAN_NAME_TAKEN` — You already have a plan with this name<br>`IDEMPOTENCY_KEY_IN_FLIGHT` — A request with this Idempotency-Key is still being processed<br>`CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/plan-name-taken",
                     *       "title": "You already have a plan with this name",
                     *       "status": 409,
                     *       "detail": "You already have a plan with this name",
                     *       "code": "PLAN_NAME_TAKEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE` — The body is larger than allowed */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/payload-too-large",
                     *       "title": "The body is larger than allowed",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE` — The content type is not supported by this route */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unsupported-media-type",
                     *       "title": "The content type is not supported by this route",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PLAN_BASE_UNAVAILABLE` — The base plan is not available to you (not offered, not published, retired or of another kind)<br>`PLAN_UNKNOWN_SERVICE` — A service does not exist<br>`PLAN_UNKNOWN_FEATURE` — A feature does not exist or does not apply to this kind of plan<br>`PLAN_FEATURE_OUT_OF_RANGE` — A feature value has the wrong type or is outside its range<br>`PLAN_FEATURE_SERVICE_MISSING` — A feature belongs to a service the plan does not include<br>`PLAN_SERVICE_DEPENDENCY_MISSING` — A service needs another service the plan does not include<br>`PLAN_USER_PLAN_UNAVAILABLE` — A referenced user plan does not exist, is not a published user plan or is not available to the plan owner<br>`IDEMPOTENCY_KEY_REUSED` — The Idempotency-Key was used with a different request */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/plan-base-unavailable",
                     *       "title": "The base plan is not available to you (not offered, not published, retired or of another kind)",
                     *       "status": 422,
                     *       "detail": "The base plan is not available to you (not offered, not published, retired or of another kind)",
                     *       "code": "PLAN_BASE_UNAVAILABLE",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanView"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updatePlan: {
        parameters: {
            query?: never;
            header: {
                /** @description the ETag from GET /v1/plans/{id} */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePlanRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanView"];
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid<br>`MALFORMED_JSON` — The body is not valid JSON<br>`INVALID_ENCODING` — The body is not valid UTF-8 */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PLAN_RETIRED` — The plan is retired<br>`CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/plan-retired",
                     *       "title": "The plan is retired",
                     *       "status": 409,
                     *       "detail": "The plan is retired",
                     *       "code": "PLAN_RETIRED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PRECONDITION_FAILED` — The resource changed since you read it */
            412: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/precondition-failed",
                     *       "title": "The resource changed since you read it",
                     *       "status": 412,
                     *       "detail": "The resource changed since you read it",
                     *       "code": "PRECONDITION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE` — The body is larger than allowed */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/payload-too-large",
                     *       "title": "The body is larger than allowed",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE` — The content type is not supported by this route */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unsupported-media-type",
                     *       "title": "The content type is not supported by this route",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PLAN_UNKNOWN_SERVICE` — A service does not exist<br>`PLAN_UNKNOWN_FEATURE` — A feature does not exist or does not apply to this kind of plan<br>`PLAN_FEATURE_OUT_OF_RANGE` — A feature value has the wrong type or is outside its range<br>`PLAN_FEATURE_SERVICE_MISSING` — A feature belongs to a service the plan does not include<br>`PLAN_SERVICE_DEPENDENCY_MISSING` — A service needs another service the plan does not include<br>`PLAN_USER_PLAN_UNAVAILABLE` — A referenced user plan does not exist, is not a published user plan or is not available to the plan owner */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/plan-unknown-service",
                     *       "title": "A service does not exist",
                     *       "status": 422,
                     *       "detail": "A service does not exist",
                     *       "code": "PLAN_UNKNOWN_SERVICE",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PRECONDITION_REQUIRED` — This change needs an If-Match header */
            428: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/precondition-required",
                     *       "title": "This change needs an If-Match header",
                     *       "status": 428,
                     *       "detail": "This change needs an If-Match header",
                     *       "code": "PRECONDITION_REQUIRED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    publishPlan: {
        parameters: {
            query?: never;
            header?: {
                /** @description honoured when sent */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanView"];
                };
            };
            /** @description `MALFORMED_JSON` — The body is not valid JSON<br>`INVALID_ENCODING` — The body is not valid UTF-8<br>`VALIDATION_FAILED` — The request is not valid */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/malformed-json",
                     *       "title": "The body is not valid JSON",
                     *       "status": 400,
                     *       "code": "MALFORMED_JSON"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PLAN_NO_DRAFT` — The plan has no draft version to publish<br>`PLAN_RETIRED` — The plan is retired<br>`CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/plan-no-draft",
                     *       "title": "The plan has no draft version to publish",
                     *       "status": 409,
                     *       "detail": "The plan has no draft version to publish",
                     *       "code": "PLAN_NO_DRAFT",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PRECONDITION_FAILED` — The resource changed since you read it */
            412: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/precondition-failed",
                     *       "title": "The resource changed since you read it",
                     *       "status": 412,
                     *       "detail": "The resource changed since you read it",
                     *       "code": "PRECONDITION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE` — The body is larger than allowed */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/payload-too-large",
                     *       "title": "The body is larger than allowed",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE` — The content type is not supported by this route */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unsupported-media-type",
                     *       "title": "The content type is not supported by this route",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PLAN_EXCEEDS_BASE` — A derived plan cannot grant more than its base plan<br>`PLAN_BASE_UNAVAILABLE` — The base plan is not available to you (not offered, not published, retired or of another kind)<br>`PLAN_USER_PLAN_UNAVAILABLE` — A referenced user plan does not exist, is not a published user plan or is not available to the plan owner<br>`PLAN_USER_PLAN_EXCEEDS_PLAN` — A referenced user plan grants more than the organization plan<br>`PLAN_UNKNOWN_FEATURE` — A feature does not exist or does not apply to this kind of plan<br>`PLAN_FEATURE_OUT_OF_RANGE` — A feature value has the wrong type or is outside its range<br>`PLAN_SERVICE_DEPENDENCY_MISSING` — A service needs another service the plan does not include */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/plan-exceeds-base",
                     *       "title": "A derived plan cannot grant more than its base plan",
                     *       "status": 422,
                     *       "detail": "A derived plan cannot grant more than its base plan",
                     *       "code": "PLAN_EXCEEDS_BASE",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retirePlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanView"];
                };
            };
            /** @description `MALFORMED_JSON` — The body is not valid JSON<br>`INVALID_ENCODING` — The body is not valid UTF-8<br>`VALIDATION_FAILED` — The request is not valid */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/malformed-json",
                     *       "title": "The body is not valid JSON",
                     *       "status": 400,
                     *       "code": "MALFORMED_JSON"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE` — The body is larger than allowed */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/payload-too-large",
                     *       "title": "The body is larger than allowed",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE` — The content type is not supported by this route */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unsupported-media-type",
                     *       "title": "The content type is not supported by this route",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPlanVersions: {
        parameters: {
            query?: {
                limit?: number;
                /** @description opaque cursor from a previous page's nextCursor */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanVersionListView"];
                };
            };
            /** @description `INVALID_CURSOR` — The pagination cursor is not valid<br>`VALIDATION_FAILED` — The request is not valid */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/invalid-cursor",
                     *       "title": "The pagination cursor is not valid",
                     *       "status": 400,
                     *       "detail": "The pagination cursor is not valid",
                     *       "code": "INVALID_CURSOR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setPlanAvailability: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AvailabilityRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanView"];
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid<br>`MALFORMED_JSON` — The body is not valid JSON<br>`INVALID_ENCODING` — The body is not valid UTF-8 */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PLAN_NOT_PUBLISHED` — The plan has no published version<br>`PLAN_RETIRED` — The plan is retired<br>`QUOTA_POOL_BELOW_USAGE` — The reseller already uses more than this cap<br>`CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/plan-not-published",
                     *       "title": "The plan has no published version",
                     *       "status": 409,
                     *       "detail": "The plan has no published version",
                     *       "code": "PLAN_NOT_PUBLISHED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE` — The body is larger than allowed */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/payload-too-large",
                     *       "title": "The body is larger than allowed",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE` — The content type is not supported by this route */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unsupported-media-type",
                     *       "title": "The content type is not supported by this route",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AVAILABILITY_NOT_RESELLER` — Plans are made available to resellers only<br>`PLAN_NOT_OFFERABLE` — Only the hoster's published plans are made available to resellers<br>`QUOTA_FEATURE_NOT_COUNTED` — This feature is not counted by the quota ledger */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/availability-not-reseller",
                     *       "title": "Plans are made available to resellers only",
                     *       "status": 422,
                     *       "detail": "Plans are made available to resellers only",
                     *       "code": "AVAILABILITY_NOT_RESELLER",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOrganizationSubscriptions: {
        parameters: {
            query?: {
                limit?: number;
                /** @description opaque cursor from a previous page's nextCursor */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionListView"];
                };
            };
            /** @description `INVALID_CURSOR` — The pagination cursor is not valid<br>`VALIDATION_FAILED` — The request is not valid */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/invalid-cursor",
                     *       "title": "The pagination cursor is not valid",
                     *       "status": 400,
                     *       "detail": "The pagination cursor is not valid",
                     *       "code": "INVALID_CURSOR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionView"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOrders: {
        parameters: {
            query?: {
                limit?: number;
                /** @description opaque cursor from a previous page's nextCursor */
                cursor?: string;
                organizationId?: string;
                status?: "accepted" | "provisioning" | "completed" | "failed" | "needs_attention" | "cancelled";
                type?: "subscribe" | "add_users" | "change_user_plan" | "remove_users" | "add_dns_records" | "remove_dns_records" | "create_site" | "delete_site" | "change_plan" | "suspend" | "resume" | "cancel" | "wipe_device";
                /** @description placed at or after (ISO 8601) */
                from?: string;
                /** @description placed before (ISO 8601) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderPage"];
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid<br>`INVALID_CURSOR` — The pagination cursor is not valid */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    placeOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key + same body replays the first answer; a different body is 422; while the first is in flight, 409 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description One of the order types; `type` selects the shape. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscribeOrder"] | components["schemas"]["AddUsersOrder"] | components["schemas"]["ChangeUserPlanOrder"] | components["schemas"]["RemoveUsersOrder"] | components["schemas"]["AddDnsRecordsOrder"] | components["schemas"]["RemoveDnsRecordsOrder"] | components["schemas"]["CreateSiteOrder"] | components["schemas"]["DeleteSiteOrder"] | components["schemas"]["ChangePlanOrder"] | components["schemas"]["LifecycleOrder"] | components["schemas"]["WipeDeviceOrder"];
            };
        };
        responses: {
            /** @description Accepted: the order, with Location */
            202: {
                headers: {
                    Location: components["headers"]["Location"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid<br>`INVALID_IDEMPOTENCY_KEY` — The Idempotency-Key header is not valid<br>`MALFORMED_JSON` — The body is not valid JSON<br>`INVALID_ENCODING` — The body is not valid UTF-8 */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NO_SUBSCRIPTION` — The organization has no subscription; place a subscribe order first<br>`SUBSCRIPTION_EXISTS` — The organization already has a subscription<br>`SUBSCRIPTION_STATE_CONFLICT` — The subscription is not in a state that allows this order<br>`PLAN_VERSION_SUPERSEDED` — A newer version of the plan was published; subscribe to the current one<br>`PLAN_RETIRED` — The plan is retired<br>`QUOTA_EXCEEDED` — The quota does not allow this<br>`DOMAIN_TAKEN` — The domain is already used by another organization<br>`USER_EXISTS` — A user with this alias already exists (or is being created) in the organization<br>`USER_BUSY` — An earlier order is still changing this user<br>`RECORD_EXISTS` — The zone already has this record<br>`SITE_EXISTS` — A site collection with this URL already exists<br>`PLAN_CHANGE_DOES_NOT_FIT` — What the organization uses does not fit the new plan<br>`IDEMPOTENCY_KEY_IN_FLIGHT` — A request with this Idempotency-Key is still being processed<br>`ACTIVESYNC_NOT_ENABLED` — The user has no ActiveSync (yet), so no mobile devices<br>`CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/no-subscription",
                     *       "title": "The organization has no subscription; place a subscribe order first",
                     *       "status": 409,
                     *       "detail": "The organization has no subscription; place a subscribe order first",
                     *       "code": "NO_SUBSCRIPTION",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE` — The body is larger than allowed */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/payload-too-large",
                     *       "title": "The body is larger than allowed",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE` — The content type is not supported by this route */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unsupported-media-type",
                     *       "title": "The content type is not supported by this route",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ORDER_NOT_CUSTOMER` — Orders are placed for customer organizations<br>`PLAN_NOT_AVAILABLE` — The plan is not offered to this organization<br>`USER_PLAN_NOT_ALLOWED` — The subscription's plan does not offer this user plan<br>`SERVICE_NOT_IN_PLAN` — The subscription's plan does not include this service<br>`USER_NOT_FOUND` — The organization has no active user with this alias<br>`RECORD_NOT_FOUND` — The zone has no such record (or it is managed by Provisio)<br>`SITE_NOT_FOUND` — The organization has no such site collection<br>`IDEMPOTENCY_KEY_REUSED` — The Idempotency-Key was used with a different request */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/order-not-customer",
                     *       "title": "Orders are placed for customer organizations",
                     *       "status": 422,
                     *       "detail": "Orders are placed for customer organizations",
                     *       "code": "ORDER_NOT_CUSTOMER",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrder: {
        parameters: {
            query?: {
                /** @description long-poll: answer as soon as the order reaches a terminal status, or after N whole seconds (at most MAX_WAIT_SECONDS, 60 by default: a larger N waits that long); 0 answers at once */
                wait?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrderRequestXml: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": string;
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrderResponseXml: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": string;
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ORDER_RESPONSE_NOT_READY` — The order is still running; the response exists once it ends<br>`CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/order-response-not-ready",
                     *       "title": "The order is still running; the response exists once it ends",
                     *       "status": 409,
                     *       "detail": "The order is still running; the response exists once it ends",
                     *       "code": "ORDER_RESPONSE_NOT_READY",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrderTimeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StepPage"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelOrderRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description `MALFORMED_JSON` — The body is not valid JSON<br>`INVALID_ENCODING` — The body is not valid UTF-8<br>`VALIDATION_FAILED` — The request is not valid */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/malformed-json",
                     *       "title": "The body is not valid JSON",
                     *       "status": 400,
                     *       "code": "MALFORMED_JSON"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ORDER_NOT_CANCELLABLE` — The order's run has started; only operators can stop it now<br>`CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/order-not-cancellable",
                     *       "title": "The order's run has started; only operators can stop it now",
                     *       "status": 409,
                     *       "detail": "The order's run has started; only operators can stop it now",
                     *       "code": "ORDER_NOT_CANCELLABLE",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE` — The body is larger than allowed */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/payload-too-large",
                     *       "title": "The body is larger than allowed",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE` — The content type is not supported by this route */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unsupported-media-type",
                     *       "title": "The content type is not supported by this route",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setCustomerUserPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organizationId: string;
                alias: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetCustomerUserPasswordBody"];
            };
        };
        responses: {
            /** @description No content */
            204: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `VALIDATION_FAILED` — The request is not valid<br>`MALFORMED_JSON` — The body is not valid JSON<br>`INVALID_ENCODING` — The body is not valid UTF-8 */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "detail": "The request conflicts with the current state",
                     *       "code": "CONFLICT",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE` — The body is larger than allowed */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/payload-too-large",
                     *       "title": "The body is larger than allowed",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE` — The content type is not supported by this route */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unsupported-media-type",
                     *       "title": "The content type is not supported by this route",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "detail": "A dependency is unavailable; try again",
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOrganizationCustomerUserDevices: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                alias: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceList"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ACTIVESYNC_NOT_ENABLED` — The user has no ActiveSync (yet), so no mobile devices<br>`CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/activesync-not-enabled",
                     *       "title": "The user has no ActiveSync (yet), so no mobile devices",
                     *       "status": 409,
                     *       "detail": "The user has no ActiveSync (yet), so no mobile devices",
                     *       "code": "ACTIVESYNC_NOT_ENABLED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PLATFORM_ERROR` — The platform refused or failed the read */
            502: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/platform-error",
                     *       "title": "The platform refused or failed the read",
                     *       "status": 502,
                     *       "detail": "The platform refused or failed the read",
                     *       "code": "PLATFORM_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "detail": "A dependency is unavailable; try again",
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getLabState: {
        parameters: {
            query: {
                /** @description the customer organization */
                organization: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organizationId?: string;
                        ou?: {
                            name?: string;
                            domain?: string;
                            ouPath?: string;
                            createdAt?: string;
                        } | null;
                        /** @description directory users */
                        users?: {
                            alias?: string;
                            userPrincipalName?: string;
                            distinguishedName?: string;
                            displayName?: string;
                            disabled?: boolean;
                        }[];
                        exchangeOrganization?: {
                            name?: string;
                            globalAddressList?: string;
                            addressLists?: string[];
                        } | null;
                        acceptedDomains?: string[];
                        /** @description mailboxes with quotas */
                        mailboxes?: {
                            alias?: string;
                            primarySmtpAddress?: string;
                            displayName?: string;
                            quotaMb?: number;
                        }[];
                        /** @description ActiveSync policies */
                        mobilityPolicies?: {
                            name?: string;
                            requirePin?: boolean;
                            maxDevicesPerUser?: number;
                        }[];
                        /** @description mobility-enabled mailboxes */
                        mobilityUsers?: {
                            alias?: string;
                            policy?: string;
                        }[];
                        /** @description devices */
                        mobilityDevices?: {
                            alias?: string;
                            id?: string;
                            model?: string;
                            /** @enum {string} */
                            wipeStatus?: "none" | "pending";
                            wipeRequestedAt?: string | null;
                        }[];
                        /** @description DNS zones */
                        zones?: {
                            name?: string;
                            published?: boolean;
                            serial?: number;
                            /** @description records */
                            records?: {
                                name?: string;
                                /** @enum {string} */
                                type?: "A" | "AAAA" | "CNAME" | "MX" | "TXT" | "SRV";
                                value?: string;
                                ttl?: number;
                                priority?: number | null;
                            }[];
                        }[];
                        sipDomains?: string[];
                        /** @description SIP users */
                        sipUsers?: {
                            alias?: string;
                            sipUri?: string;
                            im?: boolean;
                            presence?: boolean;
                            federation?: boolean;
                            conferencing?: boolean;
                        }[];
                        /** @description site collections */
                        siteCollections?: {
                            url?: string;
                            siteId?: string;
                            title?: string;
                            quotaMb?: number;
                        }[];
                    };
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist<br>`ROUTE_NOT_FOUND` — No such route */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createLabDevice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LabDeviceSyncRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        alias?: string;
                        id?: string;
                        model?: string;
                        wipeStatus?: string;
                        wipeRequestedAt?: string | null;
                    };
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid<br>`MALFORMED_JSON` — The body is not valid JSON<br>`INVALID_ENCODING` — The body is not valid UTF-8 */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist<br>`ROUTE_NOT_FOUND` — No such route */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE` — The body is larger than allowed */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/payload-too-large",
                     *       "title": "The body is larger than allowed",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE` — The content type is not supported by this route */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unsupported-media-type",
                     *       "title": "The content type is not supported by this route",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getLabFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LabFaultsView"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ROUTE_NOT_FOUND` — No such route */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/route-not-found",
                     *       "title": "No such route",
                     *       "status": 404,
                     *       "detail": "No such route",
                     *       "code": "ROUTE_NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replaceLabFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LabFaultsRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LabFaultsView"];
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid<br>`MALFORMED_JSON` — The body is not valid JSON<br>`INVALID_ENCODING` — The body is not valid UTF-8 */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ROUTE_NOT_FOUND` — No such route */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/route-not-found",
                     *       "title": "No such route",
                     *       "status": 404,
                     *       "detail": "No such route",
                     *       "code": "ROUTE_NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE` — The body is larger than allowed */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/payload-too-large",
                     *       "title": "The body is larger than allowed",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE` — The content type is not supported by this route */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unsupported-media-type",
                     *       "title": "The content type is not supported by this route",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listNamespaces: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NamespaceList"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNamespace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description OK
             *
             *     composite namespace: its XML document (application/xml); leaf namespace: a JSON description
             */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": string;
                    "application/json": components["schemas"]["NamespaceView"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NAMESPACE_NOT_FOUND` — No such namespace<br>`NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/namespace-not-found",
                     *       "title": "No such namespace",
                     *       "status": 404,
                     *       "detail": "No such namespace",
                     *       "code": "NAMESPACE_NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getXmlSchema: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description request.xsd or namespace.xsd */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description OK
             *
             *     the XML Schema
             */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": string;
                };
            };
            /** @description `SCHEMA_NOT_FOUND` — No such schema<br>`NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/schema-not-found",
                     *       "title": "No such schema",
                     *       "status": 404,
                     *       "detail": "No such schema",
                     *       "code": "SCHEMA_NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "RATE_LIMITED"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPlatformObjects: {
        parameters: {
            query: {
                /** @description the customer organization */
                organization: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformObjectsView"];
                };
            };
            /** @description `VALIDATION_FAILED` — The request is not valid */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/validation-failed",
                     *       "title": "The request is not valid",
                     *       "status": 400,
                     *       "detail": "The request is not valid",
                     *       "code": "VALIDATION_FAILED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UNAUTHENTICATED` — A valid bearer token is required */
            401: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/unauthenticated",
                     *       "title": "A valid bearer token is required",
                     *       "status": 401,
                     *       "detail": "A valid bearer token is required",
                     *       "code": "UNAUTHENTICATED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FORBIDDEN` — You are not allowed to do this */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/forbidden",
                     *       "title": "You are not allowed to do this",
                     *       "status": 403,
                     *       "detail": "You are not allowed to do this",
                     *       "code": "FORBIDDEN",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `NOT_FOUND` — The resource does not exist */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/not-found",
                     *       "title": "The resource does not exist",
                     *       "status": 404,
                     *       "detail": "The resource does not exist",
                     *       "code": "NOT_FOUND",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONFLICT` — The request conflicts with the current state */
            409: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/conflict",
                     *       "title": "The request conflicts with the current state",
                     *       "status": 409,
                     *       "code": "CONFLICT"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RATE_LIMITED` — Too many requests */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `INTERNAL_ERROR` — Internal error */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/internal-error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "Internal error",
                     *       "code": "INTERNAL_ERROR",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE` — A dependency is unavailable; try again */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://provisio.dev/problems/service-unavailable",
                     *       "title": "A dependency is unavailable; try again",
                     *       "status": 503,
                     *       "detail": "A dependency is unavailable; try again",
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "requestId": "b1f4c1a6-5a1e-4c43-9a55-2f0d1d6f3e7a"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
