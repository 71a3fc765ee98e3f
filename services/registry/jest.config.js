module.exports = {
  ...require('../../jest.preset'),
  displayName: 'registry',
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
};
