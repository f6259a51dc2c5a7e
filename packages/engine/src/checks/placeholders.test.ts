import { describe, expect, it } from 'vitest';
import { answer, questionPage } from '../testing/build.ts';
import { placeholderDefinitions } from './placeholders.ts';
import { runCheck, summary } from './test-helpers.ts';
import { householdSurvey } from './test-household.ts';

describe('unknown-placeholder', () => {
  it('accepts texts whose placeholders are all defined, and {count} in plural forms', () => {
    expect(runCheck(placeholderDefinitions, householdSurvey())).toEqual([]);
  });

  it('reports an undefined placeholder at the string using it, per language', () => {
    const doc = {
      pages: [questionPage('p', [answer('a', 'number', { label: { en: 'Hi {who}', cy: 'Hwyl {pwy}' } })])],
      languages: ['en', 'cy'],
      title: 'Survey for {company}',
      placeholders: { who: { value: 'you' } },
    };
    const problems = runCheck(placeholderDefinitions, doc);
    expect(summary(problems)).toEqual([
      ['unknown-placeholder', 'error', '/title'],
      ['unknown-placeholder', 'error', '/sections/0/pages/0/question/answers/0/label/cy'],
    ]);
    expect(problems[0]?.message).toBe('text on the introduction uses placeholder {company}, which is not defined');
  });

  it('reports an undefined placeholder in a plural form, where only {count} comes free', () => {
    const doc = {
      pages: [questionPage('p', [answer('a', 'number', { label: '{n}' })])],
      placeholders: { n: { plural: { count: 2, forms: { en: { one: '{count} item', other: '{count} {things}' } } } } },
    };
    expect(summary(runCheck(placeholderDefinitions, doc))).toEqual([
      ['unknown-placeholder', 'error', '/placeholders/n/plural/forms/en/other'],
    ]);
  });

  it('ignores braces that do not hold a placeholder name', () => {
    const doc = { pages: [questionPage('p', [answer('a', 'number', { label: 'Use {} or {A} or { x }' })])] };
    expect(runCheck(placeholderDefinitions, doc)).toEqual([]);
  });

  it('warns about a placeholder no text uses', () => {
    const doc = { pages: [questionPage('p', [answer('a')])], placeholders: { spare: { value: 'x' } } };
    expect(summary(runCheck(placeholderDefinitions, doc))).toEqual([
      ['unused-placeholder', 'warning', '/placeholders/spare'],
    ]);
  });
});
