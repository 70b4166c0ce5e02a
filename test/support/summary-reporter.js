/**
 * Prints one plain closing line, `Tests: N passed, N failed, N skipped`, after jest's own summary, so CI logs
 * carry a runner-neutral count of what ran.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(`\nTests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`);
  }
}
module.exports = SummaryReporter;
