import { compile, emptyState, type Location, listItems, type ResponseState } from '@eq/engine';
import { answeredState, respond } from '@eq/engine/testing';
import type { Questionnaire } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import { attribute, count, fieldTags, fixture, htmlAt, TODAY } from './test-pages.ts';

function pageAt(q: Questionnaire, page: string, item?: string, to?: string): Location {
  const info = compile(q).pages.get(page);
  if (!info) throw new Error(`no page ${page}`);
  return { kind: 'page', section: info.section.id, page, ...(item ? { item } : {}), ...(to ? { to } : {}) };
}

/** The URL of every link on the page whose visible text is `text`. */
function linksTo(html: string, text: string): string[] {
  return [...html.matchAll(/<a\s[^>]*href="([^"]*)"[^>]*>\s*(?:<span[^>]*>)?([^<]*)/g)]
    .filter((m) => m[2]?.trim() === text)
    .map((m) => (m[1] ?? '').replaceAll('&amp;', '&'));
}

describe('a list collector', () => {
  const q = fixture('list-collector');
  const state = answeredState(
    q,
    {
      items: {
        people: [
          { 'first-name': 'Siân', 'last-name': 'Evans' },
          { 'first-name': 'Cai', 'last-name': 'Evans' },
        ],
      },
    },
    { today: TODAY },
  );
  const [sian, cai] = listItems(state, 'people');

  it('lists the items so far, each with Change and Remove links, then asks the driving question', () => {
    const html = htmlAt(q, state, pageAt(q, 'household-members'));
    expect(html).toContain('People who live here');
    expect(html).toContain('Siân Evans');
    expect(html).toContain('Cai Evans');
    expect(linksTo(html, 'Change')).toEqual([
      `/questionnaire/people/${sian}/person-name`,
      `/questionnaire/people/${cai}/person-name`,
    ]);
    expect(linksTo(html, 'Remove')).toEqual([
      `/questionnaire/people/${sian}/remove-person`,
      `/questionnaire/people/${cai}/remove-person`,
    ]);
    expect(html).toContain('Remove Siân Evans');
    expect(html.indexOf('Cai Evans')).toBeLessThan(html.indexOf('name="anyone-else-answer"'));
    expect(html).toContain('Does anyone else live here?');
  });

  it('asks the variant for an empty list, with no items to show', () => {
    const html = htmlAt(q, emptyState(), pageAt(q, 'household-members'));
    expect(html).toContain('Does anyone live here?');
    expect(html).not.toContain('ons-summary');
  });

  it('names the item on its remove page, before the confirmation question', () => {
    const html = htmlAt(q, state, pageAt(q, 'remove-person', cai));
    expect(html).toContain('<p class="ons-u-fs-m ons-u-fw-b">Cai Evans</p>');
    expect(html).toContain('Are you sure you want to remove Cai Evans?');
    expect(html.indexOf('Cai Evans</p>')).toBeLessThan(html.indexOf('name="remove-person-answer"'));
  });

  it('shows an item’s saved answers on its change page, and empty fields to add one', () => {
    const change = htmlAt(q, state, pageAt(q, 'person-name', sian));
    const first = fieldTags(change).find((tag) => attribute(tag, 'name') === 'first-name') ?? '';
    expect(attribute(first, 'value')).toBe('Siân');
    expect(change).toContain(`action="/questionnaire/people/${sian}/person-name"`);
    const add = htmlAt(q, state, pageAt(q, 'person-name'));
    expect(fieldTags(add).every((tag) => attribute(tag, 'value') === undefined)).toBe(true);
  });

  it('marks the respondent’s own item “(You)”, with no Remove link: the primary person question removes it', () => {
    const r = fixture('relationships');
    const household = answeredState(r, {}, { today: TODAY, people: 3 });
    const html = htmlAt(r, household, pageAt(r, 'household-members'));
    expect(html).toContain('(You)');
    expect(linksTo(html, 'Change').length).toBe(3);
    expect(linksTo(html, 'Remove').length).toBe(2);
  });
});

describe('a relationships page', () => {
  it('asks about one pair, named in the question, with a radio per relationship', () => {
    const q = fixture('relationships');
    const state = answeredState(
      q,
      {
        items: {
          people: [
            { 'first-name': 'Siân', 'last-name': 'Evans' },
            { 'first-name': 'Cai', 'last-name': 'Evans' },
          ],
        },
      },
      { today: TODAY },
    );
    const [first, second] = listItems(state, 'people');
    const html = htmlAt(q, state, pageAt(q, 'relationships', first, second));
    expect(html).toMatch(/<h1[^>]*>[^<]*Cai Evans[^<]*<\/h1>/);
    const radios = fieldTags(html).filter((tag) => attribute(tag, 'type') === 'radio');
    expect(radios.length).toBeGreaterThan(5);
    expect(new Set(radios.map((tag) => attribute(tag, 'name')))).toEqual(new Set(['relationship-answer']));
    expect(html).toContain(`action="/questionnaire/people/${first}/relationships/${second}"`);
  });
});

