import { Id, Questionnaire } from '@eq/schema';
import type { z } from 'zod';
import type { Logger } from '../logger.ts';
import { LatestPointer, RevokedPage, SeriesDocument, VersionDocument, VersionNumber } from './author-api-responses.ts';
import { CachedLoader, type Loaded } from './cached-loader.ts';
import type { PublishedVersion, QuestionnaireSource } from './source.ts';

export interface AuthorApiSourceOptions {
  /** AUTHOR_API_URL, e.g. `https://author.example.gov.uk` (a path prefix is kept). */
  baseUrl: string;
  /** AUTHOR_API_TOKEN: the runner's service credential, sent as a bearer token. */
  token: string;
  fetch?: typeof fetch;
  logger: Pick<Logger, 'warn' | 'error'>;
  /** Each request's limit, body included (default 5 s). */
  timeoutMs?: number;
  /** How long the latest pointer of a slug is trusted (default 30 s): a new publication shows within it. */
  latestTtlMs?: number;
  /** How long "there is no such slug, version or series" is trusted (default 10 s). */
  missingTtlMs?: number;
  /** How long a series' list of revoked codes is trusted (default 30 s): a revocation reaches every runner within it. */
  revokedTtlMs?: number;
  /** After a failed refresh, how long the last value is served before the next try (default 5 s). */
  retryAfterMs?: number;
  /** Versions kept in memory (default 200): each is a whole questionnaire. */
  maxVersions?: number;
  /** Latest pointers and series kept in memory (default 1,000 each): small, but keyed by request input. */
  maxPointers?: number;
  now?: () => number;
}

/** The revoked codes of one series as far as read, and where the next read starts. */
interface RevokedCodes {
  hashes: Set<string>;
  cursor: string | undefined;
}

/** Pages of revoked codes read in one refresh (10,000 hashes each); a longer list goes on at the next read. */
const MAX_REVOKED_PAGES = 100;

/** The author API could not be reached, failed, or answered something that is not a valid reply. */
export class AuthorApiError extends Error {
  constructor(
    message: string,
    readonly reason: 'unavailable' | 'invalid',
    readonly status?: number,
  ) {
    super(message);
    this.name = 'AuthorApiError';
  }
}

/**
 * Published questionnaires from the author app (the contract is in README.md). Versions are
 * immutable, so they are kept for ever in a bounded LRU; the latest pointer for a short time.
 * Not-found answers are kept briefly, concurrent reads share one request, and when the author app
 * fails, the last value known is served. Other failures reject with an `AuthorApiError`.
 */
export class AuthorApiSource implements QuestionnaireSource {
  private readonly baseUrl: string;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;
  private readonly latestTtlMs: number;
  private readonly missingTtlMs: number;
  private readonly pointers: CachedLoader<LatestPointer | undefined>;
  private readonly versions: CachedLoader<PublishedVersion | undefined>;
  private readonly series: CachedLoader<string | undefined>;
  private readonly revokedTtlMs: number;
  private readonly revocations: CachedLoader<RevokedCodes>;

  constructor(private readonly options: AuthorApiSourceOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetch = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.latestTtlMs = options.latestTtlMs ?? 30_000;
    this.missingTtlMs = options.missingTtlMs ?? 10_000;
    const shared = {
      now: options.now ?? Date.now,
      retryAfterMs: options.retryAfterMs ?? 5_000,
      onStale: (key: string, error: unknown) =>
        options.logger.warn({ key, err: describe(error) }, 'author api failed: serving the cached value'),
    };
    const maxPointers = options.maxPointers ?? 1_000;
    this.pointers = new CachedLoader({ ...shared, max: maxPointers });
    this.versions = new CachedLoader({ ...shared, max: options.maxVersions ?? 200 });
    this.series = new CachedLoader({ ...shared, max: maxPointers });
    this.revokedTtlMs = options.revokedTtlMs ?? 30_000;
    this.revocations = new CachedLoader({ ...shared, max: maxPointers });
  }

  async latest(slug: string): Promise<PublishedVersion | undefined> {
    if (!Id.safeParse(slug).success) return undefined;
    const pointer = await this.pointers.get(slug, () => this.loadPointer(slug));
    if (!pointer) return undefined;
    const published = await this.version(slug, pointer.version);
    if (!published) return undefined;
    // Access and the opening window may change after publication: the pointer has the current ones.
    return {
      slug,
      version: pointer.version,
      questionnaire: published.questionnaire,
      openAccess: pointer.openAccess,
      ...window(pointer),
      ...(published.preview === undefined ? {} : { preview: published.preview }),
    };
  }

  async version(slug: string, version: number): Promise<PublishedVersion | undefined> {
    if (!Id.safeParse(slug).success || !VersionNumber.safeParse(version).success) return undefined;
    return this.versions.get(`${slug}@${version}`, () => this.loadVersion(slug, version));
  }

  async slugForSeries(series: number): Promise<string | undefined> {
    if (!Number.isSafeInteger(series) || series < 0) return undefined;
    return this.series.get(String(series), async () => {
      const body = await this.get(`/api/v1/published/series/${series}`);
      if (body === undefined) return this.missing();
      // A series belongs to one questionnaire for good.
      return { value: this.parse(SeriesDocument, body, `series ${series}`).slug, ttlMs: Number.POSITIVE_INFINITY };
    });
  }

