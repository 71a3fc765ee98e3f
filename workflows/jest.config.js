module.exports = { ...require('../jest.preset'), displayName: 'workflows' };
