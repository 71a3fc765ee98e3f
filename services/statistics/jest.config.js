module.exports = {
  ...require('../../jest.preset'),
  displayName: 'statistics',
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
};
