import { randomBytes } from 'node:crypto';
import nunjucks from 'nunjucks';
import { escapeHtml } from '../view-models/html.ts';
import { frameKeyOf, type PageFrame } from '../view-models/page.ts';
import { compactHtml, isSpace } from './compact.ts';

/**
 * Everything around a page's main content (head, ONS header with its logos, language switch,
 * footer, timeout modal: four fifths of a question page) is the same for every page of a
 * questionnaire in one language, but for a few values: the document title, the page's own URL in
 * the language links, the Previous link, the CSRF token and the session's end. Nunjucks made and
 * compaction scanned that markup again for every page. Here it is rendered and compacted once per
 * frame shape, with a token in place of each of those values, and split at the tokens; a page is
 * then its parts with the values written in, around its main content rendered alone.
 *
 * The result is byte for byte what rendering the whole page and compacting it gives
 * (page-frames.test.ts renders every page of a census household both ways): a value is written as
 * the layout writes it (escaped, unless it is already Html), and values that compaction could
 * touch or that could change how it reads the page (line breaks, whitespace at an end, quotes,
 * angle brackets) send the page down the whole-page path instead.
 */
export interface FramedPages {
  /**
   * The page as its cached frame's parts and its own (`joinFramed` makes it whole, compacted);
   * undefined when its frame cannot be cached and it must be rendered whole.
   */
  parts(template: string, view: Record<string, unknown>): FramedPage | undefined;
}

/**
 * A frame shape, compacted and split, made once and shared by every page of that shape (so what
 * is worked out from it, such as its markup compressed, can be kept beside it).
 */
export interface Frame {
  /** Static markup, the index of a per-request value, or where the page's middle goes. */
  readonly parts: readonly FramePart[];
  /**
   * The whitespace that ends the markup before the main content, and that starts the markup after
   * it: compaction merges it with the main content's own, so it belongs to each page's middle.
   */
  readonly before: string;
  readonly after: string;
}
export type FramePart = string | number | typeof MIDDLE;
export const MIDDLE = Symbol('middle');

/** A page as parts: its frame's, its values as the layout writes them, and its middle. */
export interface FramedPage {
  readonly frame: Frame;
  readonly values: readonly string[];
  /** The main content with the frame's whitespace either side of it, as compacting the whole page joins them. */
  readonly middle: string;
}

/** The page whole: each part of its frame in turn, with its values and its middle written in. */
export function joinFramed({ frame, values, middle }: FramedPage): string {
  let page = '';
  for (const part of frame.parts) {
    page += part === MIDDLE ? middle : typeof part === 'number' ? (values[part] ?? '') : part;
  }
  return page;
}

/** The main content of a page template alone: a page extends `frameLayout` when it is given, this, not layout.njk. */
const MAIN_ONLY = 'main-only.njk';
/**
 * Tokens are letters and digits, which escaping and compaction leave alone, around a random
 * nonce, so that no questionnaire's text can pass for one.
 */
const NONCE = randomBytes(9)
  .toString('base64url')
  .replace(/[^A-Za-z0-9]/g, 'x');
