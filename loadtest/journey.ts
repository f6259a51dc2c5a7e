import { randomUUID } from 'node:crypto';
import { locationFromPath, locationUrl } from '../apps/runner/src/routes/urls.ts';
import { signDevLaunchToken } from '../packages/dev-keys/src/index.ts';
import {
  type CompiledQuestionnaire,
  compile,
  type Location,
  type ResponseState,
} from '../packages/engine/src/index.ts';
import { type RespondStep, respond } from '../packages/engine/src/testing/index.ts';
import type { Questionnaire } from '../packages/schema/src/index.ts';
import type { HttpSession, Page } from './http-session.ts';

/**
 * What one respondent will do: the simulated respondent of `@eq/engine/testing` answers the
 * questionnaire through the engine, and its form posts are replayed over HTTP. Item ids are the
 * plan's own (`p0`, `p1`, …); the runner makes up its own, learnt from the URLs it redirects to.
 */
export interface JourneyPlan {
  questionnaire: Questionnaire;
  compiled: CompiledQuestionnaire;
  seed: number;
  /** Every form post, invalid ones (answered with the page again) included. */
  steps: RespondStep[];
  /** The answers the runner must end up with (item ids the plan's). */
  state: ResponseState;
}

export function planJourney(q: Questionnaire, options: { seed: number; people?: number }): JourneyPlan {
  let next = 0;
  const journey = respond(q, { seed: options.seed, people: options.people ?? 3, newItemId: () => `p${next++}` });
  if (!journey.complete)
    throw new Error(`the simulated respondent (seed ${options.seed}) did not finish: ${journey.stuck}`);
  return { questionnaire: q, compiled: compile(q), seed: options.seed, steps: journey.steps, state: journey.state };
}

export class JourneyError extends Error {}

/** A private JSON Web Key for ES256: what an issuing system signs launch tokens with. */
export type LaunchKey = Parameters<typeof signDevLaunchToken>[0];

export interface CompletedJourney {
  responseId: string;
  /** The runner's item id of each of the plan's. */
  itemIds: Record<string, string>;
}

/**
 * A start given to the driver rather than made by it: a launch URL another system issued (the
 * author app's launch tokens), or the page a respondent is on after entering an access code.
 */
export interface GivenStart {
  /** Opened on the session's targets (its path and query only): e.g. `/session?token=…`. */
  url: string;
  /** The response it starts or resumes, as the issuer said (an issued launch token names it). */
  responseId: string;
}

export interface JourneyOptions {
  /** Sign a launch token with this key, as a survey's issuing system would (with the plan's metadata). */
  launchKey?: LaunchKey;
  /** Or start here (see GivenStart). Without either, the open link `/s/<id>`. */
  start?: GivenStart;
  /** Told after each of the plan's posts (its index from 0), before the next: e.g. to pause a respondent mid-way. */
  afterPost?: (index: number) => Promise<void> | void;
  /** Replay only this many of the plan's posts, then leave without submitting (a respondent who stops mid-way). */
  stopAfter?: number;
}

/**
 * Starts a response (see JourneyOptions), replays the plan's posts page by page, checking that the
 * runner leads where the engine did, then submits and checks the confirmation. Throws a
 * JourneyError saying where it went wrong.
 */
