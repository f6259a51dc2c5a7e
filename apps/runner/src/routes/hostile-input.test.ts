import { Questionnaire } from '@eq/schema';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientBrowser } from '../testing/access-codes.ts';
import { Browser } from '../testing/browser.ts';
import { type TestRunner, testRunner } from '../testing/harness.ts';
import { HOSTILE_STRINGS } from '../testing/hostile-strings.ts';
import { decodeEntities, textareaValue } from '../testing/pages.ts';
import { fixture, PublishedSource } from '../testing/sources.ts';
import { ACCESS_CODE_FIELD } from '../view-models/start.ts';

/** Answers per page: a question may have at most 50. */
const PER_PAGE = 40;
const pages = Array.from({ length: Math.ceil(HOSTILE_STRINGS.length / PER_PAGE) }, (_, p) =>
  HOSTILE_STRINGS.slice(p * PER_PAGE, (p + 1) * PER_PAGE).map((_, i) => p * PER_PAGE + i),
);
const answerId = (i: number) => `comment-${i}`;

/**
 * Every hostile string as a textarea answer, piped back into a later question's title and into a
 * content page, then shown on the check-your-answers page.
 */
const HOSTILE_QUESTIONNAIRE = Questionnaire.parse({
  formatVersion: 1,
  id: 'hostile-input',
  title: 'Hostile input',
  languages: ['en'],
  flow: { type: 'linear' },
  placeholders: Object.fromEntries(HOSTILE_STRINGS.map((_, i) => [`echo_${i}`, { value: { answer: answerId(i) } }])),
  sections: [
    {
      id: 'comments',
      title: 'Comments',
      pages: [
        ...pages.map((indexes, p) => ({
          id: `comments-${p}`,
          kind: 'question',
          question: {
            id: `comments-${p}-question`,
            title: p === 0 ? 'Any comments?' : 'More comments after “{echo_0}”',
            answers: indexes.map((i) => ({
              id: answerId(i),
              type: 'textarea',
              label: `Comment ${i + 1}`,
              qCode: String(i + 1),
              maxLength: 2000,
            })),
          },
        })),
        {
          id: 'echo',
          kind: 'content',
          title: 'You told us',
          contents: [{ list: HOSTILE_STRINGS.map((_, i) => `{echo_${i}}`) }],
        },
      ],
    },
  ],
});

/** What the engine keeps of a text answer: line breaks as \n, no control characters, trimmed. */
function stored(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\p{Cc}/gu, (c) => (c === '\n' || c === '\t' ? c : ''))
    .trim();
}

/** Markup from the hostile strings that would run or restyle the page if it reached it unescaped. */
const LIVE_MARKUP = [
  /<script>alert/,
  /<img src=x/,
  /<svg><script>/,
  /<iframe src="javascript/,
  /<a href="javascript/,
  /<style>body/,
  /<b onmouseover/,
  /<!-- comment -->/,
];

function expectInert(html: string, where: string): void {
  for (const markup of LIVE_MARKUP) expect(html, `${where} holds live markup ${markup}`).not.toMatch(markup);
  expect(html, `${where} ran a template`).not.toMatch(/>\s*49\s*</);
}

/** Each answer reads on the page exactly as typed, escaped once (neither raw nor escaped twice). */
function expectShown(html: string, where: string): void {
  const read = decodeEntities(html);
  for (const text of HOSTILE_STRINGS.map(stored)) {
    for (const line of text.split('\n')) {
      expect(read, `${where} does not show ${JSON.stringify(line)}`).toContain(line);
      if (/[<>]/.test(line)) expect(html, `${where} shows ${JSON.stringify(line)} unescaped`).not.toContain(line);
    }
  }
}

let runner: TestRunner;
beforeAll(async () => {
  const source = new PublishedSource();
  source.publish(HOSTILE_QUESTIONNAIRE);
  source.publish(fixture('routing-and'));
  runner = await testRunner({ TRUST_PROXY: 'loopback' }, { source });
});
afterAll(() => runner.close());

