module.exports = {
  ...require('../../jest.preset'),
  displayName: 'cli',
  // `lep record verify` reads a real case database; `lep registry import` talks to a real registry process.
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
};
