import { type MessageKey, t } from '../i18n/index.ts';
import type { Chrome } from './chrome.ts';
import { type Html, html } from './html.ts';
import { pageFrame } from './page.ts';
import type { PageView } from './view.ts';

/** A page that only tells the respondent something: a title, paragraphs and maybe a link. */
function messagePage(
  chrome: Chrome,
  title: MessageKey,
  paragraphs: string[],
  link?: { url: string; text: MessageKey },
): PageView {
  const lang = chrome.lang;
  const heading = t(lang, title);
  const view: Record<string, unknown> = {
    page: pageFrame(chrome, { title: heading }),
    title: html(heading),
    paragraphs: paragraphs.map((paragraph): Html => html(paragraph)),
  };
  if (link) view.link = { url: link.url, text: html(t(lang, link.text)) };
  return { template: 'pages/message.njk', view };
}

/** A submitted response cannot be changed: revisiting it says so (with a link to the answers while they can be viewed). */
export function alreadySubmittedView(input: { chrome: Chrome; viewAnswersUrl?: string }): PageView {
  const { chrome } = input;
  const link = input.viewAnswersUrl ? { url: input.viewAnswersUrl, text: 'viewAnswersLink' as const } : undefined;
  return messagePage(chrome, 'alreadySubmittedTitle', [t(chrome.lang, 'alreadySubmittedText')], link);
}

/** The idle session ended: the answers are kept; the respondent starts again with their code or link. */
export function sessionExpiredView(input: { chrome: Chrome; startUrl?: string }): PageView {
  const { chrome } = input;
  const paragraphs = [t(chrome.lang, 'sessionExpiredText'), t(chrome.lang, 'answersSaved'), t(chrome.lang, 'carryOn')];
  return messagePage(chrome, 'sessionExpiredTitle', paragraphs, startLink(input.startUrl));
}

export function signedOutView(input: { chrome: Chrome; startUrl?: string }): PageView {
  const { chrome } = input;
  const paragraphs = [t(chrome.lang, 'answersSaved'), t(chrome.lang, 'carryOn')];
  return messagePage(chrome, 'signedOutTitle', paragraphs, startLink(input.startUrl));
}

/** The author app revoked the code (a replacement was sent, or the letter went astray): it opens nothing. */
export function revokedCodeView(input: { chrome: Chrome; startUrl: string }): PageView {
  const { chrome } = input;
  const paragraphs = [t(chrome.lang, 'revokedCodeText'), t(chrome.lang, 'revokedCodeHelp')];
  return messagePage(chrome, 'revokedCodeTitle', paragraphs, { url: input.startUrl, text: 'enterAnotherAccessCode' });
}

/**
 * A valid code of a questionnaire that needs launch data (an address, a reporting period): a code
 * carries none, so the questionnaire would ask its questions about nothing.
 */
export function codeNeedsLaunchView(input: { chrome: Chrome }): PageView {
  const { lang } = input.chrome;
  const paragraphs = [t(lang, 'codeNeedsLaunchText'), t(lang, 'codeNeedsLaunchHelp')];
  return messagePage(input.chrome, 'codeNeedsLaunchTitle', paragraphs);
}

export function closedView(input: { chrome: Chrome }): PageView {
  return messagePage(input.chrome, 'closedTitle', [t(input.chrome.lang, 'closedText')]);
}

/** Something went wrong: a friendly message and the reference to quote, never any detail of the failure. */
export function errorView(input: { chrome: Chrome; reference: string }): PageView {
  const { lang } = input.chrome;
  const paragraphs = [t(lang, 'errorTryLater'), t(lang, 'errorReference', { reference: input.reference })];
  return messagePage(input.chrome, 'errorTitle', paragraphs);
}

export type LaunchProblem = 'expired' | 'invalid' | 'notAvailable' | 'details';

const LAUNCH_TEXT = {
  expired: 'launchExpired',
  invalid: 'launchInvalid',
  notAvailable: 'launchNotAvailable',
  details: 'launchDetails',
} as const;

/** A launch link that cannot start a questionnaire: what is wrong with it, in words, and the reference. */
export function launchProblemView(input: { chrome: Chrome; problem: LaunchProblem; reference: string }): PageView {
  const { lang } = input.chrome;
  const paragraphs = [t(lang, LAUNCH_TEXT[input.problem]), t(lang, 'errorReference', { reference: input.reference })];
  return messagePage(input.chrome, 'launchProblemTitle', paragraphs);
}

export function notFoundView(input: { chrome: Chrome }): PageView {
  const { lang } = input.chrome;
  return messagePage(input.chrome, 'notFoundTitle', [t(lang, 'notFoundTyped'), t(lang, 'notFoundPasted')]);
}

function startLink(url: string | undefined): { url: string; text: MessageKey } | undefined {
  return url === undefined ? undefined : { url, text: 'enterAccessCode' };
}
