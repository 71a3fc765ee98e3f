module.exports = { ...require('../../jest.preset'), displayName: 'temporal-codec' };
