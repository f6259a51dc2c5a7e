import type { Questionnaire } from '@eq/schema';
import type {
  AnswerValue,
  CompiledQuestionnaire,
  FormInput,
  Location,
  RenderContext,
  ResponseState,
} from '../src/index.ts';
import { respond } from '../src/testing/index.ts';
import { TODAY } from './census.ts';
import type { EngineModule } from './versions.ts';

/** The forms a respondent posts through a questionnaire, in order, and the state they start from. */
export interface Journey {
  start: ResponseState;
  posts: { location: Location; form: FormInput }[];
}

/** Item ids as the journey's respondent was given them, so that a replay makes the same states. */
const itemIds = () => {
  let n = 0;
  return () => `p${n++}`;
};

/** A census household of `people` answering every question they are routed to, as the load test's journeys do. */
export function censusJourney(q: Questionnaire, people: number): Journey {
  const journey = respond(q, { people, seed: people, skipRate: 0, today: TODAY, newItemId: itemIds() });
  if (!journey.complete) throw new Error(`the census journey is not complete: ${journey.stuck ?? ''}`);
  const posts = journey.steps.filter((s) => s.errors.length === 0).map(({ location, form }) => ({ location, form }));
  return { start: { answers: {}, itemAnswers: {}, lists: {}, completed: [], metadata: journey.state.metadata }, posts };
}

/**
 * Replays a journey through an engine as the runner serves it, each POST followed by the GET it
 * redirects to, the state of each request the object the one before it saved (the runner keeps
 * it when its store reads back what it wrote). A POST: may the page be posted, its context, its
 * question validated, the save. A GET: may the page be shown, its context, the back link, its title.
 */
export function replay(engine: EngineModule, q: Questionnaire, journey: Journey): ResponseState {
  const compiled = engine.compile(q);
  const today = TODAY;
  const newItemId = itemIds();
  let state = journey.start;
  for (const { location, form } of journey.posts) {
    if (!engine.canVisit(q, state, location, { today })) throw new Error('the page may not be posted');
    const ctx = engine.locationContext(q, state, location, { lang: 'en', today });
    const question = questionAt(engine, compiled, location, ctx);
    const { values, errors } = question ? engine.validateQuestion(question, form, ctx) : { values: {}, errors: [] };
    if (errors.length > 0) throw new Error(`the form is not valid: ${JSON.stringify(errors)}`);
    const saved = engine.savePage(q, state, location, values, { today, newItemId });
    state = saved.state;
    if (!engine.canVisit(q, state, saved.next, { today })) throw new Error('the next page may not be shown');
    const shown = engine.locationContext(q, state, saved.next, { lang: 'en', today });
    engine.previousLocation(q, state, saved.next, { today });
    const next = questionAt(engine, compiled, saved.next, shown);
    if (next) engine.renderText(next.title, shown);
  }
  return state;
}

/**
 * What a replay of the journey posts, validated: each post's values, to save again without
 * validating, and each state saved, read as new objects as from a store (the first is the start).
 */
export function replayed(
  engine: EngineModule,
  q: Questionnaire,
  journey: Journey,
): { values: Record<string, AnswerValue | undefined>[]; states: ResponseState[] } {
  const compiled = engine.compile(q);
  const today = TODAY;
  const newItemId = itemIds();
  const values: Record<string, AnswerValue | undefined>[] = [];
  const states = [journey.start];
  let state = journey.start;
  for (const { location, form } of journey.posts) {
    const ctx = engine.locationContext(q, state, location, { lang: 'en', today });
    const question = questionAt(engine, compiled, location, ctx);
    const posted = question ? engine.validateQuestion(question, form, ctx).values : {};
    values.push(posted);
    state = engine.savePage(q, state, location, posted, { today, newItemId }).state;
    states.push(JSON.parse(JSON.stringify(state)));
  }
  return { values, states };
}

/**
 * The journey's saves alone, each of the state the one before saved, as the runner's store gives
 * it back (the path of each worked out by the save that made it): `savePage` and nothing else.
 */
export function replaySaves(
  engine: EngineModule,
  q: Questionnaire,
  journey: Journey,
  values: readonly Record<string, AnswerValue | undefined>[],
): ResponseState {
  const today = TODAY;
  const newItemId = itemIds();
  let state = journey.start;
  journey.posts.forEach(({ location }, i) => {
    state = engine.savePage(q, state, location, values[i] ?? {}, { today, newItemId }).state;
  });
  return state;
}

/** As the runner's `questionAt`: the question a location asks, its variant chosen. */
function questionAt(engine: EngineModule, compiled: CompiledQuestionnaire, location: Location, ctx: RenderContext) {
  if (location.kind !== 'page') return undefined;
  const info = compiled.pages.get(location.page);
  const page = info?.page;
  if (!page || page.kind === 'content' || page.kind === 'calculatedSummary') return undefined;
  if (page.kind === 'listCollector' && info.role === 'item') return engine.chooseQuestion(page.itemPage, ctx);
  if (page.kind === 'listCollector' && info.role === 'remove') return engine.chooseQuestion(page.removePage, ctx);
  return engine.chooseQuestion(page, ctx);
}
