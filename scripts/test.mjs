// `npm test`: typecheck, the unit tests under two far-apart time zones and both builds side by side, and the
// real-browser tests in Chromium and Firefox (three files at a time) as soon as the build is done.
// Every step runs even when another failed; each step's output is printed whole when it ends, the
// total time after the summary, and the last line sums up: "tests: N passed, M failed".
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('.tmp', { recursive: true });
const started = Date.now();
const steps = [];
let passed = 0;
let failed = 0;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Runs one step in its own process; its output is kept and printed in one piece when it ends. */
function run(name, command, args, env = {}) {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, FORCE_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    const done = (code) => {
      const ok = code === 0;
      const took = Date.now() - t0;
      console.log(`\n▶ ${name}: ${command} ${args.join(' ')} (${seconds(took)})`);
      process.stdout.write(Buffer.concat(chunks));
      steps.push({ name, ok, took });
      resolve(ok);
    };
    child.on('error', (error) => {
      chunks.push(Buffer.from(String(error)));
      done(1);
    });
    child.on('close', done);
  });
}

async function vitest(project, label, env = {}) {
  const report = `.tmp/vitest-${project.replace(/\W/g, '')}.json`;
  rmSync(report, { force: true });
  const ok = await run(`${label} tests`, 'npx', [
    'vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${report}`,
  ], env);
  const summary = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : null;
  if (summary) {
    passed += summary.numPassedTests;
    failed += summary.numFailedTests + (summary.numTotalTestSuites === 0 ? 1 : 0);
    // A file that failed to load counts as a failure even when no test inside it ran.
    failed += summary.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  }
  // Errors outside any test (an unhandled rejection, a crash) fail the run without failing a test.
  if (!ok && (!summary || summary.numFailedTests === 0)) failed += 1;
}

// WXT writes the types for messages and paths; refresh them so the typecheck sees today's locales.
await run('prepare', 'npx', ['wxt', 'prepare']);
const typecheck = run('typecheck', 'npx', ['tsc', '--noEmit', '--incremental', '--tsBuildInfoFile', '.tmp/tsbuildinfo', '-p', '.']);
// The unit suite in two far-apart zones in one run (vitest.config.ts): UTC+14 and UTC-10 (UTC-9 in summer),
// so no unit test leans on the machine's own. Two workers: beside the browser tests, more only fight for the cores.
const unit = vitest('unit-*', 'unit (Pacific/Kiritimati, America/Adak)', { TEND_UNIT_WORKERS: '2' });
// The browser tests as soon as the build is there, beside the unit tests: the run is bound by the two cores, so
// what counts is the work done, and two unit workers do less than four (measured on this machine: the unit tests
// with four workers, then the browser tests, 342 s and 617 CPU-s; side by side with two, 286 s and 561 CPU-s).
const browsers = run('build', 'npm', ['run', '--silent', 'build']).then((built) => {
  if (built) return vitest('e2e', 'e2e');
  failed += 1;
});
const [typed] = await Promise.all([typecheck, unit, browsers]);
if (typed) passed += 1;
else failed += 1;

console.log('\nSummary');
for (const step of steps) console.log(`  ${step.ok ? '✓' : '✗'} ${step.name} (${seconds(step.took)})`);
console.log(`\nnpm test took ${seconds(Date.now() - started)}`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && steps.every((s) => s.ok) ? 0 : 1);
