/**
 * `npm run test:platform`: the tests against real servers (slapd, PowerDNS, and the mail and IM
 * servers), which start their own through scripts/platform. Not part of `npm test`, which needs
 * nothing but Node; CI runs it after installing the Debian packages (.ci/run).
 * @type {import('jest').Config}
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/platform/**/*.platform-spec.ts'],
  // The servers and engines of one file at a time: 2 cores.
  maxWorkers: 1,
  testTimeout: 180000,
};
