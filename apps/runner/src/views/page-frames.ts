import { randomBytes } from 'node:crypto';
import nunjucks from 'nunjucks';
import { escapeHtml } from '../view-models/html.ts';
import type { PageFrame } from '../view-models/page.ts';
import { compactHtml } from './compact.ts';

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
  /** The page, compacted, when its frame can be cached; undefined when it must be rendered whole. */
  render(template: string, view: Record<string, unknown>): string | undefined;
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

/** A frame as parts: static markup, the index of a value, or the main content. */
type Part = string | number | typeof MAIN;
const MAIN = Symbol('main');

/** `render`: the environment's own, which does not compact. */
export function framedPages(
  env: nunjucks.Environment,
  render: (template: string, view: object) => string,
): FramedPages {
  const frameTemplate = new nunjucks.Template(FRAME_SOURCE, env, 'page-frame');
  const frames = new Map<string, Part[] | undefined>();

  function partsOf(shape: PageFrame): Part[] | undefined {
    const key = JSON.stringify(shape);
    if (frames.has(key)) return frames.get(key);
    const parts = splitFrame(compactHtml(frameTemplate.render({ page: shape })));
    if (frames.size >= MAX_FRAMES) frames.delete(frames.keys().next().value as string);
    frames.set(key, parts);
    return parts;
  }

  return {
    render(template, view) {
      const frame = view.page as PageFrame | undefined;
      const slots = template.startsWith('pages/') && isFrame(frame) ? slotsOf(frame) : undefined;
      const parts = slots && partsOf(slots.shape);
      if (!slots || !parts) return undefined;
      const main = compactHtml(render(template, { ...view, frameLayout: MAIN_ONLY }));
      // Only the main content's ends can meet whitespace (values neither start nor end with any);
      // the markup either side of a token is a string, if an empty one (splitFrame).
      const at = parts.indexOf(MAIN);
      const joined = joinCompacted(joinCompacted(parts[at - 1] as string, main), parts[at + 1] as string);
      let page = '';
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i] as Part;
        if (i === at - 1 || i === at + 1) continue;
        page += part === MAIN ? joined : typeof part === 'number' ? (slots.values[part] ?? '') : part;
      }
      return page;
    },
  };
}

function isFrame(frame: unknown): frame is PageFrame {
  const { header, documentTitle } = (frame ?? {}) as Partial<PageFrame>;
  return typeof header === 'object' && header !== null && documentTitle !== undefined;
}

/** The frame with a token for each per-request value, and those values as the layout writes them. */
function slotsOf(frame: PageFrame): { shape: PageFrame; values: string[] } | undefined {
  const values: string[] = [];
  let safe = true;
  const slot = <T extends string | nunjucks.runtime.SafeString>(value: T): T => {
    // As the layout writes it: Html as it is, text escaped (autoescape).
    const written = typeof value === 'string' ? escapeHtml(value) : String(value);
    if (written === '' || UNSAFE_VALUE.test(written) || written.includes(NONCE)) safe = false;
    const slotToken = token(values.push(written) - 1);
    return (typeof value === 'string' ? slotToken : new nunjucks.runtime.SafeString(slotToken)) as T;
  };
  const shape: PageFrame = { ...frame, documentTitle: slot(frame.documentTitle) };
  const language = frame.header.language as { languages?: { url: string }[] } | undefined;
  if (language?.languages) {
    shape.header = {
      ...frame.header,
      language: { ...language, languages: language.languages.map((link) => ({ ...link, url: slot(link.url) })) },
    };
  }
  const back = frame.previous?.itemsList as { url: string }[] | undefined;
  if (frame.previous && back) {
    shape.previous = { ...frame.previous, itemsList: back.map((item) => ({ ...item, url: slot(item.url) })) };
  }
  if (frame.signOut?.csrfToken !== undefined) {
    shape.signOut = { ...frame.signOut, csrfToken: slot(frame.signOut.csrfToken) };
  }
  if (frame.sessionNotice !== undefined) shape.sessionNotice = slot(frame.sessionNotice);
  if (typeof frame.timeout?.sessionExpiresAt === 'string') {
    shape.timeout = { ...frame.timeout, sessionExpiresAt: slot(frame.timeout.sessionExpiresAt) };
  }
  return safe ? { shape, values } : undefined;
}

/** The compacted frame split at its tokens; undefined when a token did not come out as it went in. */
function splitFrame(compacted: string): Part[] | undefined {
  const pieces = compacted.split(TOKEN);
  const parts: Part[] = pieces.map((piece, i) => (i % 2 === 0 ? piece : piece === 'main' ? MAIN : Number(piece)));
  const intact = parts.every((part) => typeof part !== 'string' || !part.includes(NONCE));
  return intact && parts.filter((part) => part === MAIN).length === 1 ? parts : undefined;
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

/** Space, tab, line feed, carriage return: the whitespace of templates. */
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}
