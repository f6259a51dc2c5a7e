/**
 * Tests only: the runner's own code for reading what this app serves (its zod schemas of the
 * author API's replies, its AuthorApiSource, its launch-token verifier), so the tests check the
 * contract with the code that holds the other end of it. Imported by path at run time: the author
 * app's tsconfig (rootDir) does not compile the runner's files, so the few members used are typed
 * here.
 */

const runnerFile = (path: string) => new URL(`../../../runner/src/${path}`, import.meta.url).href;

export interface RunnerSchema {
  safeParse(value: unknown): { success: boolean; error?: { issues: unknown[] } };
}

export interface RunnerResponseSchemas {
  LatestPointer: RunnerSchema;
  VersionDocument: RunnerSchema;
  SeriesDocument: RunnerSchema;
}

/** apps/runner/src/questionnaires/author-api-responses.ts */
export function runnerResponseSchemas(): Promise<RunnerResponseSchemas> {
  return import(runnerFile('questionnaires/author-api-responses.ts'));
}

export interface RunnerPublishedVersion {
  slug: string;
  version: number;
  questionnaire: { id: string };
  openAccess: boolean;
  opensAt?: string;
  closesAt?: string;
  preview?: boolean;
}

export interface RunnerQuestionnaireSource {
  latest(slug: string): Promise<RunnerPublishedVersion | undefined>;
  version(slug: string, version: number): Promise<RunnerPublishedVersion | undefined>;
  slugForSeries(series: number): Promise<string | undefined>;
}

type Log = (...args: unknown[]) => void;

/** apps/runner/src/questionnaires/author-api-source.ts */
export async function runnerAuthorApiSource(options: {
  baseUrl: string;
  token: string;
  logger: { warn: Log; error: Log };
}): Promise<RunnerQuestionnaireSource> {
  const { AuthorApiSource } = (await import(runnerFile('questionnaires/author-api-source.ts'))) as {
    AuthorApiSource: new (o: typeof options) => RunnerQuestionnaireSource;
  };
  return new AuthorApiSource(options);
}

export type RunnerLaunchResult =
  | { ok: true; claims: Record<string, unknown> }
  | { ok: false; reason: string; detail: string };

/** apps/runner/src/launch/launch-token.ts, trusting the given JSON Web Key Set (LAUNCH_JWKS). */
export async function runnerLaunchTokenVerifier(
  jwks: string,
): Promise<{ verify(token: unknown, now?: Date): Promise<RunnerLaunchResult> }> {
  const { createLaunchTokenVerifier } = (await import(runnerFile('launch/launch-token.ts'))) as {
    createLaunchTokenVerifier: (o: { jwks: string }) => {
      verify(token: unknown, now?: Date): Promise<RunnerLaunchResult>;
    };
  };
  return createLaunchTokenVerifier({ jwks });
}

/** The public half of a private JWK, as a JSON Web Key Set (what runners are given as LAUNCH_JWKS). */
export function publicJwks(privateJwk: Record<string, unknown>): string {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicKey } = privateJwk;
  return JSON.stringify({ keys: [publicKey] });
}
