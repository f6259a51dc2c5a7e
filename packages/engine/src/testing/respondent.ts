import type { Question, Questionnaire } from '@eq/schema';
import type { FormInput } from '../answers/form.ts';
import { type AnswerError, validateQuestion } from '../answers/validate.ts';
import { compile } from '../compile.ts';
import { todayIso } from '../dates.ts';
import { type Location, locationKey } from '../location.ts';
import { locationContext } from '../navigation/context.ts';
import { canVisit, firstIncompleteLocation } from '../navigation/navigation.ts';
import { computePath, type NavigationOptions } from '../navigation/path.ts';
import { isComplete } from '../navigation/progress.ts';
import { savePage } from '../navigation/save.ts';
import { emptyState, own, type ResponseState } from '../state.ts';
import { type Dice, dice as diceOf, mulberry32 } from './dice.ts';
import { launchMetadata } from './metadata.ts';
import { type Intentions, planFor, questionAt } from './page-plan.ts';

export interface RespondOptions {
  /** Seed of the respondent's choices (default 1): the same seed gives the same journey. */
  seed?: number;
  /** A source of randomness in [0, 1) to use instead of the seeded one. */
  random?: () => number;
  /** Items of the questionnaire's first list (the household), the respondent included; default 1 to 3. */
  people?: number;
  /** Items of other lists, by list id; lists not named get 0 to 2. */
  listSizes?: Record<string, number>;
  /** Today's date, YYYY-MM-DD (default: today in UTC). */
  today?: string;
  /** The respondent's language, for validation messages (default: the questionnaire's first). */
  lang?: string;
  /** Where to start from (default: an empty state); metadata not given is generated. */
  state?: ResponseState;
  /** Form posts at most (default 100,000); a journey that needs more stops incomplete. */
  maxSteps?: number;
  /** Chance of leaving an optional answer empty (default 0.2). */
  skipRate?: number;
  /** Chance of a detour: saying No to a confirmation once, adding an extra list item then removing it (default 0). */
  detours?: number;
  /** Ids for the items the respondent adds (default: random, 10 letters and digits, from the seed). */
  newItemId?: () => string;
  /** Replaces the generated form of any page showing a question (list and confirmation questions too) when it returns one. */
  choose?: (choice: PageChoice) => FormInput | undefined;
}

export interface PageChoice {
  location: Location;
  question: Question;
  state: ResponseState;
  /** The form the respondent would post. */
  generated: FormInput;
}

/** One form post: where, what, the validation errors (none when saved) and where the respondent went next. */
export interface RespondStep {
  location: Location;
  form: FormInput;
  errors: AnswerError[];
  next: Location;
}

/** What became of a respondent: where they got to and every form they posted on the way. */
export interface Journey {
  state: ResponseState;
  steps: RespondStep[];
  /** Whether `isComplete` holds at the end: ready to submit. */
  complete: boolean;
  /** Why the journey stopped short, when it did. */
  stuck?: string;
}

/** Validation errors on generated input are retried with fresh input this many times in all. */
const ATTEMPTS = 3;

/**
 * A simulated respondent answering a questionnaire through the engine as a runner serves it:
 * from the first incomplete location, build the form for the question shown, validate it, save
 * it, and follow where the engine leads, choosing a section at the hub, until the questionnaire
 * is complete. Deterministic for a seed.
 */
