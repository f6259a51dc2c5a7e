/**
 * `pnpm --filter @eq/runner bench`: what building and rendering a page costs, for the pages a
 * census household of three sees most, with the production view engine (templates compiled once).
 * Machines are shared and noisy, so each page's render is also given as a ratio to baselines
 * measured in the same run: `JSON.stringify` of the same view object, and a one-line template.
 * `--against <dir>` measures another copy of the runner's `src` folder (say, before a change) in
 * the same run, interleaved, and gives the ratio of its figures to these (`--against-options` a
 * JSON object of `ViewEngineOptions` for it: the same folder with a cache turned off, say).
 *
 * The first table shows one household's pages again and again, which caches kept across pages
 * answer from memory. The second is what respondents cost: `--households` census households, each
 * different (names, answers, item ids), each page of each one's journey built and rendered once by
 * each version as a GET does (view-model, then `renderPage`: a framed page as its parts, which the
 * runner compresses without joining), after `--warmup` households not measured (as a runner that
 * has been serving a while), by kind of page, with how often memoised macros were answered from
 * memory. A report: it exits 0.
 */
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  chooseQuestion,
  compile,
  type FormInput,
  type Location,
  locationContext,
  type ResponseState,
  validateQuestion,
} from '@eq/engine';
import { answerAll } from '@eq/engine/testing';
import { Questionnaire } from '@eq/schema';
import nunjucks from 'nunjucks';
import { locationUrl } from '../src/routes/urls.ts';
import type { Chrome } from '../src/view-models/chrome.ts';
import type { locationView as LocationView, LocationViewInput, PageView } from '../src/view-models/render-location.ts';
import type {
  createViewEngine as CreateViewEngine,
  renderPage as RenderPage,
  ViewEngineOptions,
} from '../src/views/engine.ts';
import type { macroMemoStats as MacroMemoStats } from '../src/views/memoised-macros.ts';
import { journeyPages, type ShownPage } from './journey-pages.ts';

const TODAY = '2025-06-01';
const { values: args } = parseArgs({
  options: {
    against: { type: 'string' },
    'against-options': { type: 'string' },
    ms: { type: 'string' },
    households: { type: 'string' },
    warmup: { type: 'string' },
  },
});
/** Timed runs go on for at least this long per page and version. */
const MIN_MS = Number(args.ms ?? 1000);

/** One version of the runner's pages: its view engine and view-models. */
interface Version {
  name: string;
  views: nunjucks.Environment;
  locationView: typeof LocationView;
  renderPage: typeof RenderPage;
  /** The memoised macros' counts, for a version that has them. */
  memo: () => { hits: number; misses: number; skipped: number } | undefined;
}

async function version(name: string, src: string, options: ViewEngineOptions = {}): Promise<Version> {
  const at = (path: string) => pathToFileURL(join(src, path)).href;
  const engine: { createViewEngine: typeof CreateViewEngine; renderPage: typeof RenderPage } = await import(
    at('views/engine.ts')
  );
  const models: { locationView: typeof LocationView } = await import(at('view-models/render-location.ts'));
  const memo: { macroMemoStats?: typeof MacroMemoStats } = await import(at('views/memoised-macros.ts')).catch(
    () => ({}),
  );
  const views = engine.createViewEngine(options);
  return {
    name,
    views,
    locationView: models.locationView,
    renderPage: engine.renderPage,
    memo: () => memo.macroMemoStats?.(views),
  };
}

const require = createRequire(import.meta.url);
const q = Questionnaire.parse(require('@eq/schema/examples/census-household.json'));
const compiled = compile(q);
const journey = answerAll(q, 3, { today: TODAY, seed: 3 });
if (!journey.complete) throw new Error(`the census household is not complete: ${journey.stuck ?? ''}`);
const household: ResponseState = journey.state;
const [you, partner] = household.lists.people?.items ?? [];
if (you === undefined || partner === undefined) throw new Error('the census household has fewer than two people');

