// One long test: the suite drives hundreds of cases through the whole system while faults are injected.
module.exports = { ...require('../../jest.preset'), displayName: 'faults', testTimeout: 30 * 60_000 };