export function respond(q: Questionnaire, options: RespondOptions = {}): Journey {
  const dice = diceOf(options.random ?? mulberry32(options.seed ?? 1));
  const today = options.today ?? todayIso();
  const nav: NavigationOptions = { today };
  const compiled = compile(q);
  const lang = options.lang ?? compiled.defaultLanguage;
  const initial = options.state ?? emptyState();
  let state: ResponseState = { ...initial, metadata: launchMetadata(q, initial.metadata, today, dice) };
  const sizes = new Map<string, number>();
  const firstList = compiled.lists.keys().next().value;
  const intent: Intentions = {
    compiled,
    dice,
    skipRate: options.skipRate ?? 0.2,
    detours: options.detours ?? 0,
    listSize: (list) => {
      const info = compiled.lists.get(list)?.collector;
      const wanted =
        sizes.get(list) ??
        (options.listSizes && own(options.listSizes, list)) ??
        (list !== firstList ? dice.int(0, 2) : (options.people ?? dice.int(1, 3)));
      const size = Math.min(Math.max(wanted, info?.minItems ?? 0), info?.maxItems ?? Number.POSITIVE_INFINITY);
      sizes.set(list, size);
      return size;
    },
    extraItems: new Map(),
    rejected: new Set(),
  };
  const newItemId =
    options.newItemId ?? (() => Array.from({ length: 10 }, () => dice.int(0, 35).toString(36)).join(''));
  const steps: RespondStep[] = [];
  const maxSteps = options.maxSteps ?? 100_000;
  const done = (stuck?: string): Journey => ({
    state,
    steps,
    complete: isComplete(q, state, nav),
    ...(stuck === undefined ? {} : { stuck }),
  });

  let at: Location = firstIncompleteLocation(q, state, nav);
  // Following a link (to a section from the hub, to a remove page) posts nothing: bound those too.
  for (let turn = 0; turn < maxSteps * 2; turn++) {
    const to = destination(q, state, at, nav, dice);
    if (to === 'complete') return done();
    if (to === undefined) return done('nowhere left to go, yet the questionnaire is not complete');
    if (steps.length >= maxSteps) return done(`more than ${maxSteps} steps`);
    const ctx = locationContext(q, state, to, { lang, today });
    const question = questionAt(compiled, to, ctx);
    const plan = planFor(intent, state, to, question, ctx);
    if ('goTo' in plan) {
      at = plan.goTo;
      continue;
    }
    let saved = false;
    for (let attempt = 0; attempt < (plan.generated ? ATTEMPTS : 1) && !saved; attempt++) {
      const generated = plan.post();
      const form = (question && options.choose?.({ location: to, question, state, generated })) ?? generated;
      const { values, errors } = question ? validateQuestion(question, form, ctx) : { values: {}, errors: [] };
      if (errors.length > 0) {
        steps.push({ location: to, form, errors, next: to });
        continue;
      }
      const result = savePage(q, state, to, values, { today, newItemId });
      steps.push({ location: to, form, errors, next: result.next });
      state = result.state;
      at = result.next;
      saved = true;
    }
    if (!saved) return done(`no valid answer found at ${locationKey(to)}`);
  }
  return done('went round in circles');
}

/**
 * Where the respondent goes from `at`: there if they may, else the first incomplete location;
 * at the hub, a section not yet completed (chosen at random).
 */
function destination(
  q: Questionnaire,
  state: ResponseState,
  at: Location,
  nav: NavigationOptions,
  dice: Dice,
): Location | 'complete' | undefined {
  if ((at.kind === 'page' || at.kind === 'sectionSummary') && canVisit(q, state, at, nav)) return at;
  const first = firstIncompleteLocation(q, state, nav);
  if (first.kind === 'page' || first.kind === 'sectionSummary') return first;
  if (isComplete(q, state, nav)) return 'complete';
  if (first.kind !== 'hub') return undefined;
  const section = dice.pick(computePath(q, state, nav).sections.filter((s) => s.status !== 'completed'));
  return section && firstIncompleteOf(q, state, section.locations, nav);
}

/** The first incomplete location of a section: within a section, exactly those up to it can be visited. */
function firstIncompleteOf(
  q: Questionnaire,
  state: ResponseState,
  locations: readonly Location[],
  nav: NavigationOptions,
): Location | undefined {
  let [low, high] = [0, locations.length - 1];
  let found: number | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const location = locations[mid];
    if (location && canVisit(q, state, location, nav)) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found === undefined ? undefined : locations[found];
}

/** Everyone in a household of `people` answering every question they are routed to: the benchmark's census. */
export function answerAll(q: Questionnaire, people: number, options: RespondOptions = {}): Journey {
  return respond(q, { skipRate: 0, ...options, people });
}
