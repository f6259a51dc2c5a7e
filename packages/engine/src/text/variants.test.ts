import { type Question, Questionnaire } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import { compile } from '../compile.ts';
import { emptyState } from '../state.ts';
import { chooseQuestion } from './variants.ts';

const question = (title: string): Question => ({
  id: 'q',
  title,
  answers: [{ id: 'age', type: 'number', label: 'Age', qCode: '1' }],
});
const proxy = { '==': [{ answer: 'proxy' }, 'yes'] } as const;
const young = { '<': [{ answer: 'age' }, 16] } as const;

const questionnaire = Questionnaire.parse({
  formatVersion: 1,
  id: 'variants',
  title: 'Variants',
  languages: ['en'],
  flow: { type: 'linear' },
  sections: [
    {
      id: 's',
      title: 'S',
      pages: [
        {
          id: 'proxy-page',
          kind: 'question',
          question: {
            id: 'proxy-q',
            title: 'Are you answering for someone else?',
            answers: [
              {
                id: 'proxy',
                type: 'radio',
                label: 'Proxy',
                qCode: 'p',
                options: [
                  { value: 'yes', label: 'Yes' },
                  { value: 'no', label: 'No' },
                ],
              },
            ],
          },
        },
        {
          id: 'age-page',
          kind: 'question',
          question: question('What is your age?'),
          variants: [
            { when: proxy, question: question('What is their age?') },
            { when: young, question: question('How old are you?') },
          ],
        },
      ],
    },
  ],
});
const compiled = compile(questionnaire);
const agePage = questionnaire.sections[0]?.pages[1];

function chosenTitle(answers: Record<string, unknown>): unknown {
  if (agePage?.kind !== 'question') throw new Error('fixture changed');
  const state = { ...emptyState(), answers };
  return chooseQuestion(agePage, { compiled, state, today: '2024-06-01' }).title;
}

describe('chooseQuestion', () => {
  it('shows the page question when no variant holds', () => {
    expect(chosenTitle({ proxy: 'no' })).toBe('What is your age?');
    expect(chosenTitle({})).toBe('What is your age?');
  });

  it('shows the first variant whose condition holds', () => {
    expect(chosenTitle({ proxy: 'yes' })).toBe('What is their age?');
    expect(chosenTitle({ proxy: 'no', age: 12 })).toBe('How old are you?');
    expect(chosenTitle({ proxy: 'yes', age: 12 })).toBe('What is their age?');
  });

  it('shows the page question of a page without variants', () => {
    const page = { question: question('Plain') };
    expect(chooseQuestion(page, { compiled, state: emptyState(), today: '2024-06-01' }).title).toBe('Plain');
  });
});
