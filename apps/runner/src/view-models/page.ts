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
  const frame = buildFrame(chrome, options);
  frameKeys.set(frame, frameKey(chrome, options, frame));
  return frame;
}

/**
 * What `buildFrame` reads, but the per-request values: a JSON array, which no frame serialised
 * whole (a JSON object) can equal. Whether a session notice is shown is read off the frame, as it
 * depends on whether the session's end could be written as a time.
 */
function frameKey(chrome: Chrome, options: PageOptions, frame: PageFrame): string {
  return JSON.stringify([
    chrome.lang,
    chrome.serviceTitle,
    chrome.assets,
    chrome.languages.map((link) => [link.lang, link.label, link.current]),
    chrome.signOutAction ?? null,
    Boolean(chrome.csrfToken),
    options.backUrl !== undefined,
    frame.sessionNotice !== undefined,
    frame.timeout === undefined
      ? null
      : [chrome.timeoutSeconds ?? null, chrome.sessionEndpoint, chrome.sessionExpiredUrl],
  ]);
}

function buildFrame(chrome: Chrome, options: PageOptions): PageFrame {
  const { lang } = chrome;
  // A page titled as the service (the hub, titled by the questionnaire) is not named twice.
  const titled =
    options.title === chrome.serviceTitle
      ? options.title
      : t(lang, 'documentTitle', { title: options.title, service: chrome.serviceTitle });
  const signOutButton = chrome.signOutAction
    ? { text: html(t(lang, 'saveAndSignOut')), attributes: { form: SIGN_OUT_FORM } }
    : undefined;
  const frame: PageFrame = {
    lang,
    documentTitle: html(options.hasErrors ? t(lang, 'errorDocumentTitle', { title: titled }) : titled),
    assets: chrome.assets,
    skipLink: { url: '#main-content', text: html(t(lang, 'skipToContent')) },
    header: {
      title: html(chrome.serviceTitle),
      mastheadLogoAltText: html(t(lang, 'logoAlt')),
      ...(languageSwitch(chrome) ?? {}),
      ...(signOutButton ? { button: signOutButton } : {}),
    },
    // The header carries the logo; drawn again in the footer it would be a third of a question page's size.
    footer: {
      lang: lang === 'cy' ? 'cy' : 'en',
      footerLogo: { logos: { logo1: { logoImage: '' } } },
      ...(signOutButton ? { button: signOutButton } : {}),
    },
  };
  if (options.backUrl !== undefined) {
    frame.previous = {
      ariaLabel: t(lang, 'previousNavigation'),
      itemsList: [{ url: options.backUrl, text: html(t(lang, 'previous')), id: 'top-previous' }],
    };
  }
  if (chrome.signOutAction) {
    frame.signOut = {
      formId: SIGN_OUT_FORM,
      action: chrome.signOutAction,
      ...(chrome.csrfToken ? { csrfToken: chrome.csrfToken } : {}),
    };
  }
  const ends = chrome.sessionExpiresAt === undefined ? undefined : clockTime(chrome.sessionExpiresAt, lang);
  if (chrome.sessionExpiresAt !== undefined && ends !== undefined) {
    frame.sessionNotice = html(t(lang, 'sessionEndsAt', { time: ends }));
    if (chrome.sessionEndpoint && chrome.sessionExpiredUrl) {
      frame.timeout = timeoutModal(chrome, chrome.sessionExpiresAt, chrome.sessionEndpoint, chrome.sessionExpiredUrl);
    }
  }
  return frame;
}

function languageSwitch(chrome: Chrome): { language: Record<string, unknown> } | undefined {
  if (chrome.languages.length < 2) return undefined;
  return {
    language: {
      languages: chrome.languages.map((link) => ({
        url: link.url,
        isoCode: link.lang,
        text: html(link.label),
        current: link.current,
        // The link is marked up in its own language, so its hidden prefix is too.
        srText: html(t(link.lang, 'changeLanguageTo')),
      })),
    },
  };
}

function timeoutModal(
  chrome: Chrome,
  expiresAt: string,
  endpoint: string,
  expiredUrl: string,
): Record<string, unknown> {
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
    sessionExpiresAt: expiresAt,
    showModalTimeInSeconds: Math.min(MODAL_LEAD_SECONDS, Math.floor(length / 2)),
    serverSessionExpiryEndpoint: endpoint,
    redirectUrl: expiredUrl,
  };
}
