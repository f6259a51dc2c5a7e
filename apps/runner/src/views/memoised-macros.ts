import { LRUCache } from 'lru-cache';
import nunjucks from 'nunjucks';
import { isSharedView } from '../view-models/answers/shared-views.ts';
import { compactHtml } from './compact.ts';
import { argumentsKey } from './macro-arguments-key.ts';
import { type Holed, type MemoState, memoisedWithHoles } from './macro-holes.ts';
import { flat, handOut, type Kept, piece, withPieces } from './memo-pieces.ts';

/**
 * Much of a page's main content is the same markup for every respondent: the radios and
 * checkboxes of a question with their options, its empty inputs, the form's button. Nunjucks
 * made it again for each page, a frame and a lookup at a time. Here what a call of such a macro
 * returns is kept, by the macro and its arguments, and handed out again for a call with the same
 * arguments.
 *
 * That is exact for the macros imported-macros.ts hands out (templates imported without context,
 * as all of ours and the Design System's are): such a macro sees its arguments, its own
 * template's top level (run once, with an empty context) and the environment's filters and
 * globals, which engine.ts sets before any page is rendered and which are pure; it changes none
 * of its arguments (templates can only call their methods, and none of these do). A call with a
 * body (`{% call %}`) hands the macro its `caller`, a function of the calling template, and is
 * never kept; nor is a call whose arguments are not plain data (argumentsKey). What is handed out
 * is the macro's text, byte for byte, as a new SafeString as the macro makes one; or, while a page
 * is rendered by `renderCompacted`, that text with a token for its markup, which is kept compacted
 * (memo-pieces.ts; such calls are kept under keys of their own). A call whose one argument is a
 * shared view (view-models/answers/shared-views.ts: the same object for every page that shows it,
 * changed by none) is also found by that object, without walking it for a key.
 * page-frames.test.ts renders the pages of different households with and without this.
 *
 * Kept per environment, in a least-recently-used cache bounded by the characters of its keys and
 * texts together. Call before the environment renders anything: macros already handed out are not
 * memoised.
 */
export function memoiseMacros(env: nunjucks.Environment, options: MacroMemoOptions = {}): void {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  (env as unknown as Marked)[MEMO] = {
    cache: new LRUCache<string, Kept | Holed>({
      maxSize: maxChars,
      sizeCalculation: (kept, key) => key.length + charsOf(kept),
    }),
    maxKeyChars: Math.min(options.maxKeyChars ?? DEFAULT_MAX_KEY_CHARS, maxChars),
    macros: 0,
    stats: { hits: 0, misses: 0, skipped: 0 },
    byView: [new WeakMap(), new WeakMap()],
    metOnce: new Set(),
  };
}

export interface MacroMemoOptions {
  /** Characters of keys and texts kept at most (Node holds most as one byte each, two if not Latin-1). */
  maxChars?: number;
  /** A call whose arguments' key would be longer is made and not kept. */
  maxKeyChars?: number;
}

/** Calls of memoised macros: answered from memory, made and kept, and made without a key (a `{% call %}`, or not plain data). */
export interface MacroMemoStats {
  hits: number;
  misses: number;
  skipped: number;
}

/**
 * 4 M characters: 4 to 8 MB. A census household's pages make about 300 different calls worth
 * keeping (under 0.5 M characters), and each household adds a few calls of its own (a question
 * that names someone): those are the ones that go first.
 */
const DEFAULT_MAX_CHARS = 4_000_000;
const DEFAULT_MAX_KEY_CHARS = 16_000;

/**
 * The macros worth it: those our templates call with the same arguments for most respondents (an
 * answer: its fields with their options; the error summary, empty on most pages; the buttons).
 * Any macro could be memoised exactly; these are where it pays. A call made again after all
 * costs more than one never memoised: besides its key, the macro's code runs so seldom that V8
 * has not compiled it. So not `contents` or `onsSummary` (text about someone: a household member's
 * name, their answers), nor the Design System's fields inside `answer` (met again only when the
 * answer around them is, and then the answer is).
 */
const WORTH_IT = new Set(['answer', 'errorSummary', 'onsButton', 'question']);
/**
 * Of those, the macros kept with holes for the page's own texts (PageText) and their body
 * (macro-holes.ts): a question, the same for most households but for its title, which names
 * someone, and the list or item shown before it.
 */
const WITH_HOLES = new Set(['question']);

/** The calls counted so far, for benchmarks and tests; undefined when the environment has no memo. */
export function macroMemoStats(env: nunjucks.Environment): MacroMemoStats | undefined {
  const stats = (env as unknown as Marked)[MEMO]?.stats;
  return stats && { ...stats };
}

/**
 * The exports of a template imported without context (imported-macros.ts), with the macros worth
 * it memoised if the environment memoises them; anything else as it was. Called once per template
 * object.
 */