/** The chrome of a signed-in respondent, new for every request as the runner makes it. */
function chromeFor(path: string, run: number): Chrome {
  return {
    lang: 'en',
    languages: [
      { lang: 'en', label: 'English', url: `${path}?lang=en`, current: true },
      { lang: 'cy', label: 'Cymraeg', url: `${path}?lang=cy`, current: false },
    ],
    serviceTitle: 'Census 2021',
    csrfToken: `csrf-${run.toString(36)}-b3f1a9c27e`,
    signOutAction: '/sign-out',
    sessionExpiresAt: new Date(Date.UTC(2025, 5, 1, 12, 0, run % 3600)).toISOString(),
    timeoutSeconds: 2700,
    sessionEndpoint: '/session/expiry',
    sessionExpiredUrl: '/session-expired',
    assets: {
      css: '/a/main.1a2b.css',
      printCss: '/a/print.3c4d.css',
      js: '/a/main.5e6f.js',
      enhanceJs: '/a/e.7a8b.js',
    },
  };
}

interface Case {
  name: string;
  location: Location;
  /** A form posted with errors: the page is shown again with them. */
  invalid?: FormInput;
}

const at = (section: string, page: string, item?: string, to?: string): Location => ({
  kind: 'page',
  section,
  page,
  ...(item === undefined ? {} : { item }),
  ...(to === undefined ? {} : { to }),
});

const CASES: Case[] = [
  { name: 'radio question', location: at('individual', 'marital-status', partner) },
  {
    name: 'radio question, errors',
    location: at('individual', 'marital-status', partner),
    invalid: { 'marital-status': 'not-an-option' },
  },
  { name: 'date question', location: at('individual', 'date-of-birth', partner) },
  { name: 'list collector', location: at('household', 'people-list') },
  { name: 'relationships', location: at('household', 'relationships', you, partner) },
  { name: 'hub', location: { kind: 'hub' } },
  { name: 'section summary', location: { kind: 'sectionSummary', section: 'individual', item: partner } },
  { name: 'check your answers', location: { kind: 'summary' } },
];

const urls = (location: Location) => locationUrl(compiled, location);

/**
 * What the runner hands the view-models for a request: a state object of its own (as read from
 * the store, so nothing the engine remembers of another carries over) with its path worked out,
 * as the route's checks have done by the time the page is built.
 */
function input(c: Case, run: number): LocationViewInput {
  const state = { ...household };
  const ctx = locationContext(q, state, c.location, { lang: 'en', today: TODAY });
  const page = c.location.kind === 'page' ? compiled.pages.get(c.location.page)?.page : undefined;
  const errors =
    c.invalid && page?.kind === 'question' ? validateQuestion(chooseQuestion(page, ctx), c.invalid, ctx).errors : [];
  if (c.invalid && errors.length === 0) throw new Error(`${c.name}: the form has no errors`);
  const url = urls(c.location);
  return {
    chrome: chromeFor(url, run),
    questionnaire: q,
    location: c.location,
    ctx,
    action: url,
    urls,
    backUrl: '/questionnaire/',
    ...(c.invalid ? { form: c.invalid, errors } : {}),
  };
}

interface Timing {
  median: number;
  p95: number;
}

/** Microseconds per run of `run`, after `prepare` (not timed) has made its input. */
function measure<T>(prepare: (run: number) => T, run: (input: T) => unknown): Timing {
  for (let i = 0; i < 200; i++) run(prepare(i));
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; samples.length < 100 || performance.now() - started < MIN_MS; i++) {
    const prepared = prepare(i);
    const t = performance.now();
    run(prepared);
    samples.push((performance.now() - t) * 1000);
  }
  samples.sort((a, b) => a - b);
  const quantile = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] ?? NaN;
  return { median: quantile(0.5), p95: quantile(0.95) };
}

interface Figures {
  bytes: number;
  viewModel: Timing;
  render: Timing;
  whole: Timing;
  json: Timing;
}

function figures(v: Version, c: Case): Figures {
  const view = (run: number): PageView => v.locationView(input(c, run));
  const page = view(0);
  const render = (p: PageView) => v.views.render(p.template, p.view);
  return {
    bytes: Buffer.byteLength(render(page)),
    viewModel: measure((run) => input(c, run), v.locationView),
    render: measure(view, render),
    whole: measure(
      (run) => input(c, run),
      (i) => render(v.locationView(i)),
    ),
    json: measure(view, (p) => JSON.stringify(p.view)),
  };
}

const versions = [await version('this', resolve(import.meta.dirname, '../src'))];
if (args.against) {
  const options = args['against-options'] ? (JSON.parse(args['against-options']) as ViewEngineOptions) : {};
  versions.push(await version('against', resolve(args.against), options));
}

