import { answerFields, compile, type Location, locationKey, type ResponseState } from '@eq/engine';
import { answeredState } from '@eq/engine/testing';
import type { Questionnaire } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import {
  count,
  example,
  fieldNames,
  fixture,
  fixtureNames,
  htmlAt,
  ids,
  TODAY,
  unlabelledFields,
  visibleLocations,
} from './test-pages.ts';

const EXAMPLES = ['census-household', 'business-survey', 'social-survey'];
const QUESTION_PAGE_BUDGET = 30 * 1024;

interface Case {
  name: string;
  q: Questionnaire;
  state: ResponseState;
}

const cases: Case[] = [
  ...fixtureNames().map((name) => ({ name, q: fixture(name) })),
  ...EXAMPLES.map((name) => ({ name, q: example(name) })),
].map(({ name, q }) => ({ name, q, state: answeredState(q, {}, { today: TODAY, people: 3 }) }));

/** The kind of page a location shows, as the tests count them. */
function kindOf(q: Questionnaire, location: Location): string {
  if (location.kind !== 'page') return location.kind;
  const info = compile(q).pages.get(location.page);
  return info?.role ? `${info.role} page` : (info?.page.kind ?? 'unknown');
}

/** The form fields a question page must have: every answer's, and every detail answer's. */
function expectedFields(q: Questionnaire, location: Location): string[] | undefined {
  if (location.kind !== 'page') return undefined;
  const info = compile(q).pages.get(location.page);
  const [question] = info?.questions ?? [];
  if (!question) return undefined;
  return question.answers.flatMap((answer) => [
    ...answerFields(answer),
    ...('options' in answer ? answer.options.flatMap((o) => (o.detailAnswer ? [o.detailAnswer.id] : [])) : []),
  ]);
}

describe('every location of every fixture and example', () => {
  for (const { name, q, state } of cases) {
    for (const lang of q.languages) {
      it(`renders ${name} in ${lang}: one h1, unique ids, labelled fields, a CSRF token in each form`, () => {
        for (const location of visibleLocations(q, state)) {
          const where = `${name} ${lang} ${locationKey(location)}`;
          const html = htmlAt(q, state, location, { lang });
          expect(html, where).toContain(`<html lang="${lang}">`);
          expect(count(html, /<h1[\s>]/), where).toBe(1);
          const all = ids(html);
          expect(all.length, where).toBe(new Set(all).size);
          expect(unlabelledFields(html), where).toEqual([]);
          expect(count(html, /<form method="post"/), where).toBe(count(html, /name="_csrf" value="csrf-token-1"/) - 1);
          // "<page title> – <service title>", or the service title alone where the page is titled by it (the hub).
          expect(html, where).toMatch(
            location.kind === 'hub' ? /<title>[^<–]+<\/title>/ : /<title>[^<]+ – [^<]+<\/title>/,
          );
        }
      });
    }
  }

  it('covers every page kind, list item and remove pages, section summaries, the summary and the hub', () => {
    const kinds = new Set(cases.flatMap(({ q, state }) => visibleLocations(q, state).map((l) => kindOf(q, l))));
    expect([...kinds].sort()).toEqual(
      [
        'calculatedSummary',
        'confirmation',
        'content',
        'hub',
        'item page',
        'listCollector',
        'primaryPerson',
        'question',
        'relationships',
        'remove page',
        'sectionSummary',
        'summary',
      ].sort(),
    );
  });

  it('names the fields of every question page exactly as the engine reads them', () => {
    for (const { name, q, state } of cases) {
      for (const location of visibleLocations(q, state)) {
        const expected = expectedFields(q, location);
        if (!expected) continue;
        const html = htmlAt(q, state, location);
        expect(fieldNames(html).sort(), `${name} ${locationKey(location)}`).toEqual([...new Set(expected)].sort());
      }
    }
  });

  it(`keeps every question page within ${QUESTION_PAGE_BUDGET / 1024} KB before compression, in every language`, () => {
    const census = example('census-household');
    const big = { name: 'census of 8', q: census, state: answeredState(census, {}, { today: TODAY, people: 8 }) };
    let largest = 0;
    for (const { name, q, state } of [...cases, big]) {
      for (const lang of q.languages) {
        for (const location of visibleLocations(q, state)) {
          if (expectedFields(q, location) === undefined) continue;
          const size = Buffer.byteLength(htmlAt(q, state, location, { lang }));
          largest = Math.max(largest, size);
          expect(size, `${name} ${lang} ${locationKey(location)}`).toBeLessThanOrEqual(QUESTION_PAGE_BUDGET);
        }
      }
    }
    // The relationships pages of the census are the largest; make sure they were measured.
    expect(largest).toBeGreaterThan(15 * 1024);
  });
});

describe('Welsh', () => {
  const q = fixture('welsh');
  const state = answeredState(q, {}, { today: TODAY });
  const name: Location = { kind: 'page', section: 'about-you', page: 'name' };

  it('shows questionnaire text and interface text in Welsh', () => {
    const html = htmlAt(q, state, name, { lang: 'cy' });
    expect(html).toContain('<html lang="cy">');
    expect(html).toContain('Beth yw eich enw?');
    expect(html).toContain('Enw cyntaf');
    expect(html).toContain('Cadw a pharhau');
    expect(html).toContain('Cadw ac allgofnodi');
    expect(html).not.toContain('Save and continue');
  });

  it('shows the same page in English', () => {
    const html = htmlAt(q, state, name, { lang: 'en' });
    expect(html).toContain('What is your name?');
    expect(html).toContain('Save and continue');
    expect(html).not.toContain('Cadw a pharhau');
  });

  it('checks answers in Welsh, with Welsh submission texts', () => {
    const html = htmlAt(q, state, { kind: 'summary' }, { lang: 'cy' });
    expect(html).toContain('Cyflwyno eich atebion');
    expect(html).toContain('Ni allwch newid eich atebion ar ôl i chi eu cyflwyno.');
    expect(html).toContain('Cyflwyno atebion');
    expect(html).toContain('>Newid<');
  });
});
