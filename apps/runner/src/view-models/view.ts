import type { AnswerError, FormInput, Location, RenderContext } from '@eq/engine';
import type { Questionnaire } from '@eq/schema';
import type { Chrome } from './chrome.ts';

/** What the runner renders: a template of views/ and the data it is given. */
export interface PageView {
  template: string;
  view: Record<string, unknown>;
}

export interface LocationViewInput {
  chrome: Chrome;
  /** The version the respondent is pinned to. */
  questionnaire: Questionnaire;
  location: Location;
  /** `locationContext(questionnaire, state, location, { lang, today })`. */
  ctx: RenderContext;
  /** What was posted, when the page is shown again with errors; otherwise the saved answers show. */
  form?: FormInput;
  /** From `validateQuestion`. */
  errors?: AnswerError[];
  /** Where the page's form posts: its own URL, keeping `?return=` when present. */
  action: string;
  /** The Previous link; none when undefined. */
  backUrl?: string;
  /** `locationUrl` bound to the compiled questionnaire. */
  urls: (location: Location) => string;
}

/** Where the check-your-answers page and the hub post to submit. */
export const SUBMIT_ACTION = '/submit';
