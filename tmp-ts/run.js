const { TimeSkippingServer } = require('../tools/engines/dist');
const { TestWorkflowEnvironment } = require('@temporalio/testing');
const { Worker, Runtime, DefaultLogger } = require('@temporalio/worker');
const { Client } = require('@temporalio/client');
(async () => {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const server = await TimeSkippingServer.start({ timeSkipping: process.argv[2] || 'enabled', startTime: new Date('2026-09-30T02:00:00Z') });
  const env = await TestWorkflowEnvironment.create({ server: { type: 'existing' }, address: server.address, supportsTimeSkipping: true, namespace: 'default', client: {}, plugins: [] });
  const now = async () => new Date(await env.currentTimeMs()).toISOString();
  console.log('start', await now());
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: 'q', workflowsPath: require.resolve('./wf.js') });
  const running = worker.run();
  const c = new Client({ connection: env.connection });
  const h = await c.workflow.start('sleeper', { taskQueue: 'q', workflowId: 'w1' });
  if (process.argv[3]) { await env.sleep('2 days'); console.log('slept', await now(), (await h.describe()).status.name); }
  for (let i = 0; i < 25; i++) { await new Promise((r) => setTimeout(r, 1000)); console.log('t', await now(), (await h.describe()).status.name); }
  console.log(require('fs').readFileSync(require('path').join(require('os').tmpdir(), require('fs').readdirSync(require('os').tmpdir()).filter((f) => f.startsWith('lep-time-skipping-')).pop(), 'test-server.log'), 'utf8').slice(-3000));
  worker.shutdown(); await running; await env.teardown(); await server.stop();
})();
