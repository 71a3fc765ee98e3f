// Workflows of the Temporal benchmark (plain JS so the bench needs no compile step).
const { proxyActivities, defineSignal, setHandler, condition, sleep } = require('@temporalio/workflow');

const { echo } = proxyActivities({ startToCloseTimeout: '10 seconds' });

/** One activity, then return: the latency of start → result. */
async function oneActivity(value) {
  return echo(value);
}

const approve = defineSignal('approve');

/** A durable 20-working-day-like timer (28 days), a signal, and an activity: the shape of a case deadline. */
async function timerAndSignal(id) {
  let approved = false;
  setHandler(approve, () => {
    approved = true;
  });
  await sleep('28 days');
  await condition(() => approved);
  return echo(id);
}

module.exports = { oneActivity, timerAndSignal };
