import { LRUCache } from 'lru-cache';
import nunjucks from 'nunjucks';
import { argumentsKey } from './macro-arguments-key.ts';

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
 * is the macro's text, byte for byte, as a new SafeString as the macro makes one.
 * page-frames.test.ts renders the pages of different households with and without this.
 *
 * Kept per environment, in a least-recently-used cache bounded by the characters of its keys and
 * texts together. Call before the environment renders anything: macros already handed out are not
 * memoised.
 */
export function memoiseMacros(env: nunjucks.Environment, options: MacroMemoOptions = {}): void {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  (env as unknown as Marked)[MEMO] = {
    cache: new LRUCache<string, string>({
      maxSize: maxChars,
      sizeCalculation: (text, key) => text.length + key.length,
    }),
    maxKeyChars: Math.min(options.maxKeyChars ?? DEFAULT_MAX_KEY_CHARS, maxChars),
    macros: 0,
    stats: { hits: 0, misses: 0, skipped: 0 },
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
const WORTH_IT = new Set(['answer', 'errorSummary', 'onsButton']);

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
    out[name] = WORTH_IT.has(name) && isMacro(value) ? memoised(value, `${memo.macros++}|`, memo) : value;
  }
  return out;
}

type Macro = (this: unknown, ...args: unknown[]) => unknown;
const MEMO = Symbol('memoised macros');
interface Memo {
  cache: LRUCache<string, string>;
  maxKeyChars: number;
  /** Macros memoised so far: each one's number starts its keys. */
  macros: number;
  stats: MacroMemoStats;
}
interface Marked {
  [MEMO]?: Memo;
}
const SafeString = nunjucks.runtime.SafeString;

/** A function a template exports is one of its macros (nunjucks' `makeMacro` names them all `macro`) or a global it set. */
function isMacro(value: unknown): value is Macro {
  return typeof value === 'function' && value.name === 'macro';
}

function memoised(macro: Macro, prefix: string, memo: Memo): Macro {
  const { cache, stats, maxKeyChars } = memo;
  return function memoisedMacro(this: unknown, ...args: unknown[]): unknown {
    const key = hasBody(args) ? undefined : argumentsKey(args, maxKeyChars);
    if (key === undefined) {
      stats.skipped++;
      return macro.apply(this, args);
    }
    const id = prefix + key;
    const known = cache.get(id);
    if (known !== undefined) {
      stats.hits++;
      return new SafeString(known);
    }
    stats.misses++;
    const made = macro.apply(this, args);
    if (made instanceof SafeString) cache.set(flat(id), flat(made.val));
    return made;
  };
}

/** A `{% call %}` hands the macro its body as the keyword argument `caller` (found before walking the rest). */
function hasBody(args: unknown[]): boolean {
  const last = args[args.length - 1] as { caller?: unknown } | undefined;
  return typeof last === 'object' && last !== null && Object.hasOwn(last, '__keywords') && last.caller !== undefined;
}

/**
 * The same text in one piece. Text built by `+=` (a key, a macro's markup) is a tree of the
 * hundreds of pieces it was made of; kept as it is, every piece is copied out of the young
 * generation and traced by each full collection. Slicing makes V8 copy it flat once.
 */
function flat(text: string): string {
  return ` ${text}`.slice(1);
}
