// `npm test`: installs with the pinned pnpm, then runs lint, type checks and every package's tests,
// and ends with one plain line "N passed, N failed" (lint and type checks count as one test each).
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { pnpm } from './pnpm.mjs';

const root = new URL('..', import.meta.url);
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

console.log(`\n${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed > 0 ? 1 : 0);
