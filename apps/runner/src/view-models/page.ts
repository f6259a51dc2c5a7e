import { t } from '../i18n/index.ts';
import type { Chrome } from './chrome.ts';
import { type Html, html } from './html.ts';
import { clockTime } from './time.ts';

export interface PageOptions {
  /** The page's own title (its `<h1>`), for the document title. */
  title: string;
  /** Whether the page shows errors: the document title then starts "Error: ". */
  hasErrors?: boolean;
  /** The Previous link; none when undefined. */
  backUrl?: string;
}

/** What layout.njk needs: everything around the page's main content, ready for the ONS macros. */
export interface PageFrame {
  lang: string;
  documentTitle: Html;
  assets: Chrome['assets'];
  skipLink: { url: string; text: Html };
  header: Record<string, unknown>;
  footer: Record<string, unknown>;
  previous?: Record<string, unknown>;
  signOut?: { formId: string; action: string; csrfToken?: string };
  /** The session's end as text, for browsers without JavaScript. */
  sessionNotice?: Html;
  /** onsTimeoutModal params, when the session can be extended from the page. */
  timeout?: Record<string, unknown>;
}

/** The form the sign-out buttons (header, and footer on small screens) submit, by its id. */
export const SIGN_OUT_FORM = 'sign-out-form';

/** The modal opens this long before the session ends (or halfway through a shorter session). */
const MODAL_LEAD_SECONDS = 120;

/**
 * Each frame made by `pageFrame`, with a key that is the same for two frames exactly when they
 * are the same but for their per-request values (document title, language links' URLs, Previous
 * link's URL, CSRF token, session's end): views/page-frames.ts finds a page's cached frame by it
 * instead of serialising the whole frame (kilobytes) for every page. The key is made of everything
 * else `pageFrame` reads, so it holds only while a frame is not changed after it is made (none
 * is: view-models hand it to the template as it is).
 */
const frameKeys = new WeakMap<PageFrame, string>();

/** The key of a frame `pageFrame` made (see `frameKeys`); undefined for any other object. */
export function frameKeyOf(frame: PageFrame): string | undefined {
  return frameKeys.get(frame);
}

export function pageFrame(chrome: Chrome, options: PageOptions): PageFrame {
  const { lang, sessionExpiresAt } = chrome;
  const ends = sessionExpiresAt === undefined ? undefined : clockTime(sessionExpiresAt, lang);
  const key = frameKey(chrome, options, ends !== undefined);
  const frame = buildFrame(chrome, options, staticsOf(key, chrome, ends !== undefined), ends);
  frameKeys.set(frame, key);
  return frame;
}

/**
 * What `buildFrame` reads, but the per-request values: a JSON array, which no frame serialised
 * whole (a JSON object) can equal. `ends`: whether the session's end could be written as a time
 * (a session notice, and with the endpoint and URL a timeout modal, are shown only then).
 */
function frameKey(chrome: Chrome, options: PageOptions, ends: boolean): string {
  const timeout = ends && chrome.sessionEndpoint && chrome.sessionExpiredUrl;
  return JSON.stringify([
    chrome.lang,
    chrome.serviceTitle,
    chrome.assets,
    chrome.languages.map((link) => [link.lang, link.label, link.current]),
    chrome.signOutAction ?? null,
    Boolean(chrome.csrfToken),
    options.backUrl !== undefined,
    ends,
    timeout ? [chrome.timeoutSeconds ?? null, chrome.sessionEndpoint, chrome.sessionExpiredUrl] : null,
  ]);
}

/**
 * The parts of a frame that its key settles (interface text in the page's language, escaped, and
 * the objects holding it), made once per key and shared by every frame of that key, which no one
 * changes (see `frameKeys`). Per-request values are written into copies of the few objects that
 * hold them.
 */
interface FrameStatics {
  skipLink: PageFrame['skipLink'];
  /** The header without its language switch. */
  header: { title: Html; mastheadLogoAltText: Html; button?: SignOutButton };
  /** The language switch's links without their URLs. */
  links: { isoCode: string; text: Html; current: boolean; srText: Html }[];
  footer: PageFrame['footer'];
  previous: { ariaLabel: string; text: Html };
  /** onsTimeoutModal params, `sessionExpiresAt` (in its place) to be written in. */
  timeout?: Record<string, unknown>;
  /** The session notice last written for a frame of this key, with the time it says. */
  notice?: { ends: string; text: Html };
}
type SignOutButton = { text: Html; attributes: { form: string } };

/** Keys' statics kept at most (as views/page-frames.ts keeps frames): one per questionnaire, language and kind of page is typical. */
const MAX_STATICS = 500;
const statics = new Map<string, FrameStatics>();

function staticsOf(key: string, chrome: Chrome, ends: boolean): FrameStatics {
  const known = statics.get(key);
  if (known) return known;
  const made = makeStatics(chrome, ends);
  if (statics.size >= MAX_STATICS) statics.delete(statics.keys().next().value as string);
  statics.set(key, made);
  return made;
}