const trivial = new nunjucks.Template('<h1 class="ons-u-fs-xl">{{ title }}</h1>', new nunjucks.Environment());
const oneLine = measure(
  (run) => ({ title: `Page ${run}` }),
  (view) => trivial.render(view),
);

const us = (t: number) => t.toFixed(0);
const header = [
  'page',
  'KB',
  'view µs',
  'render µs',
  'p95',
  'view+render µs',
  'p95',
  'render × JSON',
  'render × 1-line',
  ...(versions.length > 1 ? ['against: view+render µs', 'this / against'] : []),
];
const rows: string[][] = [];
for (const c of CASES) {
  const [mine, theirs] = versions.map((v) => figures(v, c));
  if (!mine) continue;
  rows.push([
    c.name,
    (mine.bytes / 1024).toFixed(1),
    us(mine.viewModel.median),
    us(mine.render.median),
    us(mine.render.p95),
    us(mine.whole.median),
    us(mine.whole.p95),
    (mine.render.median / mine.json.median).toFixed(1),
    (mine.render.median / oneLine.median).toFixed(0),
    ...(theirs ? [us(theirs.whole.median), (mine.whole.median / theirs.whole.median).toFixed(2)] : []),
  ]);
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)));
  console.log([header, ...rows].map((row) => line(row).join('  ')).join('\n'));
}
console.log(`Page rendering: census household of 3, en, Node ${process.version}; medians of runs over ${MIN_MS} ms`);
console.log(`Baseline: a one-line template renders in ${oneLine.median.toFixed(2)} µs\n`);
printTable(header, rows);

// Fresh households: what the load test's respondents cost, each page of a journey rendered once.
const WARMUP = Number(args.warmup ?? 20);
const HOUSEHOLDS = Number(args.households ?? 60);

/** What a page is, for the table: its kind, and whether it is shown again with errors. */
function kindOf(page: ShownPage): string {
  const { location } = page;
  const errors = page.errors ? ', errors' : '';
  if (location.kind === 'hub') return 'hub';
  if (location.kind === 'summary') return 'check your answers';
  if (location.kind === 'sectionSummary') return 'section summary';
  const info = compiled.pages.get(location.page);
  if (info?.page.kind === 'listCollector') return `list collector${info.role ? ` ${info.role}` : ''}${errors}`;
  return `${info?.page.kind ?? 'page'}${errors}`;
}

/** A household's pages as one version's view-models are given them, with a chrome of its own session. */
function householdInputs(pages: ShownPage[], seed: number): { kind: string; input: LocationViewInput }[] {
  return pages.map((page, i) => {
    const url = urls(page.location);
    const input: LocationViewInput = {
      chrome: chromeFor(url, seed * 1000 + i),
      questionnaire: q,
      location: page.location,
      ctx: locationContext(q, page.state, page.location, { lang: 'en', today: TODAY }),
      action: url,
      urls,
      backUrl: '/questionnaire/',
      ...(page.form ? { form: page.form, errors: page.errors ?? [] } : {}),
    };
    return { kind: kindOf(page), input };
  });
}

