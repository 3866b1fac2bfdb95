// Jest: TypeScript via ts-jest (transpile only; `npm run typecheck` does the type-checking).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node10', isolatedModules: true } }],
  },
  globalSetup: '<rootDir>/test/globalSetup.ts',
  testTimeout: 30000,
};
