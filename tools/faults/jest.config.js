// Each spec starts the whole system as real processes: one at a time, whatever the machine's core count.
module.exports = {
  ...require('../../jest.preset'),
  displayName: 'faults',
  testTimeout: 30 * 60_000,
  maxWorkers: 1,
};
