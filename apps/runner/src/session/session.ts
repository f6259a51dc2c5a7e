/**
 * What a respondent's cookie holds (sealed: encrypted and authenticated, so it can be neither
 * read nor forged). Everything else lives in the store, encrypted with a key derived from
 * `secret`, so any runner instance can serve any request.
 */
export interface Session {
  /** The response this browser is answering. */
  responseId: string;
  /** The respondent's key material (base64url, 32 bytes): without it the stored answers cannot be read. */
  secret: string;
  /** Interface language, e.g. "en" or "cy". */
  lang: string;
  /** When the idle session ends (epoch seconds); every request moves it on. */
  expiresAt: number;
  /** How long the session may stay idle: the questionnaire's own timeout, else the runner's. */
  idleMinutes: number;
  /**
   * How the respondent came in. Only a launch token or an access code can bring them back on
   * another day, so only those sessions offer "Save and sign out"; an open link resumes in the
   * same browser instead.
   */
  via: EntryRoute;
}

export type EntryRoute = 'launch' | 'code' | 'open';
