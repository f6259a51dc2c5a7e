// `npm test`: installs with the pinned pnpm, then runs lint, type checks, every package's tests and
// the runner's browser tests, and ends with one plain line "N passed, N failed" (lint and type
// checks count as one test each).
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { pnpm } from './pnpm.mjs';

const root = new URL('..', import.meta.url);
// The browser tests use Debian's chromium, never a browser downloaded by Playwright.
const CHROMIUM = '/usr/bin/chromium';
const resultsDir = new URL('.data/test-results/', root);
const tally = { passed: 0, failed: 0 };

function section(title) {
  console.log(`\n=== ${title} ===`);
}

function check(title, args) {
  section(title);
  const ok = pnpm(args) === 0;
  tally[ok ? 'passed' : 'failed'] += 1;
  console.log(`${title}: ${ok ? 'passed' : 'FAILED'}`);
  return ok;
}

section('install');
if (pnpm(['install', '--frozen-lockfile', '--prefer-offline']) !== 0) {
  console.log('install failed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

check('lint and format', ['exec', 'biome', 'ci', '.']);
check('typecheck', ['-r', 'typecheck']);

section('unit and integration tests');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
const report = new URL('vitest.json', resultsDir);
pnpm(['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report.pathname}`]);
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  // A skipped or todo test counts as failed: every test must run.
  const notRun = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  tally.passed += json.numPassedTests;
  tally.failed += json.numFailedTests + notRun;
  // Files that fail to load report no tests of their own.
  tally.failed += json.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  if (notRun > 0) console.log(`${notRun} tests were skipped or todo: counted as failed`);
} else {
  console.log('vitest wrote no report');
  tally.failed += 1;
}

section('browser tests');
browserTests();

console.log(`\n${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed > 0 ? 1 : 0);

/** The runner's Playwright suite (JavaScript off and on); a missing browser is a failure, not a skip. */
function browserTests() {
  if (!existsSync(CHROMIUM)) {
    console.log(`the browser tests need chromium at ${CHROMIUM}: apt-get install -y chromium`);
    tally.failed += 1;
    return;
  }
  const report = new URL('playwright.json', resultsDir);
  const status = pnpm(['--filter', '@eq/runner', 'exec', 'playwright', 'test', '--reporter=list,json'], {
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report.pathname },
  });
  if (!existsSync(report)) {
    console.log('playwright wrote no report');
    tally.failed += 1;
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = json.stats ?? {};
  // A skipped test did not run and a flaky one failed once: both count as failed.
  tally.passed += expected;
  tally.failed += unexpected + flaky + skipped;
  if (flaky + skipped > 0) console.log(`${flaky} flaky and ${skipped} skipped browser tests: counted as failed`);
  // Errors outside any test (the runner did not start, a spec did not load) report no test of their own.
  const outside = json.errors?.length ?? 0;
  if (outside > 0) tally.failed += outside;
  else if (status !== 0 && unexpected === 0) tally.failed += 1;
}
