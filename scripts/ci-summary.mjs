// Adds up the test reports written by .ci/run and prints the closing "N passed, N failed" line.
// Arguments: names of CI steps that failed outside the test reports (each counts as one failure).
import fs from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of fs.readdirSync('test-output').filter((name) => /^(vitest|e2e)-.*\.json$/.test(name))) {
  const report = JSON.parse(fs.readFileSync(`test-output/${file}`, 'utf8'));
  passed += report.numPassedTests ?? 0;
  const failedTests = report.numFailedTests ?? 0;
  // A file that fails to load counts as a failure even though none of its tests ran.
  failed += failedTests > 0 ? failedTests : (report.numFailedTestSuites ?? 0);
  // Named again here, at the end of the log, where a shortened copy of the log still shows them.
  for (const suite of report.testResults ?? []) {
    const where = `${file}: ${String(suite.name).replace(`${process.cwd()}/`, '')}`;
    const failures = (suite.assertionResults ?? []).filter((test) => test.status === 'failed');
    for (const test of failures) console.log(`failed: ${where} › ${test.fullName ?? test.title}`);
    if (failures.length === 0 && suite.status === 'failed')
      console.log(`failed: ${where} (${firstLine(suite.message)})`);
  }
}
const failedSteps = process.argv.slice(2);
if (failedSteps.length > 0) console.log(`failed steps: ${failedSteps.join(', ')}`);
failed += failedSteps.filter((step) => !step.startsWith('tests') && step !== 'browser tests').length;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || failedSteps.length > 0 ? 1 : 0);

function firstLine(text) {
  return String(text ?? 'did not run')
    .split('\n')[0]
    .slice(0, 300);
}
