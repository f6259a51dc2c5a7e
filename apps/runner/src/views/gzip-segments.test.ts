import { readdirSync } from 'node:fs';
import { crc32, createGunzip, gunzipSync, inflateRawSync } from 'node:zlib';
import type { Location, ResponseState } from '@eq/engine';
import { answerAll } from '@eq/engine/testing';
import type { Questionnaire } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import { example, TODAY, viewAt, visibleLocations } from '../view-models/test-pages.ts';
import { createViewEngine, renderPage } from './engine.ts';
import { gzipFramed } from './gzip-segments.ts';
import { type Frame, type FramedPage, type FramePart, joinFramed, MIDDLE } from './page-frames.ts';

/** Frames cached (production), against every page rendered whole without them. */
const framed = createViewEngine();
const whole = createViewEngine({ frames: false, cachedImports: false });

/** The stream is one whole gzip member of `page`, read strictly: header, deflate to its last byte, CRC and length. */
function expectGzipOf(gzipped: Buffer, page: string): void {
  const bytes = Buffer.from(page, 'utf8');
  expect(gunzipSync(gzipped).equals(bytes)).toBe(true);
  expect([...gzipped.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
  const inflated = inflateRawSync(gzipped.subarray(10, -8), { info: true }) as unknown as {
    buffer: Buffer;
    engine: { bytesWritten: number };
  };
  expect(inflated.buffer.equals(bytes)).toBe(true);
  // The final block ends the deflate stream exactly where the trailer starts.
  expect(inflated.engine.bytesWritten).toBe(gzipped.length - 18);
  expect(gzipped.readUInt32LE(gzipped.length - 8)).toBe(crc32(bytes));
  expect(gzipped.readUInt32LE(gzipped.length - 4)).toBe(bytes.length % 2 ** 32);
}

/** Gunzipped as a stream, fed in pieces of `size` bytes. */
function gunzipStreaming(gzipped: Buffer, size: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const gunzip = createGunzip();
    const out: Buffer[] = [];
    gunzip.on('data', (chunk: Buffer) => out.push(chunk));
    gunzip.on('end', () => resolve(Buffer.concat(out)));
    gunzip.on('error', reject);
    for (let at = 0; at < gzipped.length; at += size) gunzip.write(gzipped.subarray(at, at + size));
    gunzip.end();
  });
}

function completed(q: Questionnaire, people: number): ResponseState {
  const journey = answerAll(q, people, { today: TODAY, seed: 7 });
  if (!journey.complete) throw new Error(`${q.id} does not complete: ${journey.stuck ?? ''}`);
  return journey.state;
}

/** Every page of a questionnaire in one language, gzipped from its frame's pieces, against the page rendered whole. */
async function everyPage(q: Questionnaire, state: ResponseState, lang: string): Promise<number> {
  let pieced = 0;
  for (const location of visibleLocations(q, state) as Location[]) {
    const { template, view } = viewAt(q, state, location, { lang, backUrl: `/questionnaire/${lang}/back` });
    const expected = whole.render(template, view);
    const page = renderPage(framed, template, view);
    if (typeof page === 'string') {
      expect(page).toBe(expected);
      continue;
    }
    pieced++;
    // The first page of a frame compresses its pieces, the next reuses them.
    for (const gzipped of [gzipFramed(page), gzipFramed(page)]) expectGzipOf(gzipped, expected);
    const streamed = await gunzipStreaming(gzipFramed(page), 1 + (pieced % 997));
    expect(streamed.toString('utf8')).toBe(expected);
  }
  return pieced;
}

describe('pages gzipped from their frame’s pieces', () => {
  it('are byte for byte the pages rendered whole: every page of a census household of three, in English and Welsh', async () => {
    const census = example('census-household');
    const state = completed(census, 3);
    for (const lang of census.languages) {
      const pages = visibleLocations(census, state).length;
      expect(await everyPage(census, state, lang)).toBe(pages);
    }
  });

  it('are byte for byte the pages rendered whole: every page of every example', async () => {
    const examples = readdirSync(new URL('../../../../packages/schema/examples/', import.meta.url)).filter((f) =>
      f.endsWith('.json'),
    );
    expect(examples.length).toBeGreaterThan(2);
    for (const file of examples) {
      const q = example(file.replace(/\.json$/, ''));
      expect(await everyPage(q, completed(q, 2), q.languages[0] ?? 'en')).toBeGreaterThan(5);
    }
  });

  it('are not made when frames are not cached (templates read from disk on every render): renderPage gives the page whole', () => {
    const census = example('census-household');
    const { template, view } = viewAt(census, completed(census, 1), { kind: 'hub' });
    const development = createViewEngine({ noCache: true });
    expect(renderPage(development, template, view)).toBe(whole.render(template, view));
    expect(typeof renderPage(framed, template, view)).toBe('object');
  });
});