describe('hostile strings as answers', () => {
  it('are stored exactly, shown escaped wherever they appear, and submitted as typed', async () => {
    const browser = new Browser(runner.app);
    await browser.open('/s/hostile-input');
    for (const [p, indexes] of pages.entries()) {
      expect(browser.page.url).toBe(`/questionnaire/comments-${p}`);
      if (p > 0) expect(browser.heading()).toBe(`More comments after “${stored(HOSTILE_STRINGS[0] ?? '')}”`);
      await browser.submit(Object.fromEntries(indexes.map((i) => [answerId(i), HOSTILE_STRINGS[i] ?? ''])));
      expect(browser.page.status).toBe(200);
      expect(browser.errors()).toEqual([]);
    }
    expect(browser.page.url).toBe('/questionnaire/echo');
    expectInert(browser.page.html, 'the piping page');
    expectShown(browser.page.html, 'the piping page');
    await browser.submit();
    expect(browser.page.url).toBe('/questionnaire/summary');

    for (const [p, indexes] of pages.entries()) {
      await browser.open(`/questionnaire/comments-${p}`);
      expectInert(browser.page.html, `question page ${p}`);
      for (const i of indexes) {
        expect(textareaValue(browser.page.html, answerId(i))).toBe(stored(HOSTILE_STRINGS[i] ?? ''));
      }
    }

    await browser.open('/questionnaire/summary');
    expect(browser.page.url).toBe('/questionnaire/summary');
    expectInert(browser.page.html, 'the summary');
    expectShown(browser.page.html, 'the summary');

    await browser.submit();
    expect(browser.page.url).toBe('/thank-you');
    const submission = runner.delivered.find((s) => s.questionnaireId === 'hostile-input');
    const values = Object.fromEntries(submission?.answers.map((a) => [a.answerId, a.value]) ?? []);
    expect(values).toEqual(Object.fromEntries(HOSTILE_STRINGS.map((s, i) => [answerId(i), stored(s)])));

    await browser.open('/view-answers');
    expectInert(browser.page.html, 'the submitted answers');
    expectShown(browser.page.html, 'the submitted answers');
  });

  it('in a number field are refused with a message, never a failure', async () => {
    const browser = new Browser(runner.app);
    await browser.open('/s/routing-and');
    for (const text of HOSTILE_STRINGS) {
      await browser.submit({ 'age-answer': text });
      expect(browser.page.status, JSON.stringify(text)).toBe(200);
      if (browser.page.url !== '/questionnaire/age') await browser.open('/questionnaire/age');
      expectInert(browser.page.html, `the age page after ${JSON.stringify(text)}`);
    }
  });

  it('as field names, option values and repeated fields are ignored or refused, never a failure', async () => {
    const browser = new Browser(runner.app);
    await browser.open('/s/routing-and');
    await browser.submit({ 'age-answer': '30' });
    for (const text of HOSTILE_STRINGS) {
      await browser.open('/questionnaire/paid-work');
      await browser.submit({ [text]: text, 'paid-work-answer': [text, 'yes'], ['__proto__']: text, constructor: text });
      expect(browser.page.status, JSON.stringify(text)).toBe(200);
      expectInert(browser.page.html, `the paid work page after ${JSON.stringify(text)}`);
    }
  });
});

describe('hostile strings elsewhere in a request', () => {
  it('in URLs, query strings, headers and cookies never cause a failure', async () => {
    const respondent = new Browser(runner.app);
    await respondent.open('/s/routing-and');
    for (const text of HOSTILE_STRINGS) {
      const part = encodeURIComponent(text);
      const label = JSON.stringify(text);
      for (const url of [
        `/s/${part}`,
        `/questionnaire/${part}`,
        `/questionnaire/age?return=${part}`,
        `/questionnaire/${part}/${part}/age`,
        `/start?lang=${part}`,
        `/session?token=${part}`,
        `/${part}`,
      ]) {
        await respondent.open(url);
        expect(respondent.page.status, `${url} (${label})`).toBeLessThan(500);
        expectInert(respondent.page.html, url);
      }
      const headers = await supertest(runner.app)
        .get('/questionnaire/age')
        .set('Cookie', `eq-session=${part}; eq-lang=${part}; eq-csrf=${part}`)
        .set('X-Request-Id', encodeURIComponent(text).slice(0, 200))
        .set('Accept-Language', part);
      expect(headers.status, label).toBeLessThan(500);
    }
  });

  it('as access codes are refused with the start page’s message', async () => {
    for (const text of HOSTILE_STRINGS) {
      const browser = clientBrowser(runner.app);
      await browser.open('/start');
      await browser.submit({ [ACCESS_CODE_FIELD]: text });
      expect(browser.page.status, JSON.stringify(text)).toBe(200);
      expect(browser.page.url).toBe('/start');
      expect(browser.errors()).toHaveLength(1);
      expectInert(browser.page.html, 'the start page');
    }
  });
});
