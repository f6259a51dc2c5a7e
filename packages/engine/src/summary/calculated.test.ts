import type { Questionnaire } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import { savePage } from '../navigation/save.ts';
import { answer, listCollector, questionnaire, questionPage, section } from '../testing/build.ts';
import { pageAt } from '../testing/context.ts';
import { example, fixture } from '../testing/files.ts';
import { answeredState, type Script } from '../testing/index.ts';
import { calculatedSummary } from './calculated.ts';

const TODAY = '2025-06-01';
/** A respondent who completes the questionnaire, answering as the script says and anything else as seed 1 gives. */
const respond = (q: Questionnaire, script?: Script) => answeredState(q, script, { seed: 1, today: TODAY });

const page = (id: string) => pageAt('spending', id);

const q = fixture('calculated-summary');
const amounts = { 'food-answer': 120.5, 'gas-answer': 40, 'electricity-answer': 60, 'fuel-answer': 80 };
const options = { lang: 'en', today: TODAY };

describe('calculatedSummary', () => {
  it('lists the answers it adds up, each linking to its page, and the total in their currency and decimal places', () => {
    const state = respond(q, { answers: { ...amounts, 'car-owner-answer': 'yes' } });
    expect(calculatedSummary(q, state, page('spending-total'), options)).toEqual({
      title: "Check your household's spending last month",
      answers: [
        {
          answerId: 'food-answer',
          label: 'Food and drink',
          value: '£120.50',
          change: page('food'),
          field: 'food-answer',
        },
        { answerId: 'gas-answer', label: 'Gas', value: '£40.00', change: page('energy'), field: 'gas-answer' },
        {
          answerId: 'electricity-answer',
          label: 'Electricity',
          value: '£60.00',
          change: page('energy'),
          field: 'electricity-answer',
        },
        { answerId: 'fuel-answer', label: 'Fuel', value: '£80.00', change: page('fuel'), field: 'fuel-answer' },
      ],
      total: '£300.50',
      totalLabel: 'Total spending',
    });
  });

  it('leaves out answers on pages off the path, and their amounts from the total', () => {
    const state = respond(q, { answers: { ...amounts, 'car-owner-answer': 'yes' } });
    const noCar = savePage(
      q,
      state,
      page('car-owner'),
      { 'car-owner-answer': 'no' },
      { today: TODAY, newItemId: () => 'x' },
    );
    const summary = calculatedSummary(q, noCar.state, page('spending-total'), options);
    expect(summary.answers.map((a) => a.answerId)).toEqual(['food-answer', 'gas-answer', 'electricity-answer']);
    expect(summary.total).toBe('£220.50');
  });

  it('shows an optional answer left blank as unanswered, adding nothing', () => {
    const state = respond(q, { answers: { ...amounts, 'car-owner-answer': 'yes' } });
    const blank = savePage(q, state, page('fuel'), {}, { today: TODAY, newItemId: () => 'x' });
    const summary = calculatedSummary(q, blank.state, page('spending-total'), options);
    expect(summary.answers.at(-1)).toEqual({
      answerId: 'fuel-answer',
      label: 'Fuel',
      change: page('fuel'),
      field: 'fuel-answer',
    });
    expect(summary.total).toBe('£220.50');
  });

  it('formats the total for the language', () => {
    const state = respond(q, { answers: { ...amounts, 'food-answer': 1200.5, 'car-owner-answer': 'yes' } });
    expect(calculatedSummary(q, state, page('spending-total'), { lang: 'cy', today: TODAY }).total).toBe('£1,380.50');
  });

  it('gives an empty summary for a location that is not a calculated summary page', () => {
    const state = respond(q);
    const empty = { title: '', answers: [], total: '' };
    expect(calculatedSummary(q, state, page('food'), options)).toEqual(empty);
    expect(calculatedSummary(q, state, page('unknown'), options)).toEqual(empty);
    expect(calculatedSummary(q, state, { kind: 'summary' }, options)).toEqual(empty);
  });

  it('adds up the business survey breakdown in pounds, as the respondent confirms it', () => {
    const business = example('business-survey');
    const breakdown = { 'turnover-goods': 600000, 'turnover-services': 250000, 'turnover-other': 1500.25 };
    const state = respond(business, { answers: { 'total-turnover': 851500.25, ...breakdown } });
    const location = pageAt('turnover', 'turnover-breakdown-summary');
    const summary = calculatedSummary(business, state, location, options);
    expect(summary.answers.map((a) => a.value)).toEqual(['£600,000.00', '£250,000.00', '£1,500.25']);
    expect(summary.total).toBe('£851,500.25');
  });

  it("adds up one item's answers in a repeating section", () => {
    const ask = (id: string) => questionPage(id, [answer(id, 'currency', { currency: 'GBP' })]);
    const household = questionnaire({
      placeholders: { name: { value: { itemLabel: 'current' } } },
      sections: [
        section('people', [listCollector('people-list', 'people')]),
        section(
          'income',
          [
            ask('wages'),
            ask('benefits'),
            {
              id: 'income-total',
              kind: 'calculatedSummary',
              title: 'Check {name}’s income',
              answers: ['wages', 'benefits'],
            },
          ],
          { repeat: { list: 'people', title: '{name}' } },
        ),
      ],
    });
    const state = respond(household, {
      items: {
        people: [
          { name: 'Ann', wages: 1000, benefits: 50 },
          { name: 'Bob', wages: 20, benefits: 0 },
        ],
      },
    });
    const bob = state.lists.people?.items[1] ?? '';
    const at = (page: string) => pageAt('income', page, bob);
    const location = at('income-total');
    expect(calculatedSummary(household, state, location, options)).toEqual({
      title: 'Check Bob’s income',
      answers: [
        { answerId: 'wages', label: 'wages', value: '£20', change: at('wages'), field: 'wages' },
        { answerId: 'benefits', label: 'benefits', value: '£0', change: at('benefits'), field: 'benefits' },
      ],
      total: '£20',
    });
  });
});
