import type { Questionnaire } from '@eq/schema';
import type { FormInput, Location, RenderContext, ResponseState, SaveResult } from '../src/index.ts';
import { TODAY } from './census.ts';
import type { EngineModule } from './versions.ts';

/** What a runner does for one request, given the state it has just read from its store. */
export interface RunnerRequest {
  /** The POST: may the page be posted, validate its question, save it. */
  post(state: ResponseState): SaveResult;
  /** The same calls, each on its own copy of the state, so that no call can reuse another's path. */
  postWithoutReuse(state: ResponseState): SaveResult;
  /** The POST, then the GET it redirects to: may the next page be shown, and its title. */
  postThenGet(state: ResponseState): { state: ResponseState; title: string };
}

/** A request for the sex question of the household's last person, changing the answer given, through an engine. */
export function runnerRequest(
  engine: EngineModule,
  q: Questionnaire,
  state: ResponseState,
  person: string,
): RunnerRequest {
  const { canVisit, chooseQuestion, computePath, renderText, savePage, validateQuestion } = engine;
  const compiled = engine.compile(q);
  const today = TODAY;
  const location: Location = { kind: 'page', section: 'individual', page: 'sex', item: person };
  const info = compiled.pages.get('sex');
  const answer = compiled.answers.get('sex')?.answer;
  if (info?.page.kind !== 'question' || answer?.type !== 'radio') throw new Error('the census has no sex question');
  const page = info.page;
  const stored = state.itemAnswers[person]?.sex;
  const value = answer.options.find((o) => o.value !== stored)?.value ?? '';
  const form: FormInput = engine.formValues(answer, value);
  const contextOf = (s: ResponseState, at: Location): RenderContext => ({
    compiled,
    state: s,
    today,
    item: at.kind === 'page' ? at.item : undefined,
    to: at.kind === 'page' ? at.to : undefined,
    list: 'people',
    onPath: computePath(q, s, { today }).onPath,
    lang: 'en',
  });
  const post = (read: () => ResponseState): SaveResult => {
    if (!canVisit(q, read(), location, { today })) throw new Error('the page may not be visited');
    const ctx = contextOf(read(), location);
    const { values, errors } = validateQuestion(chooseQuestion(page, ctx), form, ctx);
    if (errors.length > 0) throw new Error(`the form is not valid: ${JSON.stringify(errors)}`);
    return savePage(q, read(), location, values, { today, newItemId: () => 'unused' });
  };
  return {
    post: (s) => post(() => s),
    postWithoutReuse: (s) => post(() => ({ ...s })),
    postThenGet: (s) => {
      const { state: saved, next } = post(() => s);
      if (!canVisit(q, saved, next, { today }) || next.kind !== 'page')
        throw new Error('the next page may not be shown');
      const nextPage = compiled.pages.get(next.page)?.page;
      if (nextPage?.kind !== 'question') return { state: saved, title: '' };
      const ctx = contextOf(saved, next);
      return { state: saved, title: renderText(chooseQuestion(nextPage, ctx).title, ctx) };
    },
  };
}

/**
 * A respondent changing the household's last person's answer back and forth, a POST then GET a
 * call, each from the state the call before saved (as the runner keeps it): what a save of a large
 * household costs once its path is known.
 */
export function changingAnswer(engine: EngineModule, q: Questionnaire, state: ResponseState, person: string) {
  const first = runnerRequest(engine, q, state, person);
  let current = first.postThenGet(state).state;
  const second = runnerRequest(engine, q, current, person);
  let flip = false;
  return (): ResponseState => {
    flip = !flip;
    current = (flip ? first : second).postThenGet(current).state;
    return current;
  };
}
