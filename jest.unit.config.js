// The fast tier (npm run test:unit): domain, server, client and emulator units. No build of dist/,
// no browser, no worker threads; the tests named below run in the full gate (npm test) only.
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  globalSetup: undefined,
  roots: [
    '<rootDir>/test/domain',
    '<rootDir>/test/server',
    '<rootDir>/test/client',
    '<rootDir>/test/dev',
    '<rootDir>/test/scripts',
  ],
  testPathIgnorePatterns: [
    '/node_modules/',
    // Runs the generated district report through dist/Code.js.
    '<rootDir>/test/dev/emulator/formulas.test.ts',
    // Starts worker threads that wait on one another's locks.
    '<rootDir>/test/dev/emulator/parallel.test.ts',
    // Runs the build itself.
    '<rootDir>/test/scripts/build.test.ts',
  ],
};
