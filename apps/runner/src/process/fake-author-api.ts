import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Questionnaire, Submission } from '@eq/schema';
import { seriesNumbers } from '../questionnaires/series.ts';
import { sendJson, startFakeServer } from '../questionnaires/testing/fake-server.ts';

/**
 * Test support: the author app as a runner process sees it (see questionnaires/README.md), over
 * real HTTP. It publishes the given questionnaires as version 1 with open access, keeps every
 * submission delivered to it once (by submission id, as the real one does), and lists the codes
 * revoked with `revoke` incrementally, as the real one does.
 */
export interface FakeAuthorApi {
  url: string;
  /** The runner's service credential (AUTHOR_API_TOKEN). */
  token: string;
  delivered: Submission[];
  /** Each questionnaire's access-code series, by slug. */
  series: ReadonlyMap<string, number>;
  /** Revokes a code of a series, by its `hashCode`. */
  revoke(series: number, codeHash: string): void;
  close(): Promise<void>;
}

export async function startFakeAuthorApi(questionnaires: Questionnaire[]): Promise<FakeAuthorApi> {
  const token = randomBytes(24).toString('base64url');
  const bySlug = new Map(questionnaires.map((q) => [q.id, q]));
  const series = seriesNumbers([...bySlug.keys()]);
  const delivered: Submission[] = [];
  const revocations: { series: number; codeHash: string }[] = [];
  const pointer = (slug: string) => ({ slug, version: 1, openAccess: true, opensAt: null, closesAt: null });

  const server = await startFakeServer((request, response) => {
    if (request.headers.authorization !== `Bearer ${token}`)
      return sendJson(response, 401, { error: { code: 'unauthorized' } });
    const path = request.path.split('?')[0] ?? '';
    if (request.method === 'POST' && path === '/api/v1/submissions') {
      const submission = Submission.parse(JSON.parse(request.body));
      if (delivered.some((s) => s.submissionId === submission.submissionId)) return sendJson(response, 409, {});
      delivered.push(submission);
      return sendJson(response, 201, { submissionId: submission.submissionId });
    }
    const revokedMatch = /^\/api\/v1\/published\/series\/(\d+)\/revoked$/.exec(path);
    if (revokedMatch) {
      const n = Number(revokedMatch[1]);
      if (![...series.values()].includes(n)) return sendJson(response, 404, {});
      // The cursor here is how many revocations (of any series) were already read.
      const since = Number(new URLSearchParams(request.path.split('?')[1] ?? '').get('since') ?? 0);
      const after = revocations.slice(since);
      const revoked = after.filter((r) => r.series === n).map((r) => r.codeHash);
      return sendJson(response, 200, { series: n, revoked, cursor: String(revocations.length), more: false });
    }
    const seriesMatch = /^\/api\/v1\/published\/series\/(\d+)$/.exec(path);
    if (seriesMatch) {
      const slug = [...series].find(([, n]) => n === Number(seriesMatch[1]))?.[0];
      return slug ? sendJson(response, 200, { slug }) : sendJson(response, 404, {});
    }
    const match = /^\/api\/v1\/published\/([^/]+)(?:\/versions\/(\d+))?$/.exec(path);
    const slug = match?.[1] ?? '';
    const definition = bySlug.get(slug);
    if (!match || !definition || (match[2] !== undefined && match[2] !== '1')) return sendJson(response, 404, {});
    if (match[2] === undefined) return sendJson(response, 200, { ...pointer(slug), series: series.get(slug) ?? 1 });
    return sendJson(response, 200, { ...pointer(slug), definition });
  });
  return {
    url: server.url,
    token,
    delivered,
    series,
    revoke: (n, codeHash) => revocations.push({ series: n, codeHash }),
    close: server.close,
  };
}

const require = createRequire(import.meta.url);

/** A bundled questionnaire of @eq/schema: `examples/census-household` or `fixtures/routing-and`. */
export function bundledQuestionnaire(name: string): Questionnaire {
  return Questionnaire.parse(JSON.parse(readFileSync(require.resolve(`@eq/schema/${name}.json`), 'utf8')));
}
