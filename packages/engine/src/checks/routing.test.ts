import { describe, expect, it } from 'vitest';
import { answer, type Json, question, questionPage, radio, section } from '../testing/build.ts';
import { routingTargets } from './routing.ts';
import { runCheck, summary } from './test-helpers.ts';
import { householdSurvey } from './test-household.ts';

const page = (id: string, extra: Json = {}) => questionPage(id, [answer(`${id}-a`)], extra);

describe('routing targets', () => {
  it('accepts routes to later pages of the same section and a confirmation going back', () => {
    expect(runCheck(routingTargets, householdSurvey())).toEqual([]);
  });

  it('reports a route to the page itself or an earlier page as a cycle', () => {
    const doc = {
      pages: [page('a'), page('b', { routing: [{ when: true, goTo: { page: 'b' } }, { goTo: { page: 'a' } }] })],
    };
    const problems = runCheck(routingTargets, doc);
    expect(summary(problems)).toEqual([
      ['routing-cycle', 'error', '/sections/0/pages/1/routing/0/goTo/page'],
      ['routing-cycle', 'error', '/sections/0/pages/1/routing/1/goTo/page'],
    ]);
    expect(problems[1]?.message).toBe(
      'routing rule 2 of page "b" goes back to the earlier page "a", which makes a loop',
    );
  });

  it('reports a route into another section', () => {
    const doc = {
      sections: [section('s', [page('a', { routing: [{ goTo: { page: 'b' } }] })]), section('t', [page('b')])],
    };
    expect(summary(runCheck(routingTargets, doc))).toEqual([
      ['route-outside-section', 'error', '/sections/0/pages/0/routing/0/goTo/page'],
    ]);
  });

  it('reports a confirmation going back to a later page or to another section', () => {
    const confirm = (rejectGoTo: string) => ({
      id: `confirm-${rejectGoTo}`,
      kind: 'confirmation',
      question: question(`confirm-${rejectGoTo}-q`, [radio(`confirm-${rejectGoTo}-a`, ['yes', 'no'])]),
      confirmValue: 'yes',
      rejectGoTo,
    });
    const doc = {
      sections: [section('s', [page('other')]), section('t', [confirm('later'), page('later'), confirm('other')])],
    };
    expect(summary(runCheck(routingTargets, doc))).toEqual([
      ['reject-target-invalid', 'error', '/sections/1/pages/0/rejectGoTo'],
      ['reject-target-invalid', 'error', '/sections/1/pages/2/rejectGoTo'],
    ]);
  });
});