const token = (name: string | number) => `slot${NONCE}${name}x`;
const TOKEN = new RegExp(`slot${NONCE}(main|\\d+)x`);
const FRAME_SOURCE = `{% extends "layout.njk" %}{% block main %}${token('main')}{% endblock %}`;
/** Frame shapes kept at most: one per questionnaire, language and kind of page is typical. */
const MAX_FRAMES = 500;
/** What no value may hold, lest compaction read the whole page differently from its parts. */
const UNSAFE_VALUE = /^\s|\s$|[\n"'<>]/;

/** `render`: a page's main content, compacted (views/compact.ts). */
export function framedPages(
  env: nunjucks.Environment,
  render: (template: string, view: object) => string,
): FramedPages {
  const frameTemplate = new nunjucks.Template(FRAME_SOURCE, env, 'page-frame');
  /** Each frame shape's frame, with the number of values it takes; undefined for a shape that cannot be cached. */
  const frames = new Map<string, { frame: Frame; slots: number } | undefined>();

  function frameOf(page: PageFrame): { frame: Frame; slots: number } | undefined {
    const known = frameKeyOf(page);
    const shape = known === undefined ? shapeOf(page) : undefined;
    const key = known ?? JSON.stringify(shape?.shape);
    const cached = frames.get(key);
    if (cached !== undefined || frames.has(key)) return cached;
    const made = shape ?? shapeOf(page);
    const frame = splitFrame(compactHtml(frameTemplate.render({ page: made.shape })));
    const kept = frame && { frame, slots: made.slots };
    if (frames.size >= MAX_FRAMES) frames.delete(frames.keys().next().value as string);
    frames.set(key, kept);
    return kept;
  }

  function parts(template: string, view: Record<string, unknown>): FramedPage | undefined {
    const page = view.page as PageFrame | undefined;
    const values = template.startsWith('pages/') && isFrame(page) ? valuesOf(page) : undefined;
    const made = values && frameOf(page as PageFrame);
    // A frame takes the values its shape had tokens for: pages whose frames share a key have as many.
    if (!values || !made || made.slots !== values.length) return undefined;
    const { frame } = made;
    const main = render(template, { ...view, frameLayout: MAIN_ONLY });
    // Only the main content's ends can meet whitespace (values neither start nor end with any), and
    // `before` and `after` are the whole runs of it at the frame's edges: joined with them alone, the
    // main content comes out as joined with the markup either side.
    const middle = joinCompacted(joinCompacted(frame.before, main), frame.after);
    return { frame, values, middle };
  }

  return { parts };
}

function isFrame(frame: unknown): frame is PageFrame {
  const { header, documentTitle } = (frame ?? {}) as Partial<PageFrame>;
  return typeof header === 'object' && header !== null && documentTitle !== undefined;
}

// A frame's per-request values, in the order their tokens are numbered: the document title, each
// language link's URL, each Previous link's URL, the CSRF token, the session notice, the session's
// end. `valuesOf` reads them for every page; `shapeOf` writes the tokens in their place only when a
// frame is made, and how many it wrote is kept with the frame.
type Slotted = { url: string }[] | undefined;
const languageLinksOf = (frame: PageFrame) =>
  (frame.header.language as { languages?: { url: string }[] } | undefined)?.languages;
const previousLinksOf = (frame: PageFrame): Slotted =>
  frame.previous ? (frame.previous.itemsList as Slotted) : undefined;
const hasExpiry = (frame: PageFrame) => typeof frame.timeout?.sessionExpiresAt === 'string';

/** The frame's per-request values as the layout writes them; undefined when one could change how compaction reads the page. */
function valuesOf(frame: PageFrame): string[] | undefined {
  const values = [written(frame.documentTitle)];
  for (const link of languageLinksOf(frame) ?? []) values.push(written(link.url));
  for (const item of previousLinksOf(frame) ?? []) values.push(written(item.url));
  if (frame.signOut?.csrfToken !== undefined) values.push(written(frame.signOut.csrfToken));
  if (frame.sessionNotice !== undefined) values.push(written(frame.sessionNotice));
  if (hasExpiry(frame)) values.push(written(frame.timeout?.sessionExpiresAt as string));
  return values.every(isSafe) ? values : undefined;
}

/** As the layout writes a value: Html as it is, text escaped (autoescape). */
function written(value: string | nunjucks.runtime.SafeString): string {
  return typeof value === 'string' ? escapeHtml(value) : String(value);
}

function isSafe(written: string): boolean {
  return written !== '' && !UNSAFE_VALUE.test(written) && !written.includes(NONCE);
}

/** The frame with a token in place of each per-request value (as Html where the value is), and how many. */
function shapeOf(frame: PageFrame): { shape: PageFrame; slots: number } {
  let next = 0;
  const slot = <T extends string | nunjucks.runtime.SafeString>(value: T): T => {
    const slotToken = token(next++);
    return (typeof value === 'string' ? slotToken : new nunjucks.runtime.SafeString(slotToken)) as T;
  };
  const shape: PageFrame = { ...frame, documentTitle: slot(frame.documentTitle) };
  const languages = languageLinksOf(frame);
  if (languages) {
    shape.header = {
      ...frame.header,
      language: {
        ...(frame.header.language as object),
        languages: languages.map((link) => ({ ...link, url: slot(link.url) })),
      },
    };
  }
  const back = previousLinksOf(frame);
  if (frame.previous && back) {
    shape.previous = { ...frame.previous, itemsList: back.map((item) => ({ ...item, url: slot(item.url) })) };
  }
  if (frame.signOut?.csrfToken !== undefined) {
    shape.signOut = { ...frame.signOut, csrfToken: slot(frame.signOut.csrfToken) };
  }
  if (frame.sessionNotice !== undefined) shape.sessionNotice = slot(frame.sessionNotice);
  if (hasExpiry(frame))
    shape.timeout = { ...frame.timeout, sessionExpiresAt: slot(frame.timeout?.sessionExpiresAt as string) };
  return { shape, slots: next };
}

/**
 * The compacted frame split at its tokens, the whitespace either side of the main content set
 * apart; undefined when a token did not come out as it went in.
 */
function splitFrame(compacted: string): Frame | undefined {
  const pieces: FramePart[] = compacted
    .split(TOKEN)
    .map((piece, i) => (i % 2 === 0 ? piece : piece === 'main' ? MIDDLE : Number(piece)));
  const intact = pieces.every((piece) => typeof piece !== 'string' || !piece.includes(NONCE));
  if (!intact || pieces.filter((piece) => piece === MIDDLE).length !== 1) return undefined;
  // The markup either side of a token is a string, if an empty one.
  const at = pieces.indexOf(MIDDLE);
  const left = pieces[at - 1] as string;
  const right = pieces[at + 1] as string;
  let end = left.length;
  while (end > 0 && isSpace(left.charCodeAt(end - 1))) end--;
  let start = 0;
  while (start < right.length && isSpace(right.charCodeAt(start))) start++;
  const parts: FramePart[] = [
    ...pieces.slice(0, at - 1),
    left.slice(0, end),
    MIDDLE,
    right.slice(start),
    ...pieces.slice(at + 2),
  ];
  return { parts: parts.filter((part) => part !== ''), before: left.slice(end), after: right.slice(0, start) };
}

/**
 * Two compacted texts joined as compacting them together would: whitespace meeting across the
 * join (the layout's indentation before the main content, the content's own after it) becomes
 * one line break when it holds one.
 */
export function joinCompacted(left: string, right: string): string {
  if (!isSpace(left.charCodeAt(left.length - 1)) || !isSpace(right.charCodeAt(0))) return left + right;
  let end = left.length;
  while (end > 0 && isSpace(left.charCodeAt(end - 1))) end--;
  let start = 0;
  while (start < right.length && isSpace(right.charCodeAt(start))) start++;
  return left.slice(0, end) + compactHtml(left.slice(end) + right.slice(0, start)) + right.slice(start);
}
