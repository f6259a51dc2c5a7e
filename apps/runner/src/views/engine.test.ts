import { describe, expect, it } from 'vitest';
import type { Chrome } from '../view-models/chrome.ts';
import { html } from '../view-models/html.ts';
import { pageFrame } from '../view-models/page.ts';
import { count } from '../view-models/test-pages.ts';
import { createViewEngine, setAttributes, toJson } from './engine.ts';

const views = createViewEngine();

const chrome: Chrome = {
  lang: 'en',
  languages: [
    { lang: 'en', label: 'English', url: '/questionnaire/name?lang=en', current: true },
    { lang: 'cy', label: 'Cymraeg', url: '/questionnaire/name?lang=cy', current: false },
  ],
  serviceTitle: 'Household survey',
  csrfToken: 'token-123',
  signOutAction: '/sign-out',
  sessionExpiresAt: '2025-01-15T14:32:00Z',
  timeoutSeconds: 2700,
  sessionEndpoint: '/session',
  sessionExpiredUrl: '/session-expired',
  assets: { css: '/a/main.css', printCss: '/a/print.css', js: '/a/main.js', enhanceJs: '/app/enhance.js' },
};

function page(overrides: Partial<Chrome> = {}, title = 'Your name'): string {
  const frame = pageFrame({ ...chrome, ...overrides }, { title, backUrl: '/questionnaire/start' });
  return views.render('pages/message.njk', { page: frame, title: html(title), paragraphs: [] });
}

describe('the layout', () => {
  it('sets the page language on <html>', () => {
    expect(page()).toContain('<html lang="en">');
    expect(page({ lang: 'cy' })).toContain('<html lang="cy">');
  });

  it('titles the document "<page title> – <service title>"', () => {
    expect(page()).toContain('<title>Your name – Household survey</title>');
  });

  it('has no inline script: only external scripts, loaded with defer', () => {
    const out = page();
    const scripts = [...out.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBe(1);
    for (const [tag, body] of scripts) {
      expect(body?.trim()).toBe('');
      expect(tag).toMatch(/\sdefer\s/);
    }
    expect(out).toContain('<script defer src="/app/enhance.js" data-ons-main="/a/main.js">');
  });

  it('loads the ONS script directly when there is no enhancement script', () => {
    const out = page({ assets: { ...chrome.assets, enhanceJs: undefined } });
    expect(out).toContain('<script defer src="/a/main.js"></script>');
  });

  it('links the stylesheets, print styles for print only', () => {
    const out = page();
    expect(out).toContain('<link rel="stylesheet" href="/a/main.css" />');
    expect(out).toContain('<link rel="stylesheet" media="print" href="/a/print.css" />');
  });

  it('has a skip link to the main landmark, a header and a footer', () => {
    const out = page();
    expect(out).toContain('href="#main-content"');
    expect(out).toContain('<main id="main-content"');
    expect(count(out, /<header\b/)).toBe(1);
    expect(count(out, /<footer\b/)).toBe(1);
  });

  it('links to the other language, marked up in that language', () => {
    const out = page();
    expect(out).toMatch(/<a\s+href="\/questionnaire\/name\?lang=cy"\s+lang="cy"/);
    expect(out).toContain('Cymraeg');
    expect(out).not.toContain('href="/questionnaire/name?lang=en"');
  });

  it('offers the language switch outside the header too, for browsers without JavaScript (the ONS styles hide the header’s)', () => {
    const out = page();
    const noScript = /<div class="[^"]*ons-u-db-no-js_enabled[^"]*">\s*<ul class="ons-language-links">/;
    expect(out).toMatch(noScript);
    expect(count(out, /href="\/questionnaire\/name\?lang=cy"/)).toBe(2);
    expect(page({ languages: [] })).not.toMatch(noScript);
  });

  it('has no language switch for a questionnaire in one language', () => {
    expect(page({ languages: [] })).not.toContain('ons-language-links');
  });

  it('posts "Save and sign out" with the CSRF token, from the header and the footer', () => {
    const out = page();
    expect(out).toMatch(
      /<form id="sign-out-form" method="post" action="\/sign-out">\s*<input type="hidden" name="_csrf" value="token-123" \/>/,
    );
    expect(count(out, /form="sign-out-form"/)).toBe(2);
    expect(out).toContain('Save and sign out');
  });

  it('has no sign-out button before a session exists', () => {
    const out = page({ signOutAction: undefined });
    expect(out).not.toContain('sign-out-form');
    expect(out).not.toContain('Save and sign out');
  });

  it('says when the session ends, as UK clock time, for browsers without JavaScript', () => {
    expect(page()).toContain('Your session will end at 14:32 unless you continue.');
    expect(page({ sessionExpiresAt: '2025-07-15T13:32:00Z' })).toContain('end at 14:32');
    expect(page({ lang: 'cy' })).toContain('Bydd eich sesiwn yn dod i ben am 14:32');
  });

  it('gives the ONS timeout modal the session’s end and where to extend it', () => {
    const out = page();
    expect(out).toContain('data-server-session-expires-at="2025-01-15T14:32:00Z"');
    expect(out).toContain('data-server-session-expiry-endpoint="/session"');
    expect(out).toContain('data-redirect-url="/session-expired"');
    expect(out).toContain('data-show-modal-time="120"');
  });

  it('leaves out the modal when the page cannot extend the session', () => {
    const out = page({ sessionEndpoint: undefined });
    expect(out).not.toContain('ons-js-timeout-modal');
    expect(out).toContain('Your session will end at');
  });

  it('has a Previous link when there is somewhere to go back to', () => {
    expect(page()).toMatch(
      /<a\s+class="ons-breadcrumbs__link"\s+href="\/questionnaire\/start"\s+id='top-previous'\s*>Previous<\/a/,
    );
  });

  it('escapes the service title', () => {
    const out = page({ serviceTitle: '<script>alert(1)</script>' });
    expect(out).not.toContain('<script>alert(1)');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('draws the ONS logo once, in the header, in the page’s language', () => {
    const out = page({ lang: 'cy' });
    expect(out).toContain('Logo Swyddfa Ystadegau Gwladol');
    expect(count(out, /class="ons-icon--logo"/)).toBe(2);
    expect(count(out.slice(out.indexOf('<footer')), /class="ons-icon--logo"/)).toBe(0);
  });
});

describe('the filters the ONS macros need', () => {
  it('setAttributes adds properties to a copy', () => {
    const original = { a: 1 };
    expect(setAttributes(original, { b: 2 })).toEqual({ a: 1, b: 2 });
    expect(original).toEqual({ a: 1 });
  });

  it('tojson writes JSON that cannot end a script or open a tag', () => {
    expect(String(toJson({ a: "</script><b>&'" }))).toBe('{"a":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\u0027"}');
  });
});
