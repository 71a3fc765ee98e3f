module.exports = { ...require('../../jest.preset'), displayName: 'case-store' };
