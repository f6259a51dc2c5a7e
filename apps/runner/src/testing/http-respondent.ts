import { isDeepStrictEqual } from 'node:util';
import {
  type CompiledQuestionnaire,
  compile,
  computePath,
  type FormInput,
  isComplete,
  type Location,
  locationContext,
  locationKey,
  own,
  previousLocation,
  type RenderContext,
  type ResponseState,
  todayIso,
  validateQuestion,
} from '@eq/engine';
import { type Dice, dice, mulberry32, type Script, scripted } from '@eq/engine/testing';
import type { Question, Questionnaire } from '@eq/schema';
import type { StoredResponse } from '../responses/stored-response.ts';
import { questionAt } from '../routes/question-at.ts';
import { INTRODUCTION_URL, locationFromPath, locationUrl } from '../routes/urls.ts';
import type { Session } from '../session/session.ts';
import { Browser, type Page } from './browser.ts';
import { expectedSave } from './expected-save.ts';
import type { TestRunner } from './harness.ts';
import { formFor } from './page-choices.ts';
import { type Launch, launchToken, recordOf, sampleMetadata, sessionOf } from './respondent-access.ts';

export interface RespondentOptions {
  /** Seed of the generated answers (default 1): the same seed gives the same answers. */
  seed?: number;
  /** Answers that must be exactly so (see `scripted` in @eq/engine/testing); the rest are generated. */
  script?: Script;
  /** Items of the questionnaire's first list, the respondent included (default 2). */
  people?: number;
  /** Items of other lists, by list id (default 1 each). */
  listSizes?: Record<string, number>;
  /** Chance of leaving an optional answer empty (default 0.2). */
  skipRate?: number;
  /** Posts at most before giving up (default 500). */
  maxPosts?: number;
}

/** A page the respondent is on, as the engine sees it. */
interface PageAt {
  q: Questionnaire;
  compiled: CompiledQuestionnaire;
  /** The state before posting. */
  state: ResponseState;
  location: Location;
  ctx: RenderContext;
  question: Question | undefined;
}

/** One form the respondent posted. */
export interface Post {
  url: string;
  location: Location;
  form: FormInput;
}

/**
 * A respondent answering over HTTP like a browser without JavaScript: on each page it reads the
 * location from the URL, posts what a respondent would (generated with the engine's test support:
 * lists filled to their size, confirmations confirmed, everything else answered within its bounds,
 * the script's answers as given), and at the hub follows the link to a section not yet completed.
 *
 * It checks the runner against the engine as it goes. It keeps its own copy of the state, changed
 * only by `savePage` with what it posted, and after every post the runner must have stored exactly
 * that (the new item ids are the runner's) and redirected to the engine's next location; on every
 * page the Previous link must lead to the engine's previous location.
 */
export class HttpRespondent {
  readonly browser: Browser;
  readonly posts: Post[] = [];
  /** The state as the engine says it must be after the posts so far. */
  expected: ResponseState | undefined;
  private readonly dice: Dice;

  constructor(
    readonly runner: TestRunner,
    readonly options: RespondentOptions = {},
    browser?: Browser,
  ) {
    this.browser = browser ?? new Browser(runner.app);
    this.dice = dice(mulberry32(options.seed ?? 1));
  }

  /**
   * Starts a response: by open link, or when the questionnaire declares metadata (or the launch
   * gives metadata or a language) by a signed launch token.
   */
  async start(slug: string, launch: Launch = {}): Promise<Page> {
    const published = await this.runner.services.source.latest(slug);
    if (!published) throw new Error(`no questionnaire ${slug}`);
    const q = published.questionnaire;
    const metadata =
      launch.metadata ?? (q.metadata?.length ? sampleMetadata(q, this.options.seed ?? 1, this.today()) : undefined);
    if (metadata === undefined && launch.lang === undefined) await this.browser.open(`/s/${slug}`);
    else {
      const token = await launchToken(this.runner, slug, { ...launch, ...(metadata ? { metadata } : {}) });
      await this.browser.open(`/session?token=${encodeURIComponent(token)}`);
    }
    await this.sync();
    return this.browser.page;
  }

  /** Takes the runner's state as it now is, after the test posted pages of its own through the browser. */
  async sync(): Promise<void> {
    this.expected = (await this.record()).state;
  }

  /** The session the browser's sealed cookie holds. */
  session(): Promise<Session> {
    return sessionOf(this.runner, this.browser);
  }

  /** The response as the runner stores it. */
  record(): Promise<StoredResponse> {
    return recordOf(this.runner, this.browser);
  }

  /** The questionnaire version the response is pinned to. */
  async questionnaire(): Promise<{ q: Questionnaire; compiled: CompiledQuestionnaire }> {
    const { questionnaire } = await this.record();
    const published = await this.runner.services.source.version(questionnaire.slug, questionnaire.version);
    if (!published) throw new Error(`questionnaire ${questionnaire.slug} v${questionnaire.version} is not available`);
    return { q: published.questionnaire, compiled: compile(published.questionnaire) };
  }

  /** Today as the runner sees it. */
  today(): string {
    return todayIso(this.runner.services.now());
  }

