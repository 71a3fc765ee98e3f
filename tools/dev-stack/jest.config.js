module.exports = { ...require('../../jest.preset'), displayName: 'dev-stack' };