describe('a section summary', () => {
  const q = fixture('section-summary');
  const state = answeredState(q, {}, { today: TODAY });
  const location: Location = { kind: 'sectionSummary', section: 'property' };

  it('shows the section’s answers, with change links that come back to it and land on the field', () => {
    const html = htmlAt(q, state, location);
    expect(html).toMatch(/<h1[^>]*>[^<]+<\/h1>/);
    const links = linksTo(html, 'Change');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(/^\/questionnaire\/[a-z-]+\?return=sections\/property#[a-z0-9-]+$/);
    expect(html).toContain('Check your answers for this section before you continue.');
  });

  it('continues with a form posting to itself', () => {
    const html = htmlAt(q, state, location);
    expect(html).toContain('action="/questionnaire/sections/property"');
    expect(html).toMatch(/<span class="ons-btn__text">Continue<\/span>/);
  });
});

describe('check your answers', () => {
  const q = fixture('list-collector');
  const state = answeredState(
    q,
    { items: { people: [{ 'first-name': 'Siân', 'last-name': 'Evans' }] } },
    { today: TODAY },
  );
  const [sian] = listItems(state, 'people');

  it('shows every section under its title, with links that come back to the summary', () => {
    const html = htmlAt(q, state, { kind: 'summary' });
    expect(html).toMatch(/<h1[^>]*>Check your answers<\/h1>/);
    expect(html).toMatch(/<h2 class="ons-summary__title[^"]*">[^<]+<\/h2>/);
    expect(linksTo(html, 'Change')).toEqual([`/questionnaire/people/${sian}/person-name?return=summary`]);
    expect(linksTo(html, 'Add another to this list')).toEqual(['/questionnaire/person-name?return=summary']);
  });

  it('submits to /submit, once', () => {
    const html = htmlAt(q, state, { kind: 'summary' });
    expect(html).toContain('action="/submit"');
    expect(html).toContain('ons-js-timer');
    expect(count(html, /<form method="post"/)).toBe(1);
  });

  it('uses the questionnaire’s own submission texts', () => {
    const c = fixture('content-pages');
    const html = htmlAt(c, answeredState(c, {}, { today: TODAY }), { kind: 'summary' });
    expect(html).toMatch(/<h1[^>]*>Check your answers and submit<\/h1>/);
    expect(html).toContain('By submitting this survey you confirm that your answers are correct');
    expect(html).toMatch(/<span class="ons-btn__text">Submit survey<\/span>/);
  });

  it('says an optional question was not answered', () => {
    const r = fixture('routing-answered');
    const journey = respond(r, { today: TODAY, skipRate: 1 });
    expect(journey.complete).toBe(true);
    const html = htmlAt(r, journey.state, { kind: 'summary' });
    expect(html).toContain('No answer given');
  });
});

describe('a calculated summary', () => {
  const q = fixture('calculated-summary');
  const state = answeredState(
    q,
    { answers: { 'food-answer': 250, 'gas-answer': 40.5, 'electricity-answer': 60, 'car-owner-answer': 'no' } },
    { today: TODAY },
  );
  const location = pageAt(q, 'spending-total');

  it('shows the answers it adds up, each with a change link back to it, then the total', () => {
    const html = htmlAt(q, state, location);
    expect(html).toMatch(/<h1[^>]*>Check your household&#39;s spending last month<\/h1>/);
    for (const link of linksTo(html, 'Change')) expect(link).toMatch(/\?return=spending-total#/);
    expect(linksTo(html, 'Change').length).toBe(3);
    expect(html).toContain('ons-summary__item--total');
    expect(html).toContain('Total spending');
    expect(html).toContain('£350.50');
  });

  it('asks the respondent to confirm the total', () => {
    const html = htmlAt(q, state, location);
    expect(html).toMatch(/<span class="ons-btn__text">Yes, I confirm these are correct<\/span>/);
    expect(html).toContain('action="/questionnaire/spending-total"');
  });
});

describe('the hub', () => {
  const q = fixture('hub-and-spoke');

  /** The required household section answered and its summary confirmed, nothing else. */
  function stateWithHousehold(): ResponseState {
    const journey = respond(q, { today: TODAY, maxSteps: 2 });
    expect(journey.steps.map((step) => step.location.kind)).toEqual(['page', 'sectionSummary']);
    return journey.state;
  }

  it('lists each section with its status and a link to start, continue or view it', () => {
    const state = stateWithHousehold();
    const html = htmlAt(q, state, { kind: 'hub' });
    expect(html).toContain('ons-summary--hub');
    expect(html).toContain('Completed');
    expect(html).toContain('Not started');
    expect(linksTo(html, 'View answers')).toEqual(['/questionnaire/sections/household']);
    expect(linksTo(html, 'Start section').length).toBeGreaterThan(0);
    expect(html).not.toContain('action="/submit"');
  });

  it('offers to submit once every section is complete', () => {
    const html = htmlAt(q, answeredState(q, {}, { today: TODAY }), { kind: 'hub' });
    expect(html).not.toContain('Not started');
    expect(html).toContain('action="/submit"');
  });

  it('gives statuses and links in Welsh on a Welsh page', () => {
    const html = htmlAt(q, stateWithHousehold(), { kind: 'hub' }, { lang: 'cy' });
    expect(html).toContain('Heb ddechrau');
    expect(html).toContain('Dechrau’r adran');
  });
});

describe('a content page', () => {
  it('shows its title and contents, and continues with a form posting to itself', () => {
    const q = fixture('content-pages');
    const html = htmlAt(q, emptyState(), pageAt(q, 'energy-introduction'));
    expect(html).toMatch(/<h1[^>]*>Generating your own energy<\/h1>/);
    expect(html).toContain('<li class="ons-list__item">Energy bought from a supplier</li>');
    expect(html).toContain('action="/questionnaire/energy-introduction"');
    expect(html).toMatch(/<span class="ons-btn__text">Continue<\/span>/);
  });
});
