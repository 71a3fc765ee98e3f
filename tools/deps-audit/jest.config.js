module.exports = { ...require('../../jest.preset'), displayName: 'deps-audit' };
