import { computePath, locationKey } from '@eq/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestRunner, testRunner } from '../../testing/harness.ts';
import { HttpRespondent, locationOf } from '../../testing/http-respondent.ts';
import { INTRODUCTION_URL } from '../urls.ts';

let runner: TestRunner;
beforeAll(async () => {
  runner = await testRunner();
});
afterAll(() => runner.close());

describe('Previous links', () => {
  // The HTTP respondent checks the Previous link of every page it answers against the engine, so
  // every journey of every-questionnaire.test.ts checks it on every page; these walk it back.
  it.each(['social-survey', 'business-survey', 'relationships', 'repeating-section', 'section-summary'])(
    '%s: they lead back from the check-your-answers page through every page of the path to the first, then to the introduction if there is one',
    async (slug) => {
      const respondent = new HttpRespondent(runner, { people: 3 });
      await respondent.start(slug);
      await respondent.complete();
      const { browser } = respondent;
      const { q, compiled } = await respondent.questionnaire();
      const { state } = await respondent.record();
      const path = computePath(q, state, { today: respondent.today() }).locations.map(locationKey);

      expect(browser.page.url).toBe('/questionnaire/summary');
      const visited = ['summary'];
      let introduced = false;
      for (let link = browser.previousLink(); link !== undefined; link = browser.previousLink()) {
        await browser.open(link);
        expect(browser.page.url).toBe(link);
        if (link === INTRODUCTION_URL) {
          // The introduction has no Previous link of its own, and a Start button.
          expect(browser.previousLink()).toBeUndefined();
          expect(browser.startLink()).toBeDefined();
          introduced = true;
          break;
        }
        const location = locationOf(compiled, link);
        if (!location) throw new Error(`not a questionnaire page: ${link}`);
        visited.unshift(locationKey(location));
        if (visited.length > path.length) throw new Error('the Previous links go round in circles');
      }
      expect(visited).toEqual(path);
      expect(introduced).toBe(q.introduction !== undefined);
    },
  );
});
