// Appends each jest run's totals to $LEP_TEST_SUMMARY (one JSON line per project) so that .ci/run can
// print one closing line for the whole workspace. Does nothing when the variable is unset.
const fs = require('node:fs');

class SummaryReporter {
  constructor(globalConfig) {
    this.displayName = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const file = process.env.LEP_TEST_SUMMARY;
    if (!file) return;
    const line = {
      project: this.displayName,
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    fs.appendFileSync(file, JSON.stringify(line) + '\n');
  }
}

module.exports = SummaryReporter;
