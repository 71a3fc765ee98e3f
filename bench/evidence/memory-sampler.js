// Preloaded into the evidence service by `node bench/evidence/run.js` when EVIDENCE_MEMORY_LOG names a file
// (NODE_OPTIONS="-r bench/evidence/memory-sampler.js"): every 5 ms it reads the process's RSS, and at each new
// peak it appends one JSON line with where the bytes are (V8 heap spaces, off-heap ArrayBuffers), so a peak can
// be traced to its cause. The bench resets the peak once the service is up (`reset` below, on SIGWINCH).
const fs = require('node:fs');
const v8 = require('node:v8');

const file = process.env.EVIDENCE_MEMORY_LOG;
const mb = (bytes) => Math.round(bytes / 104857.6) / 10;
let peak = 0;
let gcs = { minor: 0, major: 0 };
const started = Date.now();

function snapshot(reason) {
  const usage = process.memoryUsage();
  const spaces = {};
  for (const space of v8.getHeapSpaceStatistics())
    spaces[space.space_name.replace(/_space$/, '')] = mb(space.space_size);
  return {
    reason,
    ms: Date.now() - started,
    rss: mb(usage.rss),
    heapTotal: mb(usage.heapTotal),
    heapUsed: mb(usage.heapUsed),
    external: mb(usage.external),
    arrayBuffers: mb(usage.arrayBuffers),
    spaces,
    gcs: { ...gcs },
  };
}

function write(entry) {
  fs.appendFileSync(file, `${JSON.stringify(entry)}\n`);
}

if (file) {
  const { PerformanceObserver, constants } = require('node:perf_hooks');
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) gcs.minor++;
      else gcs.major++;
    }
  }).observe({ entryTypes: ['gc'] });
  setInterval(() => {
    const rss = process.memoryUsage.rss();
    if (rss > peak) {
      peak = rss;
      write(snapshot('peak'));
    }
  }, 5).unref();
  process.on('SIGWINCH', () => {
    write(snapshot('reset'));
    peak = 0;
    gcs = { minor: 0, major: 0 };
  });
}
