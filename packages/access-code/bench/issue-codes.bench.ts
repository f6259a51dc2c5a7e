/**
 * `pnpm bench`: how fast codes are issued and verified (the author app issues 100,000 codes per
 * request, in under 10 s by the issue's target). A report, not a test: each run of the bench
 * function handles 100,000 codes, so its mean time is the time for 100,000 and hz x 100,000 is
 * the rate in codes per second.
 */
import { bench, describe } from 'vitest';
import { issueCodes, verifyCode } from '../src/index.ts';

const KEY = 'bench-access-code-key-0123456789abcdef';
const COUNT = 100_000;
const codes = issueCodes(KEY, 1, 0, COUNT);

describe(`${COUNT.toLocaleString('en-GB')} access codes`, () => {
  bench(
    'issueCodes',
    () => {
      issueCodes(KEY, 2, 0, COUNT);
    },
    { iterations: 3, warmupIterations: 1, time: 0 },
  );

  bench(
    'verifyCode',
    () => {
      for (const code of codes) verifyCode(KEY, code);
    },
    { iterations: 3, warmupIterations: 1, time: 0 },
  );
});
