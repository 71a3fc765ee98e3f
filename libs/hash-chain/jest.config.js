module.exports = { ...require('../../jest.preset'), displayName: 'hash-chain' };
