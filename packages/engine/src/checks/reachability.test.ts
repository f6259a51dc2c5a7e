import { describe, expect, it } from 'vitest';
import { answer, type Json, questionPage } from '../testing/build.ts';
import { unreachablePages } from './reachability.ts';
import { runCheck, summary } from './test-helpers.ts';
import { householdSurvey } from './test-household.ts';

const page = (id: string, extra: Json = {}) => questionPage(id, [answer(`${id}-a`)], extra);
const run = (...pages: Json[]) => runCheck(unreachablePages, { pages });
const always = (target: string) => ({ goTo: { page: target } });
const sometimes = (target: string) => ({ when: { answered: { answer: 'a-a' } }, goTo: { page: target } });

describe('unreachable-page', () => {
  it('accepts pages reached by falling through or by routing', () => {
    expect(runCheck(unreachablePages, householdSurvey())).toEqual([]);
    expect(run(page('a', { routing: [sometimes('c')] }), page('b'), page('c'))).toEqual([]);
  });

  it('reports a page jumped over by an unconditional route', () => {
    const problems = run(page('a', { routing: [sometimes('c'), always('d')] }), page('b'), page('c'), page('d'));
    expect(summary(problems)).toEqual([['unreachable-page', 'error', '/sections/0/pages/1']]);
    expect(problems[0]?.message).toBe('page "b" can never be reached from the start of section "s"');
  });

  it('reports pages after a page that always ends the section', () => {
    expect(summary(run(page('a', { routing: [{ goTo: { end: 'section' } }] }), page('b')))).toEqual([
      ['unreachable-page', 'error', '/sections/0/pages/1'],
    ]);
  });

  it('ignores rules after an unconditional one', () => {
    const problems = run(page('a', { routing: [always('c'), sometimes('b')] }), page('b'), page('c'));
    expect(summary(problems)).toEqual([['unreachable-page', 'error', '/sections/0/pages/1']]);
  });

  it('falls through a page with a skipWhen even when its routing always applies', () => {
    const skipped = page('a', { skipWhen: { answered: { answer: 'x' } }, routing: [always('c')] });
    expect(run(skipped, page('b'), page('c'))).toEqual([]);
  });
});
