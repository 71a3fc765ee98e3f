module.exports = { ...require('../../jest.preset'), displayName: 'publication' };
