module.exports = {
  ...require('../../jest.preset'),
  displayName: 'evidence',
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
};
