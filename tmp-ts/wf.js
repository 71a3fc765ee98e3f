const { sleep } = require('@temporalio/workflow');
exports.sleeper = async function () { await sleep('1 day'); return 'done'; };
