import type { Question } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import { questionnaire, questionPage, radio } from '../testing/build.ts';
import { evalContext } from '../testing/context.ts';
import { chooseQuestion } from './variants.ts';

const question = (title: string): Question => ({
  id: 'q',
  title,
  answers: [{ id: 'age', type: 'number', label: 'Age', qCode: '1' }],
});
const proxy = { '==': [{ answer: 'proxy' }, 'yes'] } as const;
const young = { '<': [{ answer: 'age' }, 16] } as const;

const q = questionnaire({
  pages: [
    questionPage('proxy-page', [radio('proxy', ['yes', 'no'])]),
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
});
const agePage = q.sections[0]?.pages[1];

function chosenTitle(answers: Record<string, unknown>): unknown {
  if (agePage?.kind !== 'question') throw new Error('fixture changed');
  return chooseQuestion(agePage, evalContext(q, { answers })).title;
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
    expect(chooseQuestion(page, evalContext(q)).title).toBe('Plain');
  });
});
