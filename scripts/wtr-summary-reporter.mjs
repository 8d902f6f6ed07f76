// web-test-runner reporter that writes {passed, failed} to $ARC_WTR_SUMMARY, so npm test can print one plain line.
import { writeFileSync } from 'node:fs';

function count(suite, acc) {
  for (const t of suite?.tests ?? []) {
    if (t.skipped) continue;
    if (t.passed) acc.passed++;
    else acc.failed++;
  }
  for (const s of suite?.suites ?? []) count(s, acc);
  return acc;
}

export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0 };
      for (const s of sessions) {
        count(s.testResults, acc);
        // A file that failed to load or threw outside a test counts as a failure.
        if (!s.passed && (s.errors?.length ?? 0) > 0) acc.failed++;
      }
      if (process.env.ARC_WTR_SUMMARY) writeFileSync(process.env.ARC_WTR_SUMMARY, JSON.stringify(acc));
    },
  };
}
