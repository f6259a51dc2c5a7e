import { readdirSync } from 'node:fs';
import {
  compile,
  emptyState,
  type FormInput,
  type Location,
  locationContext,
  type ResponseState,
  validateQuestion,
} from '@eq/engine';
import { answeredState, respond } from '@eq/engine/testing';
import type { Questionnaire } from '@eq/schema';
import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { questionAt } from '../../routes/question-at.ts';
import { answersOf, questionView } from '../question.ts';
import { example, fixture, fixtureNames, TODAY, visibleLocations } from '../test-pages.ts';
import { answerView } from './answer-view.ts';
import { isSharedView, sharedAnswerView } from './shared-views.ts';

/** Everything a view holds, in order: Html apart from text, undefined properties apart from none. */
const exactly = (value: unknown) =>
  JSON.stringify(value, (_, item: unknown) =>
    item instanceof nunjucks.runtime.SafeString
      ? { [item.constructor.name]: item.val }
      : item === undefined
        ? '(undefined)'
        : item,
  );

interface Counts {
  shared: number;
  again: number;
}

/**
 * Each answer of the question at a location, as shared and as made afresh, which must be the same;
 * a view shared is handed out again for the same values.
 */
function compareAt(q: Questionnaire, state: ResponseState, location: Location, lang: string, counts: Counts): void {
  const ctx = locationContext(q, state, location, { lang, today: TODAY });
  const question = questionAt(compile(q), location, ctx);
  if (!question) return;
  const posted: FormInput = Object.fromEntries(question.answers.map((answer) => [answer.id, 'not <valid> "at" all']));
  const { errors } = validateQuestion(question, posted, ctx);
  for (const input of [{}, { form: posted, errors }]) {
    const { others, a } = answersOf(question, ctx, input);
    for (const answer of others) {
      const where = `${q.id} ${lang} ${JSON.stringify(location)} ${answer.id}`;
      const view = sharedAnswerView(answer, a);
      expect(exactly(view), where).toBe(exactly(answerView(answer, a)));
      if (!isSharedView(view)) continue;
      counts.shared++;
      if (sharedAnswerView(answer, a) === view) counts.again++;
    }
  }
}

describe('shared answer views', () => {
  it('are the views made afresh: every page of every fixture and example, answered and posted with errors, in each language', () => {
    const counts = { shared: 0, again: 0 };
    const examples = readdirSync(new URL('../../../../../packages/schema/examples/', import.meta.url))
      .filter((file) => file.endsWith('.json'))
      .map((file) => example(file.replace(/\.json$/, '')));
    for (const q of [...fixtureNames().map(fixture), ...examples]) {
      for (const state of [emptyState(), answeredState(q, {}, { today: TODAY, people: 3 })]) {
        for (const lang of q.languages) {
          for (const location of visibleLocations(q, state)) compareAt(q, state, location, lang, counts);
        }
      }
    }
    expect(counts.shared).toBeGreaterThan(500);
    expect(counts.again).toBe(counts.shared);
  });

  it('are the views made afresh for households one after another, each page as the respondent comes to it', () => {
    const census = example('census-household');
    const counts = { shared: 0, again: 0 };
    for (const seed of [31, 32, 33, 34]) {
      respond(census, {
        seed,
        people: 3,
        today: TODAY,
        choose: ({ location, state }) => void compareAt(census, state, location, 'en', counts),
      });
    }
    expect(counts.shared).toBeGreaterThan(100);
    expect(counts.again).toBe(counts.shared);
  });

  it('are made afresh for an answer whose texts have placeholders', () => {
    const census = example('census-household');
    const journey = answeredState(census, {}, { today: TODAY, people: 2 });
    const location = visibleLocations(census, journey).find(
      (at) => at.kind === 'page' && at.page === 'confirm-date-of-birth',
    ) as Location;
    const ctx = locationContext(census, journey, location, { lang: 'en', today: TODAY });
    const question = questionAt(compile(census), location, ctx);
    if (!question) throw new Error('no confirmation question');
    const { others, a } = answersOf(question, ctx);
    for (const answer of others) {
      const view = sharedAnswerView(answer, a);
      expect(isSharedView(view)).toBe(false);
      expect(sharedAnswerView(answer, a)).not.toBe(view);
    }
  });

  it('are made afresh when a field value is not text', () => {
    const q = fixture('answers-options');
    const [pageId, info] = [...compile(q).pages].find(([, page]) => page.page.kind === 'question') ?? [];
    if (!pageId || info?.page.kind !== 'question') throw new Error('no question page');
    const location: Location = { kind: 'page', section: info.section.id, page: pageId };
    const ctx = locationContext(q, emptyState(), location, { lang: 'en', today: TODAY });
    const question = questionAt(compile(q), location, ctx);
    const answer = question?.answers[0];
    if (!question || !answer) throw new Error('no answer');
    const form = { [answer.id]: { nested: 'x' } } as unknown as FormInput;
    const { a } = answersOf(question, ctx, { form });
    const view = sharedAnswerView(answer, a);
    expect(isSharedView(view)).toBe(false);
    expect(exactly(view)).toBe(exactly(answerView(answer, a)));
  });

  it('are left as they are when a question adds its exclusive option to its one other answer', () => {
    const q = fixture('mutually-exclusive');
    const info = compile(q).pages.get('left-job');
    if (info?.page.kind !== 'question') throw new Error('no left-job question');
    const location: Location = { kind: 'page', section: info.section.id, page: 'left-job' };
    const ctx = locationContext(q, emptyState(), location, { lang: 'en', today: TODAY });
    const { others, a } = answersOf(info.page.question, ctx);
    const [date] = others;
    if (!date) throw new Error('no date answer');
    const before = exactly(sharedAnswerView(date, a));
    const { view } = questionView(info.page.question, ctx);
    expect(view.answers[0]?.params.mutuallyExclusive).toBeDefined();
    expect(isSharedView(view.answers[0] as object)).toBe(false);
    expect(exactly(sharedAnswerView(date, a))).toBe(before);
    expect(sharedAnswerView(date, a).params.mutuallyExclusive).toBeUndefined();
  });
});
