module.exports = { ...require('../../jest.preset'), displayName: 'masking' };