export function withMemoisedMacros(env: unknown, exported: Record<string, unknown>): Record<string, unknown> {
  const memo = (env as Marked)[MEMO];
  if (!memo) return exported;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(exported)) {
    if (!WORTH_IT.has(name) || !isMacro(value)) out[name] = value;
    else
      out[name] = WITH_HOLES.has(name)
        ? memoisedWithHoles(value, memo.macros++, memo)
        : memoised(value, memo.macros++, memo);
  }
  return out;
}

type Macro = (this: unknown, ...args: unknown[]) => unknown;
const MEMO = Symbol('memoised macros');
interface Memo extends MemoState {
  /** Macros memoised so far: each one's number starts its keys. */
  macros: number;
  /** What calls whose one argument is a shared view made, by that object: as text, and as pieces. */
  byView: [WeakMap<object, Kept>, WeakMap<object, Kept>];
}
interface Marked {
  [MEMO]?: Memo;
}
const SafeString = nunjucks.runtime.SafeString;

/** A function a template exports is one of its macros (nunjucks' `makeMacro` names them all `macro`) or a global it set. */
function isMacro(value: unknown): value is Macro {
  return typeof value === 'function' && value.name === 'macro';
}

function memoised(macro: Macro, number: number, memo: Memo): Macro {
  const { cache, stats, maxKeyChars } = memo;
  // Calls made for pages compacted whole keep their text as a piece, under keys of their own.
  const prefixes = [`${number}|`, `${number}c|`];
  return function memoisedMacro(this: unknown, ...args: unknown[]): unknown {
    const { pieces } = memo;
    const mode = pieces ? 1 : 0;
    const [only] = args;
    const view =
      args.length === 1 && typeof only === 'object' && only !== null && isSharedView(only) ? only : undefined;
    const byView = view && memo.byView[mode];
    const found = view && byView?.get(view);
    if (found !== undefined) {
      stats.hits++;
      return handOut(found, pieces);
    }
    const key = hasBody(args) ? undefined : argumentsKey(args, maxKeyChars);
    if (key === undefined) {
      stats.skipped++;
      return macro.apply(this, args);
    }
    const id = prefixes[mode] + key;
    // A macro's keys start with its number: kept text without holes.
    const known = cache.get(id) as Kept | undefined;
    if (known !== undefined) {
      stats.hits++;
      if (view) byView?.set(view, known);
      return handOut(known, pieces);
    }
    stats.misses++;
    // What this call makes is kept: the memoised calls it makes in turn give their text, not tokens.
    memo.pieces = undefined;
    let made: unknown;
    try {
      made = macro.apply(this, args);
    } finally {
      memo.pieces = pieces;
    }
    if (!(made instanceof SafeString)) return made;
    const kept = pieces ? piece(made.val) : flat(made.val);
    cache.set(flat(id), kept);
    if (view) byView?.set(view, kept);
    // Its markup, compacted to be kept, need not be compacted again with the page's.
    return handOut(kept, pieces);
  };
}

/** Characters a kept text holds. */
function charsOf(kept: Kept | Holed): number {
  if (typeof kept === 'string') return kept.length;
  if ('segments' in kept) return kept.segments.reduce<number>((sum, segment) => sum + charsOf(segment), 0);
  return kept.lead.length + kept.core.length + kept.trail.length;
}

/**
 * A page (or any text) rendered by `render` and compacted (compact.ts), exactly as
 * `compactHtml(render())`, with the markup of memoised calls answered from memory compacted when it
 * was kept (memo-pieces.ts).
 */
export function renderCompacted(env: nunjucks.Environment, render: () => string): string {
  const memo = (env as unknown as Marked)[MEMO];
  if (!memo) return compactHtml(render());
  // A page rendered while another is has pieces of its own.
  const outer = memo.pieces;
  const pieces: string[] = [];
  memo.pieces = pieces;
  let rendered: string;
  try {
    rendered = render();
  } finally {
    memo.pieces = outer;
  }
  if (pieces.length === 0) return compactHtml(rendered);
  return withPieces(compactHtml(rendered), pieces) ?? withoutPieces(memo, render);
}

/** `render` compacted, with memoised calls giving their text. */
function withoutPieces(memo: Memo, render: () => string): string {
  const outer = memo.pieces;
  memo.pieces = undefined;
  try {
    return compactHtml(render());
  } finally {
    memo.pieces = outer;
  }
}

/** A `{% call %}` hands the macro its body as the keyword argument `caller` (found before walking the rest). */
function hasBody(args: unknown[]): boolean {
  const last = args[args.length - 1] as { caller?: unknown } | undefined;
  return typeof last === 'object' && last !== null && Object.hasOwn(last, '__keywords') && last.caller !== undefined;
}
