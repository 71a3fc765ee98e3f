module.exports = { ...require('../../jest.preset'), displayName: 'calendar' };
