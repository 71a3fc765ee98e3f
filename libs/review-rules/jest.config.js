module.exports = { ...require('../../jest.preset'), displayName: 'review-rules' };
