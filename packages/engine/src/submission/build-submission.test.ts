import { type Questionnaire, Submission } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import { answerValue } from '../evaluate.ts';
import type { Location } from '../location.ts';
import { computePath } from '../navigation/path.ts';
import { savePage } from '../navigation/save.ts';
import { emptyState, type ResponseState } from '../state.ts';
import { evalContext, pageAt } from '../testing/context.ts';
import { example, fixture, sharedQuestionnaires } from '../testing/files.ts';
import { answeredState, type RespondOptions, type Script } from '../testing/index.ts';
import type { AnswerValue } from '../values.ts';
import { buildSubmission, type SubmissionEnvelope } from './build-submission.ts';

const TODAY = '2025-06-01';

const envelope: SubmissionEnvelope = {
  submissionId: '3f1c9a52-7b4e-4c1d-9a8e-2d5b6c7e8f90',
  responseId: 'resp-0001',
  questionnaireVersion: 3,
  startedAt: '2025-06-01T09:15:00Z',
  submittedAt: '2025-06-01T09:42:10.250Z',
  language: 'en',
};

/** Item ids as a runner makes them: random, so that they reveal nothing. */
function itemIds(...ids: string[]): () => string {
  let next = 0;
  return () => ids[next++] ?? `extra${next}`;
}

/** A respondent who completes the questionnaire, answering as the script says and anything else as seed 1 gives. */
const respond = (q: Questionnaire, script?: Script, options: Omit<RespondOptions, 'choose'> = {}) =>
  answeredState(q, script, { seed: 1, today: TODAY, ...options });

const people = (...names: [string, string][]) =>
  names.map(([first, last]) => ({ 'first-name': first, 'last-name': last }));

function save(q: Questionnaire, state: ResponseState, location: Location, values: Record<string, AnswerValue>) {
  return savePage(q, state, location, values, { today: TODAY, newItemId: () => 'unused' }).state;
}

const submit = (q: Questionnaire, state: ResponseState) => buildSubmission(q, state, envelope, { today: TODAY });

describe('buildSubmission for every fixture and example', () => {
  it.each(sharedQuestionnaires())('$name gives a valid submission document for a complete respondent', ({ q }) => {
    const state = respond(q);
    const doc = submit(q, state);
    expect(Submission.safeParse(doc).error?.issues ?? []).toEqual([]);
    expect(doc.answers.length).toBeGreaterThan(0);
    expect(submit(q, structuredClone(state))).toEqual(doc);
  });
});

describe('buildSubmission of lists and relationships', () => {
  const q = fixture('relationships');
  const state = respond(
    q,
    {
      items: { people: people(['Siân', 'Evans'], ['Cai', 'Evans'], ['Mari', 'Jones']) },
      relationships: { '0>1': 'son-or-daughter', '0>2': 'unrelated', '1>2': 'unrelated' },
    },
    { newItemId: itemIds('aB3xY9', 'Qw7eR2', 'Zt5uK1') },
  );

  it('gives the envelope, the list with its primary item, item answers and one answer per pair', () => {
    expect(submit(q, state)).toEqual({
      formatVersion: 1,
      submissionId: '3f1c9a52-7b4e-4c1d-9a8e-2d5b6c7e8f90',
      responseId: 'resp-0001',
      questionnaireId: 'relationships',
      questionnaireVersion: 3,
      language: 'en',
      startedAt: '2025-06-01T09:15:00Z',
      submittedAt: '2025-06-01T09:42:10.250Z',
      metadata: {},
      lists: { people: { items: ['aB3xY9', 'Qw7eR2', 'Zt5uK1'], primary: 'aB3xY9' } },
      answers: [
        { answerId: 'first-name', qCode: '3', listItemId: 'aB3xY9', value: 'Siân' },
        { answerId: 'last-name', qCode: '4', listItemId: 'aB3xY9', value: 'Evans' },
        { answerId: 'first-name', qCode: '3', listItemId: 'Qw7eR2', value: 'Cai' },
        { answerId: 'last-name', qCode: '4', listItemId: 'Qw7eR2', value: 'Evans' },
        { answerId: 'first-name', qCode: '3', listItemId: 'Zt5uK1', value: 'Mari' },
        { answerId: 'last-name', qCode: '4', listItemId: 'Zt5uK1', value: 'Jones' },
        {
          answerId: 'relationship-answer',
          qCode: '6',
          listItemId: 'aB3xY9',
          toListItemId: 'Qw7eR2',
          value: 'son-or-daughter',
        },
        {
          answerId: 'relationship-answer',
          qCode: '6',
          listItemId: 'aB3xY9',
          toListItemId: 'Zt5uK1',
          value: 'unrelated',
        },
        {
          answerId: 'relationship-answer',
          qCode: '6',
          listItemId: 'Qw7eR2',
          toListItemId: 'Zt5uK1',
          value: 'unrelated',
        },
      ],
    });
  });

  it('leaves out the primary person, driving and remove questions, which only steer the list', () => {
    const ids = submit(q, state).answers.map((a) => a.answerId);
    expect(state.answers['you-live-here-answer']).toBe('yes');
    expect(state.answers['anyone-else-answer']).toBe('no');
    expect(ids).not.toContain('you-live-here-answer');
    expect(ids).not.toContain('anyone-else-answer');
    expect(ids).not.toContain('remove-person-answer');
  });

  it('drops a removed item with its answers and every relationship to it', () => {
    const removed = save(q, state, pageAt('household', 'remove-person', 'Qw7eR2'), {
      'remove-person-answer': 'yes',
    });
    const doc = submit(q, removed);
    expect(doc.lists.people).toEqual({ items: ['aB3xY9', 'Zt5uK1'], primary: 'aB3xY9' });
    expect(doc.answers.filter((a) => a.listItemId === 'Qw7eR2' || a.toListItemId === 'Qw7eR2')).toEqual([]);
  });

  it('gives an empty list when nobody was added', () => {
    const list = fixture('list-collector');
    const doc = submit(list, respond(list, { items: { people: [] } }));
    expect(doc.lists).toEqual({ people: { items: [] } });
    expect(doc.answers).toEqual([]);
  });
});

