module.exports = {
  ...require('../../jest.preset'),
  displayName: 'hostile',
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  // Six service processes and their peers are started once and shared by every case.
  testTimeout: 300_000,
};
