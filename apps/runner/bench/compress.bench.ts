/**
 * `pnpm --filter @eq/runner bench:compress`: what sending a page compressed costs, for every page a
 * census household of three sees, through the runner's own code with a stand-in response: the path
 * before frames were gzipped in pieces (the page whole, brotli quality 0: `sendCompressed` to a
 * browser taking brotli), the page whole at gzip level 3 (`sendCompressed` to one taking gzip
 * only), and the page from its frame's pieces (`sendPage` to one taking both: views/gzip-segments.ts).
 * Each is CPU time (`process.cpuUsage`) a page, the median of rounds that take the three in turn,
 * and the bytes sent. Rendering the page is not counted in any of them. A report: it exits 0.
 */
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { compile, type Location, locationContext } from '@eq/engine';
import { answerAll } from '@eq/engine/testing';
import { Questionnaire } from '@eq/schema';
import type { Response } from 'express';
import { sendCompressed, sendPage } from '../src/middleware/compress.ts';
import { locationUrl } from '../src/routes/urls.ts';
import type { Chrome } from '../src/view-models/chrome.ts';
import { locationView } from '../src/view-models/render-location.ts';
import { chromeFor, visibleLocations } from '../src/view-models/test-pages.ts';
import { createViewEngine, renderPage } from '../src/views/engine.ts';
import { type FramedPage, joinFramed } from '../src/views/page-frames.ts';

const TODAY = '2025-06-01';
const { values: args } = parseArgs({
  options: { rounds: { type: 'string' }, lang: { type: 'string' }, 'batch-ms': { type: 'string' } },
});
const ROUNDS = Number(args.rounds ?? 15);
const LANG = args.lang ?? 'en';
/** Each method runs this long on a page in each round, as one batch timed as a whole. */
const BATCH_MS = Number(args['batch-ms'] ?? 2);

const require = createRequire(import.meta.url);
const q = Questionnaire.parse(require('@eq/schema/examples/census-household.json'));
const compiled = compile(q);
const journey = answerAll(q, 3, { today: TODAY, seed: 3 });
if (!journey.complete) throw new Error(`the census household is not complete: ${journey.stuck ?? ''}`);
const views = createViewEngine();

/**
 * A signed-in respondent's chrome (test-pages.ts), with the census's language links on this page's
 * URL and a token as long as csrf-csrf's (129 characters): the values a page's frame carries.
 */
function chromeAt(path: string): Chrome {
  return chromeFor(q, LANG, {
    languages: [
      { lang: 'en', label: 'English', url: `${path}?lang=en`, current: LANG === 'en' },
      { lang: 'cy', label: 'Cymraeg', url: `${path}?lang=cy`, current: LANG === 'cy' },
    ],
    csrfToken: `${'9b3f1a9c27e04d5a'.repeat(4)}.${'e1c0a7f35d2b8e64'.repeat(4)}`,
    sessionExpiresAt: '2025-06-01T12:43:00.000Z',
  });
}

function nameOf(location: Location): string {
  if (location.kind !== 'page') return location.kind + ('section' in location ? ` ${location.section}` : '');
  return `${location.page}${location.item === undefined ? '' : ' (item)'}${location.to === undefined ? '' : ' (to)'}`;
}

/** The pages with a cached frame (a page with, say, an empty title is rendered whole, and sent as before). */
const locations = visibleLocations(q, journey.state) as Location[];
const rendered = locations.map((location, i) => {
  const url = locationUrl(compiled, location);
  // As the runner links each page back to the one before it.
  const previous = locations[i - 1];
  const view = locationView({
    chrome: chromeAt(url),
    questionnaire: q,
    location,
    ctx: locationContext(q, journey.state, location, { lang: LANG, today: TODAY }),
    action: url,
    urls: (at) => locationUrl(compiled, at),
    backUrl: previous ? locationUrl(compiled, previous) : '/questionnaire/',
  });
  return { name: nameOf(location), page: renderPage(views, view.template, view.view) };
});
const pages = rendered.flatMap(({ name, page }) =>
  typeof page === 'string' ? [] : [{ name, page, bytes: Buffer.byteLength(joinFramed(page)) }],
);