export async function completeJourney(
  session: HttpSession,
  plan: JourneyPlan,
  options: JourneyOptions = {},
): Promise<CompletedJourney> {
  const q = plan.questionnaire;
  const { launchKey, start } = options;
  const responseId = start?.responseId ?? randomUUID();
  if (start) {
    const url = new URL(start.url, 'http://runner');
    await session.open(`${url.pathname}${url.search}`);
  } else if (launchKey) {
    const metadata = plan.state.metadata as Record<string, string | number | boolean>;
    const token = await signDevLaunchToken(launchKey, { questionnaire: q.id, response_id: responseId, metadata });
    await session.open(`/session?token=${encodeURIComponent(token)}`);
  } else {
    await session.open(`/s/${q.id}`);
  }
  expectPage(session.page, 200, undefined, 'the start');
  const ids = new Map<string, string>();
  const urlOf = (location: Location) => locationUrl(plan.compiled, runnerLocation(location, ids));

  for (const [index, step] of plan.steps.entries()) {
    if (index === options.stopAfter) return { responseId, itemIds: Object.fromEntries(ids) };
    const here = urlOf(step.location);
    if (pathOf(session.page.url) !== here) await session.open(here);
    expectPage(session.page, 200, here, 'a page the plan goes to');
    const { action, token } = pageForm(session.page);
    await session.post(action, { ...step.form, _csrf: token });
    if (step.errors.length > 0) {
      expectPage(session.page, 200, here, 'an invalid answer shown again');
    } else {
      learnIds(plan.compiled, step.next, pathOf(session.page.url), ids);
      expectPage(session.page, 200, urlOf(step.next), `the page after ${here}`);
    }
    await options.afterPost?.(index);
  }

  const { token } = pageForm(session.page, '/submit');
  await session.post('/submit', { _csrf: token });
  expectPage(session.page, 200, '/thank-you', 'the confirmation');
  return { responseId, itemIds: Object.fromEntries(ids) };
}

/** The plan's location with the runner's item ids; a plan item the runner has not shown yet is an error. */
function runnerLocation(location: Location, ids: Map<string, string>): Location {
  const id = (item: string) => {
    const known = ids.get(item);
    if (!known) throw new JourneyError(`the runner has not yet shown the item the plan calls ${item}`);
    return known;
  };
  if (location.kind === 'page' || location.kind === 'sectionSummary') {
    return {
      ...location,
      ...(location.item === undefined ? {} : { item: id(location.item) }),
      ...('to' in location && location.to !== undefined ? { to: id(location.to) } : {}),
    };
  }
  return location;
}

/** Pairs the plan's item ids at `expected` with the runner's in the path it redirected to. */
function learnIds(compiled: CompiledQuestionnaire, expected: Location, path: string, ids: Map<string, string>): void {
  const pair = (planned: string | undefined, runner: string | undefined) => {
    if (planned !== undefined && runner !== undefined && !ids.has(planned)) ids.set(planned, runner);
  };
  const actual = locationFromPath(compiled, path.slice('/questionnaire'.length));
  if (actual?.kind === 'page' && expected.kind === 'page') {
    pair(expected.item, actual.item);
    pair(expected.to, actual.to);
  } else if (actual?.kind === 'sectionSummary' && expected.kind === 'sectionSummary') {
    pair(expected.item, actual.item);
  }
}

const FORM = /<form[^>]*method="post"[^>]*action="([^"]*)"/g;
const CSRF = /name="_csrf" value="([^"]*)"/;

/** The page's form (the first but sign-out, or the one posting to `action`) and its CSRF token. */
function pageForm(page: Page, action?: string): { action: string; token: string } {
  const actions = [...page.html.matchAll(FORM)].map((m) => decodeEntities(m[1] ?? ''));
  const found = action === undefined ? actions.find((a) => a !== '/sign-out') : actions.find((a) => a === action);
  const token = CSRF.exec(page.html)?.[1];
  if (found === undefined || !token) throw new JourneyError(`no ${action ?? 'question'} form on ${page.url}`);
  return { action: found, token };
}

function expectPage(page: Page, status: number, path: string | undefined, what: string): void {
  if (page.status !== status || (path !== undefined && pathOf(page.url) !== path)) {
    const title = /<title>([^<]*)/.exec(page.html)?.[1]?.trim() ?? '';
    throw new JourneyError(
      `${what}: expected ${path ?? 'a page'} (${status}), got ${page.url} (${page.status}) "${decodeEntities(title)}"`,
    );
  }
}

function pathOf(url: string): string {
  return url.split('?')[0] ?? url;
}

function decodeEntities(text: string): string {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}
