module.exports = {
  ...require('../../jest.preset'),
  displayName: 'documents',
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
};
