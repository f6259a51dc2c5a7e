import { readdirSync, readFileSync } from 'node:fs';
import {
  chooseQuestion,
  compile,
  emptyState,
  type Location,
  locationContext,
  type ResponseState,
  validateQuestion,
} from '@eq/engine';
import { answerAll, respond } from '@eq/engine/testing';
import type { Questionnaire } from '@eq/schema';
import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import type { Chrome } from '../view-models/chrome.ts';
import { html } from '../view-models/html.ts';
import { frameKeyOf, pageFrame } from '../view-models/page.ts';
import { chromeFor, example, fixture, TODAY, viewAt, visibleLocations } from '../view-models/test-pages.ts';
import type { PageView } from '../view-models/view.ts';
import { compactHtml } from './compact.ts';
import { createViewEngine } from './engine.ts';
import { macroMemoStats } from './memoised-macros.ts';
import { framedPages, joinCompacted } from './page-frames.ts';

/**
 * Frames and imported macros cached, macros memoised (production), against every page rendered
 * whole, imports run each time, every macro call made.
 */
const framed = createViewEngine();
const whole = createViewEngine({ frames: false, cachedImports: false, memoisedMacros: false });

function expectSamePage(page: PageView): void {
  const expected = whole.render(page.template, page.view);
  // The first render makes the frame, the second reuses it.
  expect(framed.render(page.template, page.view)).toBe(expected);
  expect(framed.render(page.template, page.view)).toBe(expected);
}

function memoCounts() {
  const stats = macroMemoStats(framed);
  if (!stats) throw new Error('the production view engine does not memoise macros');
  return stats;
}

function completed(q: Questionnaire, people: number): ResponseState {
  const journey = answerAll(q, people, { today: TODAY, seed: 7 });
  if (!journey.complete) throw new Error(`${q.id} does not complete: ${journey.stuck ?? ''}`);
  return journey.state;
}

function everyPage(q: Questionnaire, state: ResponseState, lang: string): void {
  for (const location of visibleLocations(q, state) as Location[]) {
    expectSamePage(viewAt(q, state, location, { lang, backUrl: `/questionnaire/${lang}/back` }));
  }
}

