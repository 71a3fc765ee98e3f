// Shared jest settings: swc transpiles TypeScript (keeping decorator metadata for NestJS DI) and @lep/*
// imports resolve to sources, so tests never run against a stale build.
const path = require('node:path');
const root = __dirname;

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
    // jose ships ES modules only; production code loads it through Node's require(esm), jest needs it as CommonJS.
    '^.+/node_modules/jose/.+\\.js$': [
      '@swc/jest',
      { jsc: { target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleNameMapper: {
    '^@lep/workflows$': path.join(root, 'workflows/src'),
    '^@lep/engines$': path.join(root, 'tools/engines/src'),
    '^@lep/(contracts|testing|nest-kit|calendar|masking|hash-chain|auth|review-rules|case-store|stats-core|temporal-codec)$':
      path.join(root, 'libs/$1/src'),
  },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  testTimeout: 60_000,
  reporters: ['default', path.join(root, 'tools/jest/summary-reporter.js')],
};
