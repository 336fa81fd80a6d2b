const base = require('./jest.config.js');

/**
 * The topology tier (`npm run test:topology`, run by .ci/run after `npm test`): needs the Debian
 * packages of DEPLOYMENT.md (Patroni, etcd, HAProxy, PostgreSQL) and starts the reference topology
 * itself, so it is not part of `npm test` (nor is the embedded PostgreSQL of its global setup).
 * @type {import('jest').Config}
 */
module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/topology/**/*.topology-spec.ts'],
  globalSetup: undefined,
  globalTeardown: undefined,
  testTimeout: 20 * 60_000,
  // One topology at a time: each starts nine servers and five Provisio processes.
  maxWorkers: 1,
  verbose: true,
};