describe('pages with a cached frame', () => {
  it('are byte for byte the pages rendered whole: every page of a census household of three, in English and Welsh', () => {
    const census = example('census-household');
    const state = completed(census, 3);
    for (const lang of census.languages) everyPage(census, state, lang);
  });

  it('are byte for byte the pages rendered whole when macros are answered from memory: households one after another', () => {
    const census = example('census-household');
    for (const seed of [21, 22, 23]) {
      // Each question page as the respondent comes to it, before answering it.
      const shown: { location: Location; state: ResponseState }[] = [];
      const journey = respond(census, {
        seed,
        people: 3,
        today: TODAY,
        choose: ({ location, state }) => void shown.push({ location, state }),
      });
      expect(journey.complete).toBe(true);
      const before = memoCounts();
      for (const { location, state } of shown) expectSamePage(viewAt(census, state, location));
      for (const location of visibleLocations(census, journey.state) as Location[]) {
        expectSamePage(viewAt(census, journey.state, location));
      }
      const after = memoCounts();
      // Each household is shown markup other households were (answers with their options, buttons), and some of its own.
      expect(after.hits - before.hits, `household ${seed}`).toBeGreaterThan(shown.length);
      expect(after.misses - before.misses, `household ${seed}`).toBeGreaterThan(0);
    }
  });

  it('are byte for byte the pages rendered whole: every page of every example', () => {
    const examples = readdirSync(new URL('../../../../packages/schema/examples/', import.meta.url)).filter((f) =>
      f.endsWith('.json'),
    );
    for (const file of examples) {
      const q = example(file.replace(/\.json$/, ''));
      everyPage(q, completed(q, 2), q.languages[0] ?? 'en');
    }
  });

  it('are byte for byte the pages rendered whole when shown again with errors', () => {
    let withErrors = 0;
    for (const name of ['answers-numeric', 'answers-options', 'answers-dates', 'answers-text', 'answers-address']) {
      const q = fixture(name);
      for (const [pageId, info] of compile(q).pages) {
        if (info.page.kind !== 'question') continue;
        const location: Location = { kind: 'page', section: info.section.id, page: pageId };
        const ctx = locationContext(q, emptyState(), location, { lang: 'en', today: TODAY });
        const question = chooseQuestion(info.page, ctx);
        const form = Object.fromEntries(question.answers.map((answer) => [answer.id, 'not <valid> "at" all']));
        const { errors } = validateQuestion(question, form, ctx);
        if (errors.length > 0) withErrors++;
        expectSamePage(viewAt(q, emptyState(), location, { form, errors }));
      }
    }
    expect(withErrors).toBeGreaterThan(5);
  });

  it('write each request’s own values: title, language links, Previous link, CSRF token, session end', () => {
    const q = example('census-household');
    const frame = (title: string, csrfToken: string, sessionExpiresAt: string, url: string) =>
      pageFrame(
        chromeFor(q, 'en', {
          csrfToken,
          sessionExpiresAt,
          languages: [
            { lang: 'en', label: 'English', url: `${url}?lang=en`, current: true },
            { lang: 'cy', label: 'Cymraeg', url: `${url}?lang=cy`, current: false },
          ],
        }),
        { title, backUrl: `${url}/back` },
      );
    const first = {
      page: frame('First & “best”', 'token-a', '2025-06-01T13:32:00Z', '/q/a'),
      title: html('A'),
      paragraphs: [],
    };
    const second = {
      page: frame('Second', 'token-b', '2025-06-01T14:01:00Z', '/q/b'),
      title: html('B'),
      paragraphs: [],
    };
    for (const view of [first, second, first]) expectSamePage({ template: 'pages/message.njk', view });
    const out = framed.render('pages/message.njk', second);
    for (const value of ['Second', 'token-b', '14:01', '/q/b?lang=cy', '/q/b/back']) expect(out).toContain(value);
    expect(out).not.toContain('token-a');
  });

  it('are never shared by pages whose frames differ: language, service title, assets, Previous link, sign-in, CSRF token, timeout', () => {
    const q = example('census-household');
    const signedOut: Partial<Chrome> = {
      signOutAction: undefined,
      sessionExpiresAt: undefined,
      timeoutSeconds: undefined,
      sessionEndpoint: undefined,
      sessionExpiredUrl: undefined,
    };
    const variants: [string, Partial<Chrome>, boolean][] = [
      ['en', {}, true],
      ['en', {}, false],
      ['cy', {}, true],
      ['en', { languages: [] }, true],
      ['en', { languages: chromeFor(q, 'cy').languages }, true],
      ['en', { serviceTitle: 'Another service' }, true],
      ['en', { assets: { css: '/a.css', printCss: '/p.css', js: '/a.js' } }, true],
      ['en', signedOut, true],
      ['en', { ...signedOut, csrfToken: undefined }, false],
      ['en', { csrfToken: undefined }, true],
      ['en', { signOutAction: undefined }, true],
      ['en', { signOutAction: '/elsewhere' }, true],
      ['en', { timeoutSeconds: 100 }, true],
      ['en', { sessionEndpoint: undefined }, true],
      ['en', { sessionExpiredUrl: '/gone' }, true],
      ['en', { sessionExpiresAt: 'not a date' }, true],
    ];
    const views = variants.map(([lang, overrides, back]) => ({
      page: pageFrame(chromeFor(q, lang, overrides), { title: 'A page', ...(back ? { backUrl: '/q/back' } : {}) }),
      title: html('A'),
      paragraphs: [],
    }));
    expect(new Set(views.map((view) => frameKeyOf(view.page))).size).toBe(variants.length);
    // Every frame cached before each page is rendered again: one taken for another would show.
    for (const view of [...views, ...views.reverse()]) expectSamePage({ template: 'pages/message.njk', view });
  });

  it('are shared by pages whose frames differ only in their per-request values', () => {
    const q = example('census-household');
    const page = (title: string, csrfToken: string, sessionExpiresAt: string, back: string) =>
      pageFrame(chromeFor(q, 'en', { csrfToken, sessionExpiresAt }), { title, backUrl: back });
    expect(frameKeyOf(page('One', 'a', '2025-06-01T13:32:00Z', '/one'))).toBe(
      frameKeyOf(page('Two', 'b', '2025-06-01T14:01:00Z', '/two')),
    );
  });

  it('are rendered whole, the same, when a value could change how compaction reads the page', () => {
    const q = example('census-household');
    for (const title of ['Two\n   lines', ' leading space', 'a "quoted" <b>word</b>', "it's", '']) {
      const page = pageFrame(chromeFor(q, 'en'), { title });
      expectSamePage({ template: 'pages/message.njk', view: { page, title: html(title), paragraphs: [] } });
    }
  });

  it('are made from a cached frame for a page like any other (not rendered whole)', () => {
    const q = example('census-household');
    const state = completed(q, 3);
    const location = visibleLocations(q, state)[5] as Location;
    const page = viewAt(q, state, location, { backUrl: '/questionnaire/back' });
    const pages = framedPages(
      whole,
      (name, view) => nunjucks.Environment.prototype.render.call(whole, name, view) as unknown as string,
    );
    expect(pages.parts(page.template, page.view)).toBeDefined();
  });

  it('every page template can be rendered without its frame', () => {
    const pages = readdirSync(new URL('./pages/', import.meta.url));
    for (const file of pages) {
      const source = readFileSync(new URL(`./pages/${file}`, import.meta.url), 'utf8');
      expect(source, file).toContain('{% extends frameLayout or "layout.njk" %}');
    }
  });
});

describe('joinCompacted', () => {
  it('joins two compacted texts as compacting them together would', () => {
    const cases = [
      ['<main>\n      ', '\n    <form>'],
      ['<p>a  ', '\n  <p>b'],
      ['<p>a  ', '  b</p>'],
      ['<p>a</p>\n', '<p>b</p>'],
      ['<p>a</p>', ''],
      ['', '\n<p>b</p>'],
    ] as const;
    for (const [left, right] of cases) {
      expect(joinCompacted(compactHtml(left), compactHtml(right))).toBe(compactHtml(left + right));
    }
  });
});
