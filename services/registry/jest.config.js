module.exports = { ...require('../../jest.preset'), displayName: 'registry' };
