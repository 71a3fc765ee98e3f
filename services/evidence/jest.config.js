module.exports = { ...require('../../jest.preset'), displayName: 'evidence' };
