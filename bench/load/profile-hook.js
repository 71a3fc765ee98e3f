// Preloaded into case-api by `LEP_BENCH_PROFILE_DIR=<dir> node bench/load/run.js …`: writes into that directory,
// when the service is stopped (SIGTERM), a CPU profile of its whole run (`case-api-<pid>.cpuprofile`, for Chrome
// DevTools or speedscope) and the wall time of the steps a case start waits on (`steps-<pid>.txt`: the Temporal
// start, database transactions, the audit append with its wait in the append queue, the whole POST; then the event loop's delay, and the
// slowest POSTs one by one — when each began and each of its steps' start and duration — since a p99 is made by a
// few requests, not by the means). The service's own shutdown re-raises SIGTERM, which `--cpu-prof` would not
// survive; this writes before it.
const fs = require('node:fs');
const path = require('node:path');
const inspector = require('node:inspector');
const { AsyncLocalStorage } = require('node:async_hooks');
const { monitorEventLoopDelay, performance } = require('node:perf_hooks');

const dir = process.env.LEP_PROFILE_DIR || '/tmp';
const root = path.resolve(__dirname, '../..');
const session = new inspector.Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 500 });
session.post('Profiler.start');

const times = {};
/** Each POST: when it began, and the steps awaited within it (label, start relative to the POST, duration). */
const posts = [];
const current = new AsyncLocalStorage();
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
const record = (label, began) => {
  const took = performance.now() - began;
  (times[label] ??= []).push(took);
  current.getStore()?.steps.push({ label, at: began, took });
};
function timed(proto, name, label) {
  const original = proto[name];
  proto[name] = async function (...args) {
    const began = performance.now();
    try {
      return await original.apply(this, args);
    } finally {
      record(label, began);
    }
  };
}
timed(
  require(require.resolve('@temporalio/client', { paths: [root] })).WorkflowClient.prototype,
  'start',
  'temporal start',
);
timed(
  require(require.resolve('typeorm', { paths: [root] })).DataSource.prototype,
  'transaction',
  'db transaction',
);
// What a state-changing request waits on for its audit entry: its turn in the append queue and the append.
timed(
  require(require.resolve('@lep/auth', { paths: [root] })).AuditTrail.prototype,
  'record',
  'audit append',
);
const http = require('node:http');
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, request, response) {
  if (event === 'request' && request.method === 'POST') {
    const post = { began: performance.now(), steps: [] };
    response.once('finish', () => {
      post.took = performance.now() - post.began;
      (times['http POST'] ??= []).push(post.took);
      posts.push(post);
    });
    return current.run(post, () => emit.apply(this, arguments));
  }
  return emit.apply(this, arguments);
};

let written = false;
function write() {
  if (written) return;
  written = true;
  const lines = Object.entries(times).map(([label, list]) => {
    const sorted = [...list].sort((a, b) => a - b);
    const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1);
    const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
    return `${label.padEnd(16)} n=${sorted.length} mean ${mean.toFixed(1)} p50 ${at(50)} p95 ${at(95)} p99 ${at(99)}`;
  });
  const ms = (ns) => (ns / 1e6).toFixed(1);
  lines.push(
    `event loop delay p50 ${ms(loopDelay.percentile(50))} p99 ${ms(loopDelay.percentile(99))} max ${ms(loopDelay.max)} ms`,
  );
  const first = posts.reduce((min, post) => Math.min(min, post.began), Infinity);
  const slowest = [...posts]
    .sort((a, b) => b.took - a.took)
    .slice(0, Math.max(5, Math.ceil(posts.length / 20)));
  lines.push(
    `slowest ${slowest.length} of ${posts.length} POSTs (began: ms after the first POST; steps: +start took):`,
  );
  for (const post of slowest)
    lines.push(
      `  ${post.took.toFixed(0).padStart(5)} ms, began ${(post.began - first).toFixed(0).padStart(6)}: ` +
        post.steps
          .map((step) => `${step.label} +${(step.at - post.began).toFixed(0)} ${step.took.toFixed(0)}`)
          .join(', '),
    );
  fs.writeFileSync(path.join(dir, `steps-${process.pid}.txt`), `${lines.join('\n')}\n`);
  // The inspector session answers synchronously, so the profile is on disk before the signal ends the process.
  session.post('Profiler.stop', (error, result) => {
    if (!error)
      fs.writeFileSync(path.join(dir, `case-api-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
}
process.prependListener('SIGTERM', write);
process.on('exit', write);
