import { randomBytes } from 'node:crypto';
import type { LRUCache } from 'lru-cache';
import nunjucks from 'nunjucks';
import { PageText } from '../view-models/html.ts';
import { argumentsKey } from './macro-arguments-key.ts';
import { flat, type Kept, piece, written } from './memo-pieces.ts';

/**
 * A macro's markup kept with holes: where the page's own texts (PageText arguments) and the body
 * of a `{% call %}` go. The macro is made with a marker in place of each (`marked`), its text split
 * at the markers (`splitAtMarkers`), and a call is then that text with each hole's own text written
 * in (`memoisedWithHoles`).
 *
 * Exact for a macro that writes those texts as they are and looks at nothing of them but whether
 * they are there (a marker is there exactly when a page's text, never empty, is; a body always
 * is): the views/partials/question.njk `question` macro writes its body once, and its title goes
 * as it is to the ONS onsQuestion's `<h1>` or onsFieldset's legend (both `| safe`, which tell it
 * only from nothing). That is what makes it exact; as a check against a text changed on its way
 * (a filter), a call is made both ways before it is kept, and kept only if its text with markers,
 * the holes' own texts written in, is its text. (A macro that chose what to write by a hole's
 * length, say, could pass that check and not be exact: only such macros are given holes.)
 */
export interface Holed {
  /** The markup between the holes (one more than the holes), each kept as memo-pieces.ts keeps text. */
  segments: Kept[];
  /** Which hole each gap is: a PageText by its place among the arguments, or the body. */
  holes: (number | typeof BODY)[];
}
export const BODY = 'body';

/** What memoised-macros.ts keeps per environment that a macro with holes uses. */
export interface MemoState {
  cache: LRUCache<string, Kept | Holed>;
  maxKeyChars: number;
  stats: { hits: number; misses: number; skipped: number };
  /** While a page is rendered by `renderCompacted`: the compacted markup its tokens stand for, by number. */
  pieces?: string[];
  /** Keys of calls with holes met once (not kept yet). */
  metOnce: Set<string>;
}
type Macro = (this: unknown, ...args: unknown[]) => unknown;

/**
 * A macro kept with holes: a call with PageText among its arguments is looked for by its other
 * arguments and whether it has a body; one met again is made as it is and with markers, and kept
 * when the two agree. A call without is made as it is: its markup is the page's own altogether.
 */
export function memoisedWithHoles(macro: Macro, number: number, memo: MemoState): Macro {
  const { cache, stats, maxKeyChars } = memo;
  const prefixes = [`${number}|`, `${number}c|`];
  return function memoisedMacro(this: unknown, ...args: unknown[]): unknown {
    const last = args[args.length - 1];
    const keywords = isKeywords(last) ? last : undefined;
    const body = typeof keywords?.caller === 'function' ? (keywords.caller as Macro) : undefined;
    const key = args.some((arg) => arg instanceof PageText)
      ? argumentsKey(
          // A hole's place is in `shape`, below.
          args.map((arg) =>
            arg instanceof PageText ? null : arg === keywords && body ? { ...keywords, caller: BODY } : arg,
          ),
          maxKeyChars,
        )
      : undefined;
    if (key === undefined) {
      stats.skipped++;
      return macro.apply(this, args);
    }
    const { pieces } = memo;
    // Where the holes are, and whether there is a body, set apart keys that would otherwise read alike.
    const shape = args.map((arg) => (arg instanceof PageText ? 'h' : '-')).join('');
    const id = `${prefixes[pieces ? 1 : 0]}${body ? 'b' : 'n'}${shape}|${key}`;
    const known = cache.get(id) as Holed | undefined;
    if (known !== undefined) {
      stats.hits++;
      // The body is made once, as the macro makes it (written where its one marker was).
      const bodyText = known.holes.includes(BODY) ? String(body?.call(this)) : '';
      let text = written(known.segments[0] as Kept, pieces);
      known.holes.forEach((hole, i) => {
        text += hole === BODY ? bodyText : (args[hole] as PageText).val;
        text += written(known.segments[i + 1] as Kept, pieces);
      });
      return new SafeString(text);
    }
    stats.misses++;
    // Many calls are met once (a question whose answers are a household's own): a call is made
    // with markers too, and kept, only when met again.
    if (!memo.metOnce.has(id)) {
      if (memo.metOnce.size >= MAX_MET_ONCE) memo.metOnce.clear();
      memo.metOnce.add(id);
      return macro.apply(this, args);
    }
    memo.metOnce.delete(id);
    memo.pieces = undefined;
    let bodyText: string | undefined;
    let made: unknown;
    let withMarkers: unknown;
    try {
      const writing = body && { ...keywords, caller: recording(body, (text) => (bodyText = text)) };
      made = macro.apply(this, writing ? [...args.slice(0, -1), writing] : args);
      withMarkers = macro.apply(this, marked(args));
    } finally {
      memo.pieces = pieces;
    }
    if (made instanceof SafeString && withMarkers instanceof SafeString) {
      const { segments, holes } = splitAtMarkers(withMarkers.val);
      if (filled(segments, holes, args, bodyText) === made.val) {
        cache.set(flat(id), { segments: segments.map((segment) => (pieces ? piece(segment) : flat(segment))), holes });
      }
    }
    return made;
  };
}

