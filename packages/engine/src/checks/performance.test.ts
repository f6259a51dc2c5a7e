import { describe, expect, it } from 'vitest';
import { checkQuestionnaire } from './check-questionnaire.ts';

const t = (en: string) => ({ en, cy: `${en} (cy)` });

/** A bilingual questionnaire of `sections` × `pages` pages, each reading answers of the page before. */
function bigQuestionnaire(sections: number, pages: number): Record<string, unknown> {
  return {
    formatVersion: 1,
    id: 'big',
    title: t('Big survey for {company}'),
    languages: ['en', 'cy'],
    flow: { type: 'linear' },
    metadata: [{ name: 'ru_name', type: 'string' }],
    placeholders: { company: { value: { metadata: 'ru_name' } } },
    sections: Array.from({ length: sections }, (_, s) => ({
      id: `s${s}`,
      title: t(`Section ${s}`),
      pages: Array.from({ length: pages }, (_, p) => {
        const id = `s${s}-p${p}`;
        const previous = `s${s}-p${p - 1}`;
        return {
          id,
          kind: 'question',
          ...(p > 0
            ? {
                skipWhen: {
                  and: [{ '==': [{ answer: `${previous}-choice` }, 'o3'] }, { '>': [{ answer: `${previous}-n` }, 10] }],
                },
              }
            : {}),
          routing:
            p < pages - 2
              ? [
                  {
                    when: { '<': [{ answer: `${id}-date` }, { date: 'today', offset: { years: -1 } }] },
                    goTo: { page: `s${s}-p${p + 2}` },
                  },
                ]
              : undefined,
          question: {
            id: `${id}-q`,
            title: t(`Question ${id} for {company}`),
            guidance: [{ title: t('Help'), list: [t('One'), t('Two')] }],
            answers: [
              {
                id: `${id}-n`,
                type: 'number',
                label: t('Number'),
                qCode: `${id}-1`,
                min: { value: 0 },
                max: { value: 1000 },
              },
              {
                id: `${id}-choice`,
                type: 'radio',
                label: t('Choice'),
                qCode: `${id}-2`,
                options: Array.from({ length: 5 }, (_, o) => ({ value: `o${o}`, label: t(`Option ${o}`) })),
              },
              { id: `${id}-date`, type: 'date', label: t('Date'), qCode: `${id}-3`, max: { value: { date: 'today' } } },
            ],
          },
        };
      }),
    })),
  };
}

describe('performance', () => {
  it('checks a 300-page questionnaire in well under a second', () => {
    const input = JSON.parse(JSON.stringify(bigQuestionnaire(10, 30)));
    expect(checkQuestionnaire(input)).toMatchObject({ problems: [] });
    // The best of a few runs, so that other work on a busy machine does not decide the result.
    const times = Array.from({ length: 3 }, () => {
      const started = performance.now();
      checkQuestionnaire(input);
      return performance.now() - started;
    });
    expect(Math.min(...times)).toBeLessThan(500);
  });
});