/** A response that keeps what is sent, enough for `sendCompressed` and `sendPage`. */
function standIn(acceptEncoding: string): Response & { sent: number } {
  const headers = new Map<string, unknown>();
  const res = {
    sent: 0,
    req: { method: 'GET', headers: { 'accept-encoding': acceptEncoding } },
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    setHeader: (name: string, value: unknown) => headers.set(name.toLowerCase(), value),
    vary: () => undefined,
    end: (body: Buffer) => {
      res.sent = body.length;
    },
  };
  return res as unknown as Response & { sent: number };
}

interface Method {
  name: string;
  send(page: FramedPage): number;
}
const methods: Method[] = [
  {
    // `services.views.render` joined the frame's parts into the page before `sendCompressed`.
    name: 'brotli q0 (before)',
    send: (page) => {
      const res = standIn('gzip, deflate, br');
      sendCompressed(res, joinFramed(page));
      return res.sent;
    },
  },
  {
    name: 'gzip 3 whole',
    send: (page) => {
      const res = standIn('gzip, deflate');
      sendCompressed(res, joinFramed(page));
      return res.sent;
    },
  },
  {
    name: 'gzip segments',
    send: (page) => {
      const res = standIn('gzip, deflate, br');
      sendPage(res, page);
      return res.sent;
    },
  },
];

/** CPU microseconds a call, of a batch of `count` calls. */
function batch(method: Method, page: FramedPage, count: number): number {
  const started = process.cpuUsage();
  for (let i = 0; i < count; i++) method.send(page);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / count;
}

// Warm up, and size each page's batch to about BATCH_MS of its slowest method.
const counts = pages.map(({ page }) => {
  const slowest = Math.max(...methods.map((method) => batch(method, page, 50)));
  return Math.max(5, Math.round((BATCH_MS * 1000) / slowest));
});
const samples = pages.map(() => methods.map((): number[] => []));
for (let round = 0; round < ROUNDS; round++) {
  pages.forEach(({ page }, p) => {
    // The methods in turn, starting with a different one each round.
    for (let k = 0; k < methods.length; k++) {
      const m = (round + k) % methods.length;
      samples[p]?.[m]?.push(batch(methods[m] as Method, page, counts[p] ?? 5));
    }
  });
}
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const cpu = samples.map((byMethod) => byMethod.map(median));
const sent = pages.map(({ page }) => methods.map((method) => method.send(page)));

const header = [
  'page',
  'kB',
  ...methods.flatMap((method) => [`${method.name} µs`, 'bytes']),
  'segments / brotli: CPU',
  'bytes',
  'gzip 3 / brotli: CPU',
  'bytes',
];
const ratio = (a: number, b: number) => (a / b).toFixed(2);
const rowOf = (name: string, kB: number, us: number[], bytes: number[]) => [
  name,
  kB.toFixed(1),
  ...methods.flatMap((_, m) => [(us[m] ?? 0).toFixed(1), (bytes[m] ?? 0).toFixed(0)]),
  ratio(us[2] ?? 0, us[0] ?? 1),
  ratio(bytes[2] ?? 0, bytes[0] ?? 1),
  ratio(us[1] ?? 0, us[0] ?? 1),
  ratio(bytes[1] ?? 0, bytes[0] ?? 1),
];
const rows = pages.map(({ name, bytes }, p) => rowOf(name, bytes / 1024, cpu[p] ?? [], sent[p] ?? []));
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const all = rowOf(
  'mean of the pages',
  mean(pages.map(({ bytes }) => bytes)) / 1024,
  methods.map((_, m) => mean(cpu.map((us) => us[m] ?? 0))),
  methods.map((_, m) => mean(sent.map((bytes) => bytes[m] ?? 0))),
);
const widths = header.map((_, i) => Math.max(...[header, ...rows, all].map((row) => (row[i] ?? '').length)));
const line = (row: string[]) =>
  row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
console.log(
  `Sending a page compressed: census household of 3 (${pages.length} pages with a cached frame of ${rendered.length}, ${LANG}), ` +
    `Node ${process.version}; ` +
    `CPU µs a page, medians of ${ROUNDS} interleaved rounds of ~${BATCH_MS} ms batches`,
);
console.log([header, ...rows, all].map(line).join('\n'));