describe('buildSubmission of a repeating section', () => {
  const q = fixture('repeating-section');
  const ann = {
    'first-name': 'Ann',
    'last-name': 'Jones',
    'date-of-birth-answer': '1980-05-17',
    'sex-answer': 'female',
    'paid-work-answer': 'no',
  };
  const child = {
    'first-name': 'Cai',
    'last-name': 'Jones',
    'date-of-birth-answer': '2015-03-02',
    'sex-answer': 'male',
  };
  const state = respond(q, { items: { people: [ann, child] } }, { newItemId: itemIds('ann', 'cai') });

  it("gives each item's answers with its item id, in path order, skipping pages off each item's path", () => {
    expect(submit(q, state).answers).toEqual([
      { answerId: 'first-name', qCode: '2', listItemId: 'ann', value: 'Ann' },
      { answerId: 'last-name', qCode: '3', listItemId: 'ann', value: 'Jones' },
      { answerId: 'first-name', qCode: '2', listItemId: 'cai', value: 'Cai' },
      { answerId: 'last-name', qCode: '3', listItemId: 'cai', value: 'Jones' },
      { answerId: 'date-of-birth-answer', qCode: '5', listItemId: 'ann', value: '1980-05-17' },
      { answerId: 'sex-answer', qCode: '6', listItemId: 'ann', value: 'female' },
      { answerId: 'paid-work-answer', qCode: '7', listItemId: 'ann', value: 'no' },
      { answerId: 'date-of-birth-answer', qCode: '5', listItemId: 'cai', value: '2015-03-02' },
      { answerId: 'sex-answer', qCode: '6', listItemId: 'cai', value: 'male' },
    ]);
  });

  it('leaves out an answer stored for a page the item no longer reaches', () => {
    const itemAnswers = { ...state.itemAnswers, cai: { ...state.itemAnswers.cai, 'paid-work-answer': 'yes' } };
    const doc = submit(q, { ...state, itemAnswers });
    expect(doc.answers.filter((a) => a.answerId === 'paid-work-answer').map((a) => a.listItemId)).toEqual(['ann']);
  });
});

