module.exports = {
  ...require('../../jest.preset'),
  displayName: 'cli',
  // `lep record verify` reads a real case database.
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
};
