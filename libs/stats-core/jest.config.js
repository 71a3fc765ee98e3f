module.exports = { ...require('../../jest.preset'), displayName: 'stats-core' };
