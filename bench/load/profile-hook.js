// Preloaded into case-api by `LEP_BENCH_PROFILE_DIR=<dir> node bench/load/run.js …`: writes into that directory,
// when the service is stopped (SIGTERM), a CPU profile of its whole run (`case-api-<pid>.cpuprofile`, for Chrome
// DevTools or speedscope) and the wall time of the steps a case start waits on (`steps-<pid>.txt`: the Temporal
// start, database transactions such as the audit append, the whole POST). The service's own shutdown re-raises
// SIGTERM, which `--cpu-prof` would not survive; this writes before it.
const fs = require('node:fs');
const path = require('node:path');
const inspector = require('node:inspector');
const { performance } = require('node:perf_hooks');

const dir = process.env.LEP_PROFILE_DIR || '/tmp';
const root = path.resolve(__dirname, '../..');
const session = new inspector.Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 500 });
session.post('Profiler.start');

const times = {};
const record = (label, began) => (times[label] ??= []).push(performance.now() - began);
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
const http = require('node:http');
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, request, response) {
  if (event === 'request' && request.method === 'POST') {
    const began = performance.now();
    response.once('finish', () => record('http POST', began));
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
  fs.writeFileSync(path.join(dir, `steps-${process.pid}.txt`), `${lines.join('\n')}\n`);
  // The inspector session answers synchronously, so the profile is on disk before the signal ends the process.
  session.post('Profiler.stop', (error, result) => {
    if (!error)
      fs.writeFileSync(path.join(dir, `case-api-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
}
process.prependListener('SIGTERM', write);
process.on('exit', write);