  /**
   * Answers the current page: posts its form, or follows the introduction's Start button or, at
   * the hub, a section's link. False when there is nothing left to answer (the summary or the hub
   * offers Submit).
   */
  async answerPage(): Promise<boolean> {
    const start = this.browser.startLink();
    if (start !== undefined) {
      await this.browser.open(start);
      return true;
    }
    const { q, compiled } = await this.questionnaire();
    const state = this.expected ?? (await this.record()).state;
    const today = this.today();
    const location = locationOf(compiled, this.browser.page.url);
    if (!location) throw new Error(`not a questionnaire page: ${this.browser.page.url} (${this.browser.page.status})`);
    this.checkPrevious(q, compiled, state, location);
    if (location.kind === 'summary' || (location.kind === 'hub' && isComplete(q, state, { today }))) {
      if (!this.browser.page.html.includes('action="/submit"')) {
        throw new Error(`${this.browser.page.url} offers no Submit`);
      }
      return false;
    }
    if (location.kind === 'hub') {
      await this.openSection(q, compiled, state);
      return true;
    }
    const lang = (await this.session()).lang;
    const ctx = locationContext(q, state, location, { lang, today });
    const question = questionAt(compiled, location, ctx);
    const form = formFor({
      compiled,
      state,
      location,
      ctx,
      question,
      dice: this.dice,
      listSize: this.listSizes(q),
      ...(this.options.skipRate === undefined ? {} : { skipRate: this.options.skipRate }),
      ...(this.options.script ? { choose: scripted(q, this.options.script).choose } : {}),
    });
    await this.post({ q, compiled, state, location, ctx, question }, form);
    return true;
  }

  /** Answers page after page until the summary or the hub offers Submit. */
  async complete(): Promise<StoredResponse> {
    const limit = this.options.maxPosts ?? 500;
    for (let turn = 0; turn < limit; turn++) {
      if (!(await this.answerPage())) return this.record();
    }
    throw new Error(`not complete after ${limit} pages; last at ${this.browser.page.url}`);
  }

  /** Posts the Submit form of the summary or the hub. */
  async submit(): Promise<Page> {
    return this.browser.submit({}, '/submit');
  }

  /**
   * Posts a form to the current page, and checks that the runner stored exactly what `savePage`
   * makes of it and went where the engine says.
   */
  private async post(page: PageAt, form: FormInput): Promise<void> {
    const { q, compiled, state, location, ctx, question } = page;
    const { values, errors } = question ? validateQuestion(question, form, ctx) : { values: {}, errors: [] };
    const url = this.browser.page.url;
    if (errors.length > 0) {
      throw new Error(
        `${url}: no valid answers for ${JSON.stringify(form)}: ${errors.map((e) => e.message).join('; ')}`,
      );
    }
    this.posts.push({ url, location, form });
    const fields = Object.fromEntries(
      Object.entries(form).filter((entry): entry is [string, string | string[]] => entry[1] !== undefined),
    );
    await this.browser.submit(fields);
    const problems = this.browser.errors();
    if (problems.length > 0) {
      throw new Error(`${url}: the runner refused ${JSON.stringify(form)}: ${problems.join('; ')}`);
    }
    const stored = (await this.record()).state;
    const expected = expectedSave(q, state, location, values, { today: ctx.today, stored });
    const landed = locationOf(compiled, this.browser.page.url);
    if (!landed || locationKey(landed) !== locationKey(expected.next)) {
      throw new Error(
        `${url}: the runner went to ${this.browser.page.url}, the engine to ${locationUrl(compiled, expected.next)}`,
      );
    }
    if (!isDeepStrictEqual(stored, expected.state)) {
      throw new Error(
        `${url}: the runner stored ${JSON.stringify(stored)}, the engine ${JSON.stringify(expected.state)}`,
      );
    }
    this.expected = expected.state;
  }

  /** At the hub: follows the link of the first section on the path not yet completed. */
  private async openSection(q: Questionnaire, compiled: CompiledQuestionnaire, state: ResponseState): Promise<void> {
    const sections = computePath(q, state, { today: this.today() }).sections.filter((s) => s.status !== 'completed');
    for (const section of sections) {
      const keys = new Set(section.locations.map(locationKey));
      const link = this.browser.links().find((href) => {
        const location = locationOf(compiled, href);
        return location !== undefined && keys.has(locationKey(location));
      });
      if (link === undefined) continue;
      await this.browser.open(link);
      return;
    }
    throw new Error(`the hub links to no section still to complete: ${JSON.stringify(this.browser.links())}`);
  }

  private checkPrevious(q: Questionnaire, compiled: CompiledQuestionnaire, state: ResponseState, location: Location) {
    const previous = previousLocation(q, state, location, { today: this.today() });
    const expected = previous ? locationUrl(compiled, previous) : q.introduction && INTRODUCTION_URL;
    const shown = this.browser.previousLink();
    if (shown !== expected) {
      throw new Error(`${this.browser.page.url}: the Previous link leads to ${shown}, the engine says ${expected}`);
    }
  }

  /** How many items each list should end up with: as scripted, as asked, else 2 people and 1 of anything else. */
  private listSizes(q: Questionnaire): (list: string) => number {
    const compiled = compile(q);
    const first = compiled.lists.keys().next().value;
    const { script, listSizes, people } = this.options;
    return (list) => {
      const collector = compiled.lists.get(list)?.collector;
      const wanted =
        script?.items?.[list]?.length ?? (listSizes && own(listSizes, list)) ?? (list === first ? (people ?? 2) : 1);
      return Math.min(Math.max(wanted, collector?.minItems ?? 0), collector?.maxItems ?? Number.POSITIVE_INFINITY);
    };
  }
}

/** The location a page URL names: questionnaire pages only, query and fragment ignored. */
export function locationOf(compiled: CompiledQuestionnaire, url: string): Location | undefined {
  const path = new URL(url, 'http://runner.test').pathname;
  if (!path.startsWith('/questionnaire')) return undefined;
  return locationFromPath(compiled, path.slice('/questionnaire'.length));
}
