module.exports = {
  ...require('../../jest.preset'),
  displayName: 'case-api',
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
};