/** A made-up frame: its parts and the whitespace page-frames.ts would set apart either side of the middle. */
function frameOf(...parts: FramePart[]): Frame {
  return { parts, before: '', after: '' };
}

/** Text that deflate cannot shrink much: letters from a fixed pseudo-random sequence. */
function noisy(length: number, seed = 1): string {
  let x = seed;
  let text = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    text += String.fromCharCode(33 + (x % 90));
  }
  return text;
}

describe('gzipFramed', () => {
  const frame = frameOf('<p>', 0, '</p><main>', MIDDLE, '</main>', 1, 2, '<footer>', 3);
  const lengths = [0, 1, 2, 100, 65_534, 65_535, 65_536, 131_070, 131_071, 131_072, 200_001];

  it('writes values of every length as stored blocks: empty, one byte, and either side of 65,535 bytes', () => {
    for (const length of lengths) {
      const page: FramedPage = {
        frame,
        values: [noisy(length), 'x'.repeat(length), '', noisy(length, length)],
        middle: 'main',
      };
      expectGzipOf(gzipFramed(page), joinFramed(page));
    }
  });

  it('writes values of many bytes a character whole, though a stored block ends inside a character', () => {
    const values = ['é'.repeat(40_000), '€'.repeat(30_000), '😀'.repeat(20_000), `a${'ß'.repeat(32_767)}`];
    const page: FramedPage = { frame, values, middle: 'Cymraeg: ŵ ŷ' };
    expectGzipOf(gzipFramed(page), joinFramed(page));
  });

  it('compresses a middle of any size: empty, a byte, and over 65,535 bytes of text that compresses or does not', async () => {
    for (const middle of ['', 'a', noisy(70_000), '<p>Repeated</p>\n'.repeat(20_000), noisy(300_000, 7)]) {
      const page: FramedPage = { frame, values: ['Title', '/q?lang=cy', 'token', '12:30'], middle };
      expectGzipOf(gzipFramed(page), joinFramed(page));
      expect((await gunzipStreaming(gzipFramed(page), 4096)).toString('utf8')).toBe(joinFramed(page));
    }
  });

  it('takes frames of any arrangement: starting or ending with a value or the middle, values side by side, large static parts', () => {
    const frames = [
      frameOf(MIDDLE),
      frameOf(0, MIDDLE, 1),
      frameOf(MIDDLE, 0, 1, 2),
      frameOf(0, 1, '<b>', MIDDLE),
      frameOf(noisy(100_000, 3), 0, MIDDLE, '<svg>'.repeat(30_000), 1),
      frameOf('é€😀 static', 0, 'x', MIDDLE, 'y', 1),
      frameOf('<header>', 0, '', 1, '<nav>', MIDDLE, 2, '', 0, '<footer>'),
      frameOf('', MIDDLE, ''),
      frameOf('<a class="link">'.repeat(3000), 0, '<a class="link">', 1, '<a class="link">'.repeat(2), MIDDLE, 2),
    ];
    for (const each of frames) {
      const page: FramedPage = { frame: each, values: ['v0 &amp; “quoted”', '/a/b?lang=en', 'v2'], middle: 'the main' };
      expectGzipOf(gzipFramed(page), joinFramed(page));
    }
  });

  it('never refers back into a value: pieces compressed after values of the same lengths serve other values', () => {
    // The part after the value repeats the markup before it, and the first page's value; then a
    // run of letters that only a filler of letters (not bytes text never holds) would match.
    const markup = '<a class="ons-nav__item">';
    const after = frameOf(
      `<nav class="ons-nav">${'<a class="ons-nav__link">'.repeat(100)}`,
      0,
      `${markup}${'a'.repeat(30)}`,
      MIDDLE,
      '',
    );
    for (const value of [markup, 'x'.repeat(markup.length), '<a class="ons-nav__link">', 'é'.repeat(12), '']) {
      const page: FramedPage = { frame: after, values: [value], middle: '<main>' };
      expectGzipOf(gzipFramed(page), joinFramed(page));
    }
  });

  it('serves any number of runs of value lengths in one frame, compressing again those it no longer keeps', () => {
    const many = frameOf(`<header>${noisy(2000, 5)}`, 0, noisy(300, 5), 1, '</header>', MIDDLE);
    for (const round of [0, 1]) {
      for (let length = 0; length < 300; length += 1) {
        const page: FramedPage = { frame: many, values: [noisy(length, round), '/x'.repeat(length % 7)], middle: '' };
        expectGzipOf(gzipFramed(page), joinFramed(page));
      }
    }
  });

  it('writes each page’s own values and middle into a frame it compressed for another page', () => {
    const first: FramedPage = { frame, values: ['One', 'a', 'b', 'c'], middle: noisy(5000, 1) };
    const second: FramedPage = { frame, values: ['Two', '', 'bb', 'ccc'], middle: noisy(3000, 2) };
    for (const page of [first, second, first]) expectGzipOf(gzipFramed(page), joinFramed(page));
  });
});
