// Records the history corpus (npm run record-histories -w @lep/workflows): real scenarios driven through the
// worker, publication and statistics test harnesses on the real engines. Not part of `npm test`, which replays
// what this wrote (test/replay.spec.ts); see docs/workflow-versioning.md for when to run it.
const path = require('node:path');

module.exports = {
  ...require('../../../../jest.preset'),
  displayName: 'record-histories',
  rootDir: path.resolve(__dirname, '../../..'),
  testMatch: ['<rootDir>/test/replay/record/*.record.ts'],
  globalSetup: '<rootDir>/test/replay/record/global-setup.ts',
  globalTeardown: '<rootDir>/test/replay/record/global-teardown.ts',
  testTimeout: 300_000,
};
