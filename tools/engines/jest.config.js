module.exports = { ...require('../../jest.preset'), displayName: 'engines' };
