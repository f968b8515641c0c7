// One jest run, two tiers: unit specs beside the code, integration specs on real services.
const swcConfig = require('./tools/scripts/swc-config.cjs').swcConfig();
delete swcConfig.exclude;
swcConfig.swcrc = false;
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swcConfig] },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/apps/web/', '/apps/web-e2e/'],
};
module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'int',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int-spec.ts'],
      // Real PostgreSQL, Redis and SMTP: a setup that starts an app and signs people in can take
      // more than jest's 5 s on a busy two-core machine (a project's own testTimeout is not read).
      setupFilesAfterEnv: ['<rootDir>/tools/testing/int-timeout.ts'],
      globalSetup: '<rootDir>/tools/testing/int-global-setup.ts',
      globalTeardown: '<rootDir>/tools/testing/int-global-teardown.ts',
    },
  ],
};