  /**
   * Whether a code is revoked, from the series' list of revoked codes: read whole once, then only
   * what was revoked since (a cursor), at most every `revokedTtlMs`, one request however many
   * respondents start at once. Revocations are rare, so the list is small and a start normally
   * costs no request at all. When the list cannot be read and nothing is cached, the code counts as
   * valid (and that is logged): the author app being down must not stop a census.
   */
  async isCodeRevoked(series: number, codeHash: string): Promise<boolean> {
    if (!Number.isSafeInteger(series) || series < 0) return false;
    try {
      const revoked = await this.revocations.get(String(series), (previous) => this.loadRevoked(series, previous));
      return revoked.hashes.has(codeHash);
    } catch (error) {
      this.options.logger.warn({ series, err: describe(error) }, 'revoked codes unavailable: the code counts as valid');
      return false;
    }
  }

  private async loadRevoked(series: number, previous: RevokedCodes | undefined): Promise<Loaded<RevokedCodes>> {
    // Hashes only ever join the set, so adding to the cached one is safe even if a page fails.
    const hashes = previous?.hashes ?? new Set<string>();
    let cursor = previous?.cursor;
    for (let page = 0; page < MAX_REVOKED_PAGES; page++) {
      const since = cursor === undefined ? '' : `?since=${encodeURIComponent(cursor)}`;
      const body = await this.get(`/api/v1/published/series/${series}/revoked${since}`);
      // No such series (or an author app without revocations): nothing of it is revoked.
      if (body === undefined) break;
      const reply = this.parse(RevokedPage, body, `revoked codes of series ${series}`);
      if (reply.series !== series) {
        throw new AuthorApiError(`revoked codes of series ${series}: names series ${reply.series}`, 'invalid');
      }
      for (const hash of reply.revoked) hashes.add(hash);
      cursor = reply.cursor ?? cursor;
      if (!reply.more) return { value: { hashes, cursor }, ttlMs: this.revokedTtlMs };
    }
    // Stopped early: a very long list carries on at the next read rather than in this one.
    return { value: { hashes, cursor }, ttlMs: cursor === previous?.cursor ? this.revokedTtlMs : 0 };
  }

  private async loadPointer(slug: string): Promise<Loaded<LatestPointer | undefined>> {
    const body = await this.get(`/api/v1/published/${slug}`);
    if (body === undefined) return this.missing();
    const pointer = this.parse(LatestPointer, body, `latest of ${slug}`);
    if (pointer.slug !== slug) throw new AuthorApiError(`latest of ${slug}: names ${pointer.slug}`, 'invalid');
    return { value: pointer, ttlMs: this.latestTtlMs };
  }

  private async loadVersion(slug: string, version: number): Promise<Loaded<PublishedVersion | undefined>> {
    const body = await this.get(`/api/v1/published/${slug}/versions/${version}`);
    if (body === undefined) return this.missing();
    const what = `${slug} version ${version}`;
    const document = this.parse(VersionDocument, body, what);
    if (document.slug !== slug || document.version !== version) {
      throw new AuthorApiError(`${what}: names ${document.slug} version ${document.version}`, 'invalid');
    }
    const questionnaire = this.parse(Questionnaire, document.definition, `${what} definition`);
    const published: PublishedVersion = {
      slug,
      version,
      questionnaire,
      openAccess: document.openAccess,
      ...window(document),
      ...(document.preview === undefined ? {} : { preview: document.preview }),
    };
    return { value: published, ttlMs: Number.POSITIVE_INFINITY };
  }

  private missing(): Loaded<undefined> {
    return { value: undefined, ttlMs: this.missingTtlMs };
  }

  /** The JSON body of a GET, or undefined on 404. */
  private async get(path: string): Promise<unknown> {
    let response: Response;
    try {
      response = await this.fetch(`${this.baseUrl}${path}`, {
        headers: { authorization: `Bearer ${this.options.token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new AuthorApiError(`GET ${path}: ${describe(error)}`, 'unavailable');
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      if (response.status === 404) return undefined;
      throw new AuthorApiError(`GET ${path}: HTTP ${response.status}`, 'unavailable', response.status);
    }
    try {
      return await response.json();
    } catch (error) {
      const reason = error instanceof SyntaxError ? 'invalid' : 'unavailable';
      throw new AuthorApiError(`GET ${path}: unreadable body (${describe(error)})`, reason, response.status);
    }
  }

  private parse<S extends z.ZodType>(schema: S, body: unknown, what: string): z.infer<S> {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    const problems = parsed.error.issues.slice(0, 10).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    this.options.logger.error({ what, problems }, 'author api sent an invalid reply');
    throw new AuthorApiError(`${what}: invalid reply (${problems.join('; ')})`, 'invalid');
  }
}

function window(source: { opensAt?: string | undefined; closesAt?: string | undefined }) {
  return {
    ...(source.opensAt === undefined ? {} : { opensAt: source.opensAt }),
    ...(source.closesAt === undefined ? {} : { closesAt: source.closesAt }),
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.name === 'TimeoutError' ? 'timed out' : error.message;
  return String(error);
}
