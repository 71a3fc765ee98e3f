module.exports = { ...require('../../jest.preset'), displayName: 'case-api' };
