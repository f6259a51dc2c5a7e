import { locationContext } from '@eq/engine';
import { answeredState } from '@eq/engine/testing';
import { describe, expect, it } from 'vitest';
import type { Chrome } from './chrome.ts';
import { devIndexView } from './dev-index.ts';
import { introductionView } from './introduction.ts';
import {
  alreadySubmittedView,
  closedView,
  errorView,
  notFoundView,
  sessionExpiredView,
  signedOutView,
} from './messages.ts';
import { startView } from './start.ts';
import { attribute, chromeFor, count, fieldTags, fixture, ids, render, TODAY } from './test-pages.ts';
import { thankYouView, viewAnswersView } from './thank-you.ts';

const welsh = fixture('welsh');

/** Before a session: no sign-out button, no session end. */
function chrome(lang: string): Chrome {
  return chromeFor(welsh, lang, {
    signOutAction: undefined,
    sessionExpiresAt: undefined,
    serviceTitle: lang === 'cy' ? 'Holiadur ar-lein' : 'Online questionnaire',
  });
}

function expectPage(html: string, lang: string): void {
  expect(html).toContain(`<html lang="${lang}">`);
  expect(count(html, /<h1[\s>]/)).toBe(1);
  expect(ids(html).length).toBe(new Set(ids(html)).size);
}

describe('the start page', () => {
  it('asks for the access code in the ONS access code input, in a form with a CSRF token', () => {
    const html = render(startView({ chrome: chrome('en'), action: '/start' }));
    expectPage(html, 'en');
    const [code] = fieldTags(html);
    expect(attribute(code ?? '', 'name')).toBe('access-code');
    expect(code).toContain('ons-js-access-code');
    expect(attribute(code ?? '', 'data-group-size')).toBe('4');
    expect(attribute(code ?? '', 'autocomplete')).toBe('off');
    expect(html).toContain('for="access-code"');
    expect(html).toContain('action="/start"');
    expect(html).toContain('name="_csrf" value="csrf-token-1"');
  });

  it('says what was wrong with the code, linking to the field, with "Error:" in the title', () => {
    for (const [error, message] of [
      ['missing', 'Enter your access code'],
      ['invalid', 'Enter a valid access code'],
      ['tooMany', 'You have entered too many access codes'],
    ] as const) {
      const html = render(startView({ chrome: chrome('en'), action: '/start', error }));
      expect(html).toContain('href="#access-code"');
      expect(html).toContain(message);
      expect(html).toContain('<title>Error: ');
    }
  });

  it('is in Welsh on a Welsh page', () => {
    const html = render(startView({ chrome: chrome('cy'), action: '/start', error: 'invalid' }));
    expectPage(html, 'cy');
    expect(html).toContain('Rhowch eich cod mynediad 16 nod');
    expect(html).toContain('Rhowch god mynediad dilys');
    expect(html).not.toContain('Important information');
  });
});

describe('after submitting', () => {
  const state = answeredState(welsh, {}, { today: TODAY });
  const ctx = (lang: string) => locationContext(welsh, state, { kind: 'summary' }, { lang, today: TODAY });

  it('thanks the respondent with the questionnaire’s own title, gives the reference and the link to the answers', () => {
    const html = render(
      thankYouView({
        chrome: chrome('cy'),
        questionnaire: welsh,
        ctx: ctx('cy'),
        reference: 'ABCD-1234',
        viewAnswersUrl: '/submitted/answers',
        viewAnswersUntil: '2025-06-01T15:05:00Z',
      }),
    );
    expectPage(html, 'cy');
    expect(html).toContain('Diolch am gwblhau’r arolwg');
    expect(html).toContain('Eich cyfeirnod yw ABCD-1234.');
    expect(html).toContain('<a href="/submitted/answers">Gweld ac argraffu copi o’ch atebion</a>');
    expect(html).toContain('Gallwch weld eich atebion tan 16:05.');
  });

  it('thanks with the default title when the questionnaire has none, and without a link once the answers are gone', () => {
    const plain = fixture('routing-and');
    const plainState = answeredState(plain, {}, { today: TODAY });
    const html = render(
      thankYouView({
        chrome: chromeFor(plain, 'en'),
        questionnaire: plain,
        ctx: locationContext(plain, plainState, { kind: 'summary' }, { lang: 'en', today: TODAY }),
        reference: 'R1',
      }),
    );
    expect(html).toContain('Thank you, we have received your answers');
    expect(html).not.toContain('View and print');
  });

  it('shows the submitted answers read only, with a print button and when they were sent', () => {
    const html = render(
      viewAnswersView({
        chrome: chrome('en'),
        questionnaire: welsh,
        ctx: ctx('en'),
        submittedAt: '2025-06-01T09:42:10Z',
      }),
    );
    expectPage(html, 'en');
    expect(html).toContain('Submitted on 1 June 2025 at 10:42.');
    expect(html).toContain('ons-js-print-btn');
    expect(html).toContain('Print answers');
    expect(html).toContain('What is your name?');
    expect(html).not.toContain('>Change<');
    expect(html).not.toContain('<form method="post"');
  });

  it('says a response already submitted cannot be changed', () => {
    const html = render(alreadySubmittedView({ chrome: chrome('en'), viewAnswersUrl: '/submitted/answers' }));
    expectPage(html, 'en');
    expect(html).toContain('Your answers have already been submitted');
    expect(html).toContain('href="/submitted/answers"');
  });
});

