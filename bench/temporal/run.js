// Temporal test server benchmark. Build first (`npm run build`), then: node bench/temporal/run.js [workflows=1000]
// Prints the latency of a one-activity workflow (start → result) and the wall time of N concurrent workflows,
// each with a 28-day timer (skipped), a signal and an activity.
const { performance } = require('node:perf_hooks');
const path = require('node:path');
const { Client, Connection } = require('@temporalio/client');
const {
  bundleWorkflowCode,
  NativeConnection,
  Worker,
  Runtime,
  DefaultLogger,
} = require('@temporalio/worker');
const { TemporalTestServer } = require('../../libs/temporal-test-server/dist');

const CONCURRENT = Number(process.argv[2] ?? 1000);
const LATENCY_SAMPLES = 200;

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const server = await TemporalTestServer.start({ timeSkipping: true });
  const workflowBundle = await bundleWorkflowCode({
    workflowsPath: path.join(__dirname, 'workflows.js'),
    logger: { info() {}, warn() {}, error() {}, debug() {}, trace() {}, log() {} },
  });
  const nativeConnection = await NativeConnection.connect({ address: server.address });
  const worker = await Worker.create({
    connection: nativeConnection,
    taskQueue: 'bench',
    workflowBundle,
    activities: { echo: async (value) => value },
    maxConcurrentWorkflowTaskExecutions: 100,
  });
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection });

  await worker.runUntil(async () => {
    const latencies = [];
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      const started = performance.now();
      await client.workflow.execute('oneActivity', {
        taskQueue: 'bench',
        workflowId: `latency-${i}`,
        args: [i],
      });
      latencies.push(performance.now() - started);
    }
    latencies.sort((a, b) => a - b);
    console.log(
      `one-activity workflow, start → result (${LATENCY_SAMPLES} sequential): p50 ${percentile(latencies, 50).toFixed(1)} ms, ` +
        `p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
    );

    const started = performance.now();
    const handles = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        client.workflow.start('timerAndSignal', {
          taskQueue: 'bench',
          workflowId: `concurrent-${i}`,
          args: [i],
        }),
      ),
    );
    await Promise.all(handles.map((handle) => handle.signal('approve')));
    const results = await Promise.all(handles.map((handle) => handle.result()));
    const seconds = (performance.now() - started) / 1000;
    const correct = results.every((value, i) => value === i);
    console.log(
      `${CONCURRENT} concurrent workflows (28-day timer + signal + activity): ${seconds.toFixed(2)} s wall, ` +
        `${(CONCURRENT / seconds).toFixed(0)} workflows/s, all results correct: ${correct}`,
    );
    if (!correct) process.exitCode = 1;
  });
  await connection.close();
  await nativeConnection.close();
  await server.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
