import { randomBytes } from 'node:crypto';
import nunjucks from 'nunjucks';
import { compactHtml, isSpace } from './compact.ts';

/**
 * A memoised macro's markup kept compacted, for pages that are compacted whole (and most of whose
 * markup is such calls' made again): while such a page is rendered, each call answered from memory
 * gives, between the whitespace its text starts and ends with, a token in place of its markup; the
 * page is compacted with the tokens in, then each token replaced by the markup (`withPieces`). So
 * compaction reads each call's markup once, when it is kept, instead of in every page.
 *
 * Why that is exact. A piece's markup starts with `<` and ends with `>` and holds no `<textarea` or
 * `<pre`, and so does its token (`<`, letters and digits, `>`). Compaction is one left-to-right
 * pass of one expression whose matches are quoted strings, which hold no `<` or `>`, runs of
 * whitespace, which hold neither, and `<textarea>`/`<pre>` elements. So no match starts outside the
 * markup and ends inside it or beyond it, or the other way round, and none can start inside a
 * token: the markup is compacted as it would be alone, the token is left as it is, and all around
 * them (the whitespace either side included, which is kept as it was) is compacted alike. That needs
 * the call not to sit inside a `<textarea>` or `<pre>` element or a quoted attribute value (calls
 * are between elements, and text and values are escaped, so no stray `<`, `>` or quote opens one),
 * and the templates to write a call's text in the page as it is: a token not found exactly once in
 * the compacted page (a template that dropped or changed one) makes `withPieces` give up, and the
 * page is rendered again without tokens. page-frames.test.ts renders every census and example page
 * with and without memoised macros.
 */
export type Kept = string | Piece;
export interface Piece {
  /** The whitespace the text starts with, as it was. */
  lead: string;
  /** The markup between, compacted. */
  core: string;
  trail: string;
}

/** What a call made, as a piece when its markup can stand alone; as it is otherwise. */
export function piece(text: string): Kept {
  let start = 0;
  while (start < text.length && isSpace(text.charCodeAt(start))) start++;
  let end = text.length;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  const markup = text.slice(start, end);
  if (!markup.startsWith('<') || !markup.endsWith('>') || KEPT_AS_IS.test(markup)) return flat(text);
  return { lead: flat(text.slice(0, start)), core: flat(compactHtml(markup)), trail: flat(text.slice(end)) };
}

/**
 * A kept call's text to write in the page: as it is, or, for a piece (kept, and so found, only
 * while a page is rendered with `pieces`), with a token for its markup, which `pieces` records.
 */
export function handOut(kept: Kept, pieces: string[] | undefined): nunjucks.runtime.SafeString {
  return new SafeString(written(kept, pieces));
}

/** `handOut`'s text. */
export function written(kept: Kept, pieces: string[] | undefined): string {
  if (typeof kept === 'string') return kept;
  const at = (pieces as string[]).push(kept.core) - 1;
  return `${kept.lead}${OPENING}${at}>${kept.trail}`;
}

/** A page compacted with tokens in, with each token's markup written in its place; undefined when a token is not found exactly once. */
export function withPieces(compacted: string, pieces: readonly string[]): string | undefined {
  const found = new Uint8Array(pieces.length);
  let page = '';
  let from = 0;
  for (let at = compacted.indexOf(OPENING); at >= 0; at = compacted.indexOf(OPENING, from)) {
    const end = compacted.indexOf('>', at + OPENING.length);
    const number = end < 0 ? '' : compacted.slice(at + OPENING.length, end);
    const n = DIGITS.test(number) ? Number(number) : -1;
    const markup = pieces[n];
    if (markup === undefined || found[n] !== 0) return undefined;
    found[n] = 1;
    page += compacted.slice(from, at) + markup;
    from = end + 1;
  }
  return found.every((count) => count === 1) ? page + compacted.slice(from) : undefined;
}

/**
 * The same text in one piece. Text built by `+=` (a key, a macro's markup) is a tree of the
 * hundreds of pieces it was made of; kept as it is, every piece is copied out of the young
 * generation and traced by each full collection. Slicing makes V8 copy it flat once.
 */
export function flat(text: string): string {
  return ` ${text}`.slice(1);
}

const SafeString = nunjucks.runtime.SafeString;
/** In tokens, so that no questionnaire's text can pass for one (escaped text holds no `<` anyway). */
const NONCE = randomBytes(9)
  .toString('base64url')
  .replace(/[^A-Za-z0-9]/g, 'x');
/** A token: this, a piece's number, `>`. */
const OPENING = `<memo${NONCE}x`;
const DIGITS = /^\d+$/;
/** What opens an element that compaction leaves as it is. */
const KEPT_AS_IS = /<(?:textarea|pre)\b/i;
