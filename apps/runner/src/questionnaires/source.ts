import type { Questionnaire } from '@eq/schema';

/** A published, immutable version of a questionnaire. */
export interface PublishedVersion {
  slug: string;
  version: number;
  questionnaire: Questionnaire;
  /** Open access: anyone with the link `/s/<slug>` may start a response. */
  openAccess: boolean;
  /** ISO timestamps; outside this window new starts are refused (existing responses carry on). */
  opensAt?: string;
  closesAt?: string;
  /** Preview versions come from drafts: their submissions are marked as test. */
  preview?: boolean;
}

/**
 * Where published questionnaires come from: the author app's API (cached in memory: versions are
 * immutable, so forever in a bounded LRU; the latest pointer for a short time), or a folder of
 * questionnaire files for standalone runners, development and tests.
 */
export interface QuestionnaireSource {
  /** The latest published version of a slug, or undefined if there is none. */
  latest(slug: string): Promise<PublishedVersion | undefined>;
  /** One version of a slug (immutable), or undefined if there is no such version. */
  version(slug: string, version: number): Promise<PublishedVersion | undefined>;
  /** The slug an access-code series belongs to (see @eq/access-code), or undefined. */
  slugForSeries(series: number): Promise<string | undefined>;
  /**
   * Whether the author app has revoked the access code of a series with this `hashCode` (of
   * @eq/access-code). Never rejects: when revocations cannot be read, the code counts as valid.
   */
  isCodeRevoked(series: number, codeHash: string): Promise<boolean>;
  /** Every slug with its title, for the development index page (folder source only). */
  list?(): Promise<{ slug: string; title: string }[]>;
}
