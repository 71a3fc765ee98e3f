module.exports = {
  ...require('../../jest.preset'),
  displayName: 'publication',
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
};
