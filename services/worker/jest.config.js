module.exports = {
  ...require('../../jest.preset'),
  displayName: 'worker',
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
};