describe('pages that only tell the respondent something', () => {
  for (const lang of ['en', 'cy']) {
    it(`are complete pages in ${lang}`, () => {
      const c = chrome(lang);
      const views = [
        sessionExpiredView({ chrome: c, startUrl: '/start' }),
        signedOutView({ chrome: c, startUrl: '/start' }),
        closedView({ chrome: c }),
        errorView({ chrome: c, reference: 'req-42' }),
        notFoundView({ chrome: c }),
        alreadySubmittedView({ chrome: c }),
      ];
      for (const view of views) expectPage(render(view), lang);
    });
  }

  it('tells a respondent whose session ended that their answers are kept, and how to carry on', () => {
    const html = render(sessionExpiredView({ chrome: chrome('en'), startUrl: '/start' }));
    expect(html).toContain('Your session has timed out');
    expect(html).toContain('Your answers have been saved.');
    expect(html).toContain('<a href="/start">Enter your access code</a>');
  });

  it('gives a reference for an error and nothing about its cause', () => {
    const html = render(errorView({ chrome: chrome('cy'), reference: 'req-42' }));
    expect(html).toContain('Mae’n ddrwg gennym, mae problem gyda’r gwasanaeth hwn');
    expect(html).toContain('rhowch y cyfeirnod hwn: req-42');
  });

  it('says when a questionnaire is closed and when a page is not found', () => {
    expect(render(closedView({ chrome: chrome('en') }))).toContain('This questionnaire is closed');
    expect(render(notFoundView({ chrome: chrome('cy') }))).toContain('Heb ddod o hyd i’r dudalen');
  });
});

describe('the development index', () => {
  it('lists each questionnaire with a start link and a launch-token link', () => {
    const html = render(
      devIndexView({
        chrome: chrome('en'),
        questionnaires: [
          { slug: 'census', title: 'Census <2031>', startUrl: '/s/census', launchUrl: '/dev/launch/census' },
          { slug: 'business', title: 'Business survey', startUrl: '/s/business' },
        ],
      }),
    );
    expectPage(html, 'en');
    expect(html).toContain('<a href="/s/census" class="ons-u-fw-b">Census &lt;2031&gt;</a>');
    expect(html).toContain('href="/dev/launch/census"');
    expect(html).toContain('Start Census &lt;2031&gt; with a launch token');
    expect(html).toContain('href="/s/business"');
    expect(count(html, /href="\/dev\/launch/)).toBe(1);
  });

  it('says when there is nothing to start', () => {
    expect(render(devIndexView({ chrome: chrome('en'), questionnaires: [] }))).toContain(
      'There are no questionnaires to start.',
    );
  });
});

describe('the introduction', () => {
  it('shows the questionnaire’s introduction with a Start button that links to the first question', () => {
    const ctx = locationContext(
      welsh,
      answeredState(welsh, {}, { today: TODAY }),
      { kind: 'summary' },
      { lang: 'cy', today: TODAY },
    );
    const html = render(
      introductionView({ chrome: chrome('cy'), questionnaire: welsh, ctx, startUrl: '/questionnaire/name' }),
    );
    expectPage(html, 'cy');
    expect(html).toMatch(/<h1[^>]*>Cyn i chi ddechrau<\/h1>/);
    expect(html).toContain('Mae’r arolwg hwn yn cymryd tua 5 munud.');
    expect(html).toMatch(/<a\s+href="\/questionnaire\/name" role="button"/);
    expect(html).toContain('Dechrau’r holiadur');
  });
});
