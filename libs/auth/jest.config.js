module.exports = {
  ...require('../../jest.preset'),
  displayName: 'auth',
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
};