describe('buildSubmission answers', () => {
  it('keeps only answers on the path', () => {
    const q = fixture('calculated-summary');
    const state = respond(q, { answers: { 'car-owner-answer': 'yes', 'fuel-answer': 80 } });
    const noCar = save(q, state, pageAt('spending', 'car-owner'), { 'car-owner-answer': 'no' });
    expect(noCar.answers['fuel-answer']).toBe(80);
    expect(submit(q, noCar).answers.map((a) => a.answerId)).toEqual([
      'food-answer',
      'gas-answer',
      'electricity-answer',
      'car-owner-answer',
      'essentials-answer',
    ]);
  });

  it('gives a detail answer after its answer, only while its option is chosen', () => {
    const q = fixture('answers-options');
    const state = respond(q, {
      answers: {
        'breakfast-answer': 'other',
        'breakfast-other-answer': 'Pancakes',
        'drinks-answer': ['tea', 'other'],
        'drinks-other-answer': 'Cocoa',
        'cups-answer': 'none',
        'region-answer': 'north-east',
      },
    });
    const stale = { ...state, answers: { ...state.answers, 'cups-more-answer': 9 } };
    expect(submit(q, stale).answers).toEqual([
      { answerId: 'breakfast-answer', qCode: '1', value: 'other' },
      { answerId: 'breakfast-other-answer', qCode: '2', value: 'Pancakes' },
      { answerId: 'drinks-answer', qCode: '3', value: ['tea', 'other'] },
      { answerId: 'drinks-other-answer', qCode: '4', value: 'Cocoa' },
      { answerId: 'cups-answer', qCode: '5', value: 'none' },
      { answerId: 'region-answer', qCode: '7', value: 'north-east' },
    ]);
  });

  it('leaves out confirmation answers, which confirm rather than answer, though conditions still read them', () => {
    const q = fixture('confirmation-question');
    const state = respond(q, { answers: { 'employees-answer': 45, 'vacancies-answer': 2 } });
    expect(state.answers['confirm-employees-answer']).toBe('yes');
    expect(submit(q, state).answers).toEqual([
      { answerId: 'employees-answer', qCode: '1', value: 45 },
      { answerId: 'vacancies-answer', qCode: '3', value: 2 },
    ]);
    const ctx = evalContext(q, state, { today: TODAY, onPath: computePath(q, state, { today: TODAY }).onPath });
    expect(answerValue({ answer: 'confirm-employees-answer' }, ctx)).toBe('yes');
  });

  it('gives each answer type its stored value shape', () => {
    const dates = fixture('answers-dates');
    const given = {
      'date-of-birth-answer': '1980-05-17',
      'moved-in-answer': '2001-09',
      'arrived-uk-answer': 2000,
      'job-duration-answer': { years: 2, months: 6 },
      'contract-duration-answer': { months: 30 },
    };
    expect(submit(dates, respond(dates, { answers: given })).answers.map((a) => a.value)).toEqual([
      '1980-05-17',
      '2001-09',
      2000,
      { years: 2, months: 6 },
      { months: 30 },
    ]);
    const address = fixture('answers-address');
    const home = { line1: '1 High Street', town: 'Newport', postcode: 'NP10 8XG' };
    expect(submit(address, respond(address, { answers: { 'home-address-answer': home } })).answers[0]?.value).toEqual({
      line1: '1 High Street',
      town: 'Newport',
      postcode: 'NP10 8XG',
    });
  });

  it('ignores values of the wrong type, unknown answers and item ids that could break out of a key', () => {
    const q = fixture('repeating-section');
    const state = respond(
      q,
      { items: { people: people(['Ann', 'Jones'], ['Bob', 'Jones']) } },
      { newItemId: itemIds('ann', 'bob') },
    );
    const hostile: ResponseState = {
      ...state,
      answers: { ...state.answers, unknown: 'x', constructor: 'y' },
      itemAnswers: { ...state.itemAnswers, ann: { ...state.itemAnswers.ann, 'sex-answer': 42 } },
      lists: { people: { items: ['ann', 'bob', '../etc', '__proto__'] } },
    };
    const doc = submit(q, hostile);
    expect(Submission.safeParse(doc).error?.issues ?? []).toEqual([]);
    expect(doc.lists.people).toEqual({ items: ['ann', 'bob'] });
    expect(doc.answers.find((a) => a.answerId === 'sex-answer' && a.listItemId === 'ann')).toBeUndefined();
  });
});

describe('buildSubmission envelope and metadata', () => {
  it('keeps declared metadata of the right types, converting numeric strings', () => {
    const q = fixture('routing-metadata');
    const metadata = {
      region: 'wales',
      period_end: '2025-03-31',
      register_employees: '12',
      first_return: 'maybe',
      tx_id: 'not declared',
    };
    expect(submit(q, respond(q, {}, { state: emptyState(metadata) })).metadata).toEqual({
      region: 'wales',
      period_end: '2025-03-31',
      register_employees: 12,
    });
  });

  it('gives the survey id, respondent reference and test flag when there are any', () => {
    const q = example('business-survey');
    const doc = buildSubmission(q, respond(q), {
      ...envelope,
      respondentRef: '49900000001A',
      test: true,
      language: 'en',
    });
    expect(doc).toMatchObject({
      questionnaireId: 'business-survey',
      surveyId: '009',
      respondentRef: '49900000001A',
      test: true,
    });
    const plain = submit(fixture('routing-equals'), respond(fixture('routing-equals')));
    expect(Object.keys(plain)).not.toContain('surveyId');
    expect(Object.keys(plain)).not.toContain('respondentRef');
    expect(Object.keys(plain)).not.toContain('test');
  });

  it('leaves out the business survey confirmation and calculated summary, keeping every figure', () => {
    const q = example('business-survey');
    const ids = submit(q, respond(q)).answers.map((a) => a.answerId);
    expect(ids).not.toContain('employees-confirmation');
    expect(ids).toContain('turnover-goods');
    expect(ids.indexOf('total-turnover')).toBeLessThan(ids.indexOf('turnover-goods'));
  });
});
