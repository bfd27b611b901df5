// `npm test`: typecheck, unit tests, both builds, then real-browser tests in Chromium and Firefox.
// Every step runs even when one before it failed, and the last line sums up: "N passed, M failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('.tmp', { recursive: true });
const steps = [];
let passed = 0;
let failed = 0;

function run(name, command, args) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const ok = result.status === 0;
  steps.push({ name, ok });
  return ok;
}

function vitest(project) {
  const report = `.tmp/vitest-${project}.json`;
  rmSync(report, { force: true });
  const ok = run(`${project} tests`, 'npx', [
    'vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${report}`,
  ]);
  if (existsSync(report)) {
    const summary = JSON.parse(readFileSync(report, 'utf8'));
    passed += summary.numPassedTests;
    failed += summary.numFailedTests + (summary.numTotalTestSuites === 0 ? 1 : 0);
    // A file that failed to load counts as a failure even when no test inside it ran.
    failed += summary.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  }
  // Errors outside any test (an unhandled rejection, a crash) fail the run without failing a test.
  if (!ok && (!existsSync(report) || JSON.parse(readFileSync(report, 'utf8')).numFailedTests === 0)) failed += 1;
}

// WXT writes the types for messages and paths; refresh them so the typecheck sees today's locales.
run('prepare', 'npx', ['wxt', 'prepare']);
if (run('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.'])) passed += 1;
else failed += 1;
vitest('unit');
const built = run('build', 'npm', ['run', '--silent', 'build']);
if (built) vitest('e2e');
else failed += 1;

console.log('\nSummary');
for (const step of steps) console.log(`  ${step.ok ? '✓' : '✗'} ${step.name}`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && steps.every((s) => s.ok) ? 0 : 1);
