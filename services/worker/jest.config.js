module.exports = { ...require('../../jest.preset'), displayName: 'worker' };
