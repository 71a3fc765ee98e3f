// The bare engines' side of bench/journey: a workflow that takes updates and ends on a signal, doing nothing else.
const { condition, defineSignal, defineUpdate, setHandler } = require('@temporalio/workflow');

const step = defineUpdate('step');
const finish = defineSignal('finish');

async function bareCase() {
  let finished = false;
  setHandler(step, (n) => n);
  setHandler(finish, () => {
    finished = true;
  });
  await condition(() => finished);
}

module.exports = { bareCase };
