/**
 * What every page shows around its content, built per request by the runner's middleware: the
 * language switch, the service title, the sign-out button, the session's end and the asset URLs.
 */
export interface Chrome {
  /** The page's language: interface text, `<html lang>` and questionnaire text. */
  lang: string;
  /** Language switch links; empty when the questionnaire has one language. */
  languages: LanguageLink[];
  /** The questionnaire's title, or the service name before one is known. */
  serviceTitle: string;
  /** The CSRF token for this page's forms (field `_csrf`). */
  csrfToken?: string;
  /** Where "Save and sign out" posts; absent before a session exists. */
  signOutAction?: string;
  /** When the idle session ends (ISO date-time): said in the page, and given to the ONS timeout modal. */
  sessionExpiresAt?: string;
  /** The idle session's length in seconds: the timeout modal opens a little before the end. */
  timeoutSeconds?: number;
  /**
   * The endpoint the ONS timeout script calls: GET gives the session's end, PATCH extends it, each
   * answering JSON `{ "expires_at": ISO }` (401 once the session has ended). Without it (and
   * `sessionExpiredUrl`) there is no modal, only the text, as the script would invent an end.
   */
  sessionEndpoint?: string;
  /** Where the timeout script sends the respondent when the session ends. */
  sessionExpiredUrl?: string;
  /** Asset URLs with content hashes. */
  assets: { css: string; printCss: string; js: string; enhanceJs?: string };
}

export interface LanguageLink {
  lang: string;
  /** The language's name in that language ("Cymraeg"). */
  label: string;
  url: string;
  current: boolean;
}