/** A body that tells `record` the text it gave, last. */
function recording(body: Macro, record: (text: string) => void): Macro {
  return function caller(this: unknown, ...args: unknown[]) {
    const made = body.apply(this, args);
    record(String(made));
    return made;
  };
}

/** Calls with holes met once and not since, remembered at most (then forgotten all at once). */
const MAX_MET_ONCE = 2_000;

/** The keyword arguments nunjucks passes last (a `{% call %}`'s body among them, as `caller`). */
export function isKeywords(value: unknown): value is { caller?: unknown } {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, '__keywords');
}

/** The arguments with a marker for each PageText among them and for the body, if they have one. */
export function marked(args: readonly unknown[]): unknown[] {
  return args.map((arg, i) => {
    if (arg instanceof PageText) return new SafeString(marker(i));
    if (i === args.length - 1 && isKeywords(arg) && arg.caller !== undefined) {
      return { ...arg, caller: () => new SafeString(marker(BODY)) };
    }
    return arg;
  });
}

/** A macro's text made with markers, split at them. */
export function splitAtMarkers(text: string): { segments: string[]; holes: Holed['holes'] } {
  const segments: string[] = [];
  const holes: Holed['holes'] = [];
  let from = 0;
  for (const match of text.matchAll(MARKER)) {
    segments.push(text.slice(from, match.index));
    holes.push(match[1] === BODY ? BODY : Number(match[1]));
    from = match.index + match[0].length;
  }
  segments.push(text.slice(from));
  return { segments, holes };
}

/** Text split at its holes, with the arguments' own texts and the body written in; undefined for a hole without one. */
export function filled(
  segments: readonly string[],
  holes: Holed['holes'],
  args: readonly unknown[],
  body: string | undefined,
): string | undefined {
  let text = segments[0] ?? '';
  for (let i = 0; i < holes.length; i++) {
    const hole = holes[i];
    const arg = hole === BODY ? undefined : args[hole as number];
    const written = hole === BODY ? body : arg instanceof PageText ? arg.val : undefined;
    if (written === undefined) return undefined;
    text += written + (segments[i + 1] ?? '');
  }
  return text;
}

const SafeString = nunjucks.runtime.SafeString;
/** Markers are letters and digits, which escaping and compaction leave alone, around a random nonce. */
const NONCE = randomBytes(9)
  .toString('base64url')
  .replace(/[^A-Za-z0-9]/g, 'x');
const marker = (hole: number | typeof BODY) => `hole${NONCE}x${hole}y`;
const MARKER = new RegExp(`hole${NONCE}x(\\d+|${BODY})y`, 'g');
