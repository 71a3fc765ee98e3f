module.exports = { ...require('../../jest.preset'), displayName: 'statistics' };
