import { mkdirSync, writeFileSync, writeSync } from 'node:fs';

// CI reads the last line of the run; web-test-runner's own summary ends with a progress bar,
// so this reporter closes the output with a plain "N passed, N failed" count.
function count(suite, totals) {
  if (!suite) return;
  for (const test of suite.tests) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites) count(child, totals);
}

export function plainReporter() {
  return {
    stop({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        // A file that crashed before its tests ran reports errors but no results: count it.
        if (!session.passed && session.errors.length > 0 && !session.testResults?.tests.length
          && !session.testResults?.suites.length) totals.failed += 1;
      }
      const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
      if (process.env.LO_RESULTS_DIR) {
        mkdirSync(process.env.LO_RESULTS_DIR, { recursive: true });
        writeFileSync(`${process.env.LO_RESULTS_DIR}/browser-tests.json`, JSON.stringify(totals));
      }
      // The runner prints its own summary after the reporters stop: write ours at exit.
      process.once('exit', () => writeSync(1, `\n${totals.passed} passed, ${totals.failed} failed${skipped}\n`));
    },
  };
}
