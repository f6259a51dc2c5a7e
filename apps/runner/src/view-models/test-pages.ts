/**
 * Test support for the view tests (imported only by `*.test.ts`): questionnaires from the shared
 * fixtures and examples, a chrome, and every location a respondent can see, rendered to HTML.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  type AnswerError,
  chooseQuestion,
  compile,
  computePath,
  emptyState,
  type FormInput,
  type Location,
  listItems,
  locationContext,
  type ResponseState,
  validateQuestion,
} from '@eq/engine';
import { answeredState, type Script } from '@eq/engine/testing';
import { Questionnaire } from '@eq/schema';
import { locationUrl } from '../routes/urls.ts';
import { createViewEngine } from '../views/engine.ts';
import type { Chrome } from './chrome.ts';
import { locationView } from './render-location.ts';
import type { PageView } from './view.ts';

const require = createRequire(import.meta.url);
const fixturesDir = dirname(require.resolve('@eq/schema/fixtures/README.md'));
const examplesDir = dirname(require.resolve('@eq/schema/examples/README.md'));

export const views = createViewEngine();

/** Today for every test: the fixtures' date conditions are written against it. */
export const TODAY = '2025-06-01';

export function fixtureNames(): string[] {
  return readdirSync(fixturesDir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.replace(/\.json$/, ''));
}

export function fixture(name: string): Questionnaire {
  return Questionnaire.parse(JSON.parse(readFileSync(join(fixturesDir, `${name}.json`), 'utf8')));
}

export function example(name: string): Questionnaire {
  return Questionnaire.parse(JSON.parse(readFileSync(join(examplesDir, `${name}.json`), 'utf8')));
}

export function chromeFor(q: Questionnaire, lang: string, overrides: Partial<Chrome> = {}): Chrome {
  const languages =
    q.languages.length > 1
      ? q.languages.map((code) => ({ lang: code, label: code, url: `?lang=${code}`, current: code === lang }))
      : [];
  return {
    lang,
    languages,
    serviceTitle: typeof q.title === 'string' ? q.title : (q.title[lang] ?? q.id),
    csrfToken: 'csrf-token-1',
    signOutAction: '/sign-out',
    sessionExpiresAt: '2025-06-01T13:32:00Z',
    timeoutSeconds: 2700,
    sessionEndpoint: '/session/expiry',
    sessionExpiredUrl: '/session-expired',
    assets: {
      css: '/assets/main.css',
      printCss: '/assets/print.css',
      js: '/assets/main.js',
      enhanceJs: '/assets/enhance.js',
    },
    ...overrides,
  };
}

export interface RenderOptions {
  lang?: string;
  form?: FormInput;
  errors?: AnswerError[];
  backUrl?: string;
}

/** The view of a location, as the runner builds it. */
export function viewAt(
  q: Questionnaire,
  state: ResponseState,
  location: Location,
  options: RenderOptions = {},
): PageView {
  const lang = options.lang ?? q.languages[0] ?? 'en';
  const compiled = compile(q);
  const urls = (at: Location) => locationUrl(compiled, at);
  return locationView({
    chrome: chromeFor(q, lang),
    questionnaire: q,
    location,
    ctx: locationContext(q, state, location, { lang, today: TODAY }),
    action: urls(location),
    urls,
    ...(options.form ? { form: options.form } : {}),
    ...(options.errors ? { errors: options.errors } : {}),
    ...(options.backUrl ? { backUrl: options.backUrl } : {}),
  });
}

export function render(page: PageView): string {
  return views.render(page.template, page.view);
}

/** The HTML of a location. */
export function htmlAt(
  q: Questionnaire,
  state: ResponseState,
  location: Location,
  options: RenderOptions = {},
): string {
  return render(viewAt(q, state, location, options));
}

/**
 * Every location a respondent can see in a state: the path (every page kind, section summaries,
 * the summary or hub) and each list collector's item pages (adding, changing each item) and
 * remove pages.
 */
export function visibleLocations(q: Questionnaire, state: ResponseState): Location[] {
  const compiled = compile(q);
  const out: Location[] = [...computePath(q, state, { today: TODAY }).locations];
  for (const [list, info] of compiled.lists) {
    const section = info.section.id;
    const { itemPage, removePage } = info.collector;
    out.push({ kind: 'page', section, page: itemPage.id });
    for (const item of listItems(state, list)) {
      out.push({ kind: 'page', section, page: itemPage.id, item });
      if (item !== state.lists[list]?.primary) out.push({ kind: 'page', section, page: removePage.id, item });
    }
  }
  return out;
}

/** A light parse of the HTML, enough for structure checks. */
export function ids(html: string): string[] {
  return [...html.matchAll(/\sid=["']([^"']*)["']/g)].map((m) => m[1] ?? '');
}

/** The tags of the form fields a respondent fills in (not hidden fields or buttons). */
export function fieldTags(html: string): string[] {
  return [...html.matchAll(/<(?:input|select|textarea)\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => !/type="(hidden|submit|button)"/.test(tag));
}

export function attribute(tag: string, name: string): string | undefined {
  return tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
}

/** Names of the fields posted by the page's forms, each once, in order. */
export function fieldNames(html: string): string[] {
  return [...new Set(fieldTags(html).map((tag) => attribute(tag, 'name') ?? ''))];
}

/** Fields with neither a `<label for>` nor `aria-labelledby`. */
export function unlabelledFields(html: string): string[] {
  return fieldTags(html).filter((tag) => {
    const id = attribute(tag, 'id');
    return !attribute(tag, 'aria-labelledby') && (id === undefined || !html.includes(`for="${id}"`));
  });
}

export function count(html: string, pattern: RegExp): number {
  return (html.match(new RegExp(pattern.source, 'g')) ?? []).length;
}

function pageLocation(q: Questionnaire, page: string): Location {
  const info = compile(q).pages.get(page);
  if (!info) throw new Error(`no page ${page}`);
  return { kind: 'page', section: info.section.id, page };
}

/** A fixture's question page as first shown (empty, or with the saved answers of a script) or after posting `form`. */
export function askedPage(
  name: string,
  pageId: string,
  options: { script?: Script; form?: FormInput; lang?: string } = {},
): { html: string; errors: AnswerError[] } {
  const q = fixture(name);
  const location = pageLocation(q, pageId);
  const state: ResponseState = options.script ? answeredState(q, options.script, { today: TODAY }) : emptyState();
  const lang = options.lang ?? 'en';
  if (!options.form) return { html: htmlAt(q, state, location, { lang }), errors: [] };
  const ctx = locationContext(q, state, location, { lang, today: TODAY });
  const info = compile(q).pages.get(pageId);
  if (info?.page.kind !== 'question') throw new Error(`${pageId} is not a question page`);
  const { errors } = validateQuestion(chooseQuestion(info.page, ctx), options.form, ctx);
  return { html: htmlAt(q, state, location, { lang, form: options.form, errors }), errors };
}

export function fieldTag(html: string, id: string): string {
  const tag = fieldTags(html).find((t) => attribute(t, 'id') === id);
  if (!tag) throw new Error(`no field #${id}`);
  return tag;
}
