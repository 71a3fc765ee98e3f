// Prints the workspace's closing test line from the reporter's JSON lines: "N passed, N failed[, N skipped]".
const fs = require('node:fs');

const file = process.argv[2];
const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
const total = lines
  .map((line) => JSON.parse(line))
  .reduce(
    (sum, run) => ({
      passed: sum.passed + run.passed,
      failed: sum.failed + run.failed,
      skipped: sum.skipped + run.skipped,
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
console.log(`${lines.length} jest projects`);
console.log(
  `${total.passed} passed, ${total.failed} failed` + (total.skipped ? `, ${total.skipped} skipped` : ''),
);
process.exitCode = total.passed > 0 && total.failed === 0 ? 0 : 1;
