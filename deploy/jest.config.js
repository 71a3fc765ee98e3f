module.exports = { ...require('../jest.preset'), displayName: 'deploy' };
