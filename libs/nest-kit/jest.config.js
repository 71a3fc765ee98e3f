module.exports = {
  ...require('../../jest.preset'),
  displayName: 'nest-kit',
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
};
