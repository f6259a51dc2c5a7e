import type { AnswerError, FormInput } from '@eq/engine';
import type { Answer } from '@eq/schema';
import { answerView } from './answer-view.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerView } from './view.ts';

/**
 * An answer's view, the same object for every page that shows the answer with the same values,
 * errors and language: most respondents see an answer as others did (its options, none chosen or
 * one of a few), and building the view again, then finding its markup by all it holds
 * (views/memoised-macros.ts), cost more than anything else on a question page but the template.
 *
 * Exact because a view is made from the answer and what the view-model reads of its context:
 * the page's language and the questionnaire's default (which a text missing in the language falls
 * back to), whether the question's title is the answer's legend, and the posted or saved field
 * values and the errors it reads. The first time an answer is shown in a language, its view is
 * made with those reads recorded (`recorded`), in order; after that, a view is looked for by what
 * the same reads find now. The making is a fixed sequence of reads: given the same values at the
 * same reads, it reads the same next and makes the same view. A view whose making read anything
 * else of the context (a text's placeholder, which reads the response; a value listed rather than
 * read by name) is made afresh every time, and so is one whose reads differ from the first's, or
 * whose values are not text. Views handed out here are shared, so no one changes them
 * (`isSharedView`: the view engine may then keep their markup by the object).
 */
export function sharedAnswerView(answer: Answer, a: AnswerContext): AnswerView {
  const where = `${a.ctx.lang}|${a.ctx.compiled.defaultLanguage}|${a.grouped}`;
  let byContext = answers.get(answer);
  if (!byContext) {
    byContext = new Map();
    answers.set(answer, byContext);
  }
  const kept = byContext.get(where);
  if (kept === UNSHARED) return answerView(answer, a);
  const key = kept && readsKey(kept.reads, a);
  const known = key === undefined ? undefined : kept?.views.get(key);
  if (known) {
    // The most recently used go last, so the least go first when there are too many.
    kept?.views.delete(key as string);
    kept?.views.set(key as string, known);
    return known;
  }
  const { view, reads } = recorded(answer, a);
  if (!kept) byContext.set(where, reads ? { reads, views: new Map() } : UNSHARED);
  const into = kept ?? byContext.get(where);
  if (!reads || !into || into === UNSHARED || !sameReads(into.reads, reads)) return view;
  const madeKey = readsKey(reads, a);
  if (madeKey === undefined) return view;
  if (into.views.size >= MAX_VIEWS) into.views.delete(into.views.keys().next().value as string);
  into.views.set(madeKey, view);
  shared.add(view);
  return view;
}

/** Whether a view came from `sharedAnswerView`, and so is the same object for each page that shows it, changed by none. */
export function isSharedView(value: object): boolean {
  return shared.has(value);
}

/** Views kept per answer and context: an answer's few usual views, and a household's own for a while. */
const MAX_VIEWS = 32;

/** The fields and errors a view was made from, in the order they were read. */
interface Reads {
  fields: string[];
  errors: string[];
}
interface Kept {
  reads: Reads;
  /** Views by what the reads found (`readsKey`), least recently used first. */
  views: Map<string, AnswerView>;
}

/** An answer, in a context, whose first view read more than values and errors by name: never shared. */
const UNSHARED = Symbol('unshared');
const answers = new WeakMap<Answer, Map<string, Kept | typeof UNSHARED>>();
const shared = new WeakSet<object>();

/** What the reads find now, as a text that two findings share only when they are the same; undefined when a value is not text. */
function readsKey(reads: Reads, a: AnswerContext): string | undefined {
  let key = '';
  for (const field of reads.fields) {
    const value = Object.hasOwn(a.values, field) ? a.values[field] : undefined;
    if (typeof value === 'string') key += `s${value.length}:${value}`;
    else if (value === undefined) key += 'u';
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
      key += `a${value.length}:`;
      for (const item of value) key += `${item.length}:${item}`;
    } else return undefined;
  }
  for (const id of reads.errors) {
    const error = a.errors.get(id);
    if (error === undefined) {
      key += 'u';
      continue;
    }
    key += 'e';
    for (const [name, value] of Object.entries(error)) {
      if (typeof value !== 'string') return undefined;
      key += `${name.length}:${name}${value.length}:${value}`;
    }
  }
  return key;
}

function sameReads(left: Reads, right: Reads): boolean {
  const same = (x: string[], y: string[]) => x.length === y.length && x.every((item, i) => item === y[i]);
  return same(left.fields, right.fields) && same(left.errors, right.errors);
}

/**
 * The answer's view, made with every read of the field values and the errors recorded; no reads
 * when it read more of its context than the language (and default language) and those by name.
 */
function recorded(answer: Answer, a: AnswerContext): { view: AnswerView; reads?: Reads } {
  const reads: Reads = { fields: [], errors: [] };
  let whole = false;
  // The context's language and default language are in the key; reading anything else of it (or listing it) is not.
  const beyond = {
    has: (target: object, name: string | symbol) => {
      whole = true;
      return Reflect.has(target, name);
    },
    ownKeys: (target: object) => {
      whole = true;
      return Reflect.ownKeys(target);
    },
    getOwnPropertyDescriptor: (target: object, name: string | symbol) => {
      whole = true;
      return Reflect.getOwnPropertyDescriptor(target, name);
    },
  };
  const compiled = new Proxy(a.ctx.compiled, {
    ...beyond,
    get: (target, name) => {
      if (name !== 'defaultLanguage') whole = true;
      return Reflect.get(target, name);
    },
  });
  const ctx = new Proxy(a.ctx, {
    ...beyond,
    get: (target, name) => {
      if (name === 'compiled') return compiled;
      if (name !== 'lang') whole = true;
      return Reflect.get(target, name);
    },
  }) as AnswerContext['ctx'];
  const note = (list: string[], name: string | symbol) => {
    if (typeof name !== 'string') whole = true;
    else if (!list.includes(name)) list.push(name);
  };
  const values = new Proxy(a.values, {
    get: (target, name) => {
      note(reads.fields, name);
      return Reflect.get(target, name);
    },
    getOwnPropertyDescriptor: (target, name) => {
      note(reads.fields, name);
      return Reflect.getOwnPropertyDescriptor(target, name);
    },
    has: (target, name) => {
      note(reads.fields, name);
      return Reflect.has(target, name);
    },
    ownKeys: (target) => {
      whole = true;
      return Reflect.ownKeys(target);
    },
  }) as FormInput;
  const errors: ReadonlyMap<string, AnswerError> = {
    get: (id: string) => {
      note(reads.errors, id);
      return a.errors.get(id);
    },
    has: (id: string) => {
      note(reads.errors, id);
      return a.errors.has(id);
    },
    get size() {
      whole = true;
      return a.errors.size;
    },
    forEach: (...args) => {
      whole = true;
      a.errors.forEach(...args);
    },
    entries: () => {
      whole = true;
      return a.errors.entries();
    },
    keys: () => {
      whole = true;
      return a.errors.keys();
    },
    values: () => {
      whole = true;
      return a.errors.values();
    },
    [Symbol.iterator]: () => {
      whole = true;
      return a.errors[Symbol.iterator]();
    },
  };
  const view = answerView(answer, { ctx, values, errors, grouped: a.grouped });
  return whole ? { view } : { view, reads };
}