/** The process's CPU time in µs: on a shared machine, time the process was not running does not count. */
function cpuTime(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/** CPU µs of a page's view-model, and of its render (as the runner renders it: `renderPage`). */
interface Spent {
  view: number;
  render: number;
}
const PARTS = ['view', 'render', 'both'] as const;
type Part = (typeof PARTS)[number];

/** What a GET does to a page: its view-model, then its render; µs of CPU summed by kind, with the pages of each kind. */
function showHousehold(v: Version, pages: { kind: string; input: LocationViewInput }[]): Map<string, [Spent, number]> {
  const byKind = new Map<string, [Spent, number]>();
  for (const { kind, input } of pages) {
    const t0 = cpuTime();
    const page = v.locationView(input);
    const t1 = cpuTime();
    v.renderPage(v.views, page.template, page.view);
    const t2 = cpuTime();
    const [sum, count] = byKind.get(kind) ?? [{ view: 0, render: 0 }, 0];
    byKind.set(kind, [{ view: sum.view + t1 - t0, render: sum.render + t2 - t1 }, count + 1]);
  }
  return byKind;
}

const ALL = 'all pages of a journey';
/** Per version, per kind (and ALL) and part: each measured household's µs a page; and the ratios of the first version's to the second's. */
const spent = versions.map(() => new Map<string, number[]>());
const ratios = new Map<string, number[]>();
const record = (figures: Map<string, number[]>, key: string, value: number) =>
  figures.set(key, [...(figures.get(key) ?? []), value]);
let memoBefore = versions.map((v) => v.memo());
let pagesShown = 0;
for (let h = 0; h < WARMUP + HOUSEHOLDS; h++) {
  const seed = 1000 + h;
  const pages = journeyPages(q, seed, TODAY);
  const inputs = versions.map(() => householdInputs(pages, seed));
  if (h === WARMUP) memoBefore = versions.map((v) => v.memo());
  // Each version sees each household once, first or second in turns.
  const order = h % 2 === 0 ? versions.map((_, i) => i) : versions.map((_, i) => versions.length - 1 - i);
  const timed: Map<string, number>[] = versions.map(() => new Map());
  for (const i of order) {
    const byKind = showHousehold(versions[i] as Version, inputs[i] ?? []);
    const all: Spent = { view: 0, render: 0 };
    let pagesOf = 0;
    const perPage = (kind: string, sum: Spent, count: number) => {
      timed[i]?.set(`${kind}|view`, sum.view / count);
      timed[i]?.set(`${kind}|render`, sum.render / count);
      timed[i]?.set(`${kind}|both`, (sum.view + sum.render) / count);
    };
    for (const [kind, [sum, count]] of byKind) {
      perPage(kind, sum, count);
      all.view += sum.view;
      all.render += sum.render;
      pagesOf += count;
    }
    perPage(ALL, all, pagesOf);
  }
  if (h < WARMUP) continue;
  pagesShown += pages.length;
  timed.forEach((byKind, i) => {
    for (const [key, perPage] of byKind) record(spent[i] as Map<string, number[]>, key, perPage);
  });
  const [mine, theirs] = timed;
  if (mine && theirs) for (const [key, perPage] of mine) record(ratios, key, perPage / (theirs.get(key) ?? NaN));
}
const median = (values: number[] = []) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const kinds = [...new Set([...(spent[0]?.keys() ?? [])].map((key) => key.split('|')[0] ?? ''))].sort((a, b) =>
  a === ALL ? 1 : b === ALL ? -1 : a.localeCompare(b),
);
const figure = (i: number, kind: string, part: Part) => us(median(spent[i]?.get(`${kind}|${part}`)));
const journeyRows = kinds.map((kind) => [
  kind,
  String(spent[0]?.get(`${kind}|both`)?.length ?? 0),
  ...PARTS.map((part) => figure(0, kind, part)),
  ...(versions.length > 1
    ? [
        ...PARTS.map((part) => figure(1, kind, part)),
        ...PARTS.map((part) => median(ratios.get(`${kind}|${part}`)).toFixed(2)),
      ]
    : []),
]);
console.log(
  `\nFresh households: ${HOUSEHOLDS} census households of 3 (after ${WARMUP} not measured), ${pagesShown} pages, each built and rendered once by each version`,
);
console.log(
  'Medians over the households of the CPU µs a page of each kind took, for its view-model, its render as the runner renders it (renderPage: a framed page as its parts) and both (garbage collection included); the ratios are the medians of the households’ ratios\n',
);
printTable(
  [
    'page',
    'households',
    'view µs',
    'render µs',
    'both µs',
    ...(versions.length > 1 ? ['against: view', 'render', 'both', 'this / against: view', 'render', 'both'] : []),
  ],
  journeyRows,
);
versions.forEach((v, i) => {
  const [before, after] = [memoBefore[i], v.memo()];
  if (!before || !after) return;
  const [hits, misses, skipped] = [
    after.hits - before.hits,
    after.misses - before.misses,
    after.skipped - before.skipped,
  ];
  const calls = hits + misses + skipped;
  console.log(
    `${v.name}: memoised macros, measured households: ${hits} calls answered from memory, ${misses} made and kept, ${skipped} not memoisable (a call block or not plain data): ${((100 * hits) / (hits + misses)).toFixed(1)}% of memoisable calls, ${((100 * hits) / calls).toFixed(1)}% of all`,
  );
});