function makeStatics(chrome: Chrome, ends: boolean): FrameStatics {
  const { lang } = chrome;
  const button = chrome.signOutAction
    ? { text: html(t(lang, 'saveAndSignOut')), attributes: { form: SIGN_OUT_FORM } }
    : undefined;
  const made: FrameStatics = {
    skipLink: { url: '#main-content', text: html(t(lang, 'skipToContent')) },
    header: {
      title: html(chrome.serviceTitle),
      mastheadLogoAltText: html(t(lang, 'logoAlt')),
      ...(button ? { button } : {}),
    },
    links: chrome.languages.map((link) => ({
      isoCode: link.lang,
      text: html(link.label),
      current: link.current,
      // The link is marked up in its own language, so its hidden prefix is too.
      srText: html(t(link.lang, 'changeLanguageTo')),
    })),
    // The header carries the logo; drawn again in the footer it would be a third of a question page's size.
    footer: {
      lang: lang === 'cy' ? 'cy' : 'en',
      footerLogo: { logos: { logo1: { logoImage: '' } } },
      ...(button ? { button } : {}),
    },
    previous: { ariaLabel: t(lang, 'previousNavigation'), text: html(t(lang, 'previous')) },
  };
  if (ends && chrome.sessionEndpoint && chrome.sessionExpiredUrl) {
    made.timeout = timeoutModal(chrome, chrome.sessionEndpoint, chrome.sessionExpiredUrl);
  }
  return made;
}

function buildFrame(chrome: Chrome, options: PageOptions, parts: FrameStatics, ends: string | undefined): PageFrame {
  const { lang } = chrome;
  // A page titled as the service (the hub, titled by the questionnaire) is not named twice.
  const titled =
    options.title === chrome.serviceTitle
      ? options.title
      : t(lang, 'documentTitle', { title: options.title, service: chrome.serviceTitle });
  const { header } = parts;
  const frame: PageFrame = {
    lang,
    documentTitle: html(options.hasErrors ? t(lang, 'errorDocumentTitle', { title: titled }) : titled),
    assets: chrome.assets,
    skipLink: parts.skipLink,
    header:
      chrome.languages.length < 2
        ? header
        : {
            title: header.title,
            mastheadLogoAltText: header.mastheadLogoAltText,
            language: { languages: languageLinks(chrome, parts) },
            ...(header.button ? { button: header.button } : {}),
          },
    footer: parts.footer,
  };
  if (options.backUrl !== undefined) {
    const { ariaLabel, text } = parts.previous;
    frame.previous = { ariaLabel, itemsList: [{ url: options.backUrl, text, id: 'top-previous' }] };
  }
  if (chrome.signOutAction) {
    frame.signOut = {
      formId: SIGN_OUT_FORM,
      action: chrome.signOutAction,
      ...(chrome.csrfToken ? { csrfToken: chrome.csrfToken } : {}),
    };
  }
  if (chrome.sessionExpiresAt !== undefined && ends !== undefined) {
    frame.sessionNotice = sessionNotice(parts, lang, ends);
    if (parts.timeout) frame.timeout = { ...parts.timeout, sessionExpiresAt: chrome.sessionExpiresAt };
  }
  return frame;
}

function languageLinks(chrome: Chrome, parts: FrameStatics): Record<string, unknown>[] {
  return chrome.languages.map((link, i) => {
    const { isoCode, text, current, srText } = parts.links[i] as FrameStatics['links'][number];
    return { url: link.url, isoCode, text, current, srText };
  });
}

/** "Your session ends at 14:32", the same text for every page of a key in the same minute. */
function sessionNotice(parts: FrameStatics, lang: string, ends: string): Html {
  if (parts.notice?.ends !== ends) parts.notice = { ends, text: html(t(lang, 'sessionEndsAt', { time: ends })) };
  return parts.notice.text;
}

/** onsTimeoutModal params, with an empty `sessionExpiresAt` where each frame writes its own. */
function timeoutModal(chrome: Chrome, endpoint: string, expiredUrl: string): Record<string, unknown> {
  const { lang } = chrome;
  const length = chrome.timeoutSeconds ?? MODAL_LEAD_SECONDS * 2;
  return {
    title: html(t(lang, 'timeoutTitle')),
    textFirstLine: html(t(lang, 'timeoutText')),
    countdownText: html(t(lang, 'timeoutCountdown')),
    countdownExpiredText: html(t(lang, 'timeoutExpired')),
    btnText: html(t(lang, 'timeoutButton')),
    minutesTextSingular: html(t(lang, 'minute')),
    minutesTextPlural: html(t(lang, 'minutes')),
    secondsTextSingular: html(t(lang, 'second')),
    secondsTextPlural: html(t(lang, 'seconds')),
    endWithFullStop: true,
    sessionExpiresAt: '',
    showModalTimeInSeconds: Math.min(MODAL_LEAD_SECONDS, Math.floor(length / 2)),
    serverSessionExpiryEndpoint: endpoint,
    redirectUrl: expiredUrl,
  };
}
