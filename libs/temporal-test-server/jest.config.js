module.exports = { ...require('../../jest.preset'), displayName: 'temporal-test-server' };
