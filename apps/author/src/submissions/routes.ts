import { Submission } from '@eq/schema';
import { z } from 'zod';
import type { FeatureRoutes } from '../app.ts';
import { ApiError } from '../http/errors.ts';
import { problemsOf } from '../http/validate.ts';
import { answerProblems } from './answer-problems.ts';
import { PublishedDefinitions } from './published-definitions.ts';
import { storeSubmission } from './store.ts';
import { unstorableStrings } from './unstorable-strings.ts';

/**
 * The body as the schema describes it (for the OpenAPI document), parsed once: a body that does
 * not fit is handed to the handler as an `InvalidSubmission`, which refuses it with 422 and every
 * problem, rather than the generic 400 of malformed requests.
 */
class InvalidSubmission {
  constructor(readonly error: z.ZodError) {}
}
const SubmissionBody = Submission.catch(
  (ctx) => new InvalidSubmission(new z.ZodError(ctx.error.issues)) as unknown as Submission,
);

const Stored = z.object({
  submissionId: z.uuid(),
  status: z.enum(['created', 'duplicate']),
  test: z.boolean(),
});

export const submissionRoutes: FeatureRoutes = (api, services) => {
  const { db } = services;
  const definitions = new PublishedDefinitions(db);

  api.post(
    '/submissions',
    {
      summary:
        'Receive a completed submission from a runner; idempotent on submissionId (send it as Idempotency-Key too)',
      tag: 'submissions',
      access: 'runner',
      body: SubmissionBody,
      responses: {
        201: { description: 'Stored', schema: Stored },
        200: { description: 'The same document was stored before: nothing changed', schema: Stored },
        400: { description: 'Idempotency-Key is not the submissionId' },
        409: { description: 'Another document was stored under this submissionId (submission_conflict)' },
        422: { description: 'Not a valid submission, or not one of the published version it names' },
      },
    },
    async ({ req, res, body }) => {
      const invalid = body instanceof InvalidSubmission ? (body as InvalidSubmission) : undefined;
      if (invalid) {
        throw new ApiError(422, 'invalid_submission', 'the submission is not valid', problemsOf(invalid.error));
      }
      const submission = body;
      const key = req.headers['idempotency-key'];
      if (key !== undefined && key !== submission.submissionId) {
        throw new ApiError(400, 'idempotency_key_mismatch', 'the Idempotency-Key header must be the submissionId');
      }
      const unstorable = unstorableStrings(submission);
      if (unstorable.length > 0) {
        throw new ApiError(422, 'invalid_submission', 'the submission has text that cannot be stored', unstorable);
      }
      const { questionnaireId: slug, questionnaireVersion: version } = submission;
      const published = await definitions.get(slug, version);
      if (!published) {
        throw new ApiError(422, 'unknown_questionnaire_version', `no published version ${version} of '${slug}'`, [
          { path: 'questionnaireVersion', message: `'${slug}' has no published version ${version}` },
        ]);
      }
      const problems = answerProblems(published.compiled, submission);
      if (problems.length > 0) {
        throw new ApiError(422, 'invalid_submission', `the submission does not fit version ${version}`, problems);
      }
      const test = submission.test === true || published.preview;
      const outcome = await storeSubmission(
        db,
        {
          submissionId: submission.submissionId,
          questionnaireId: published.questionnaireId,
          slug,
          version,
          test,
          receivedAt: services.now(),
        },
        submission,
      );
      if (outcome === 'conflict') {
        throw new ApiError(
          409,
          'submission_conflict',
          'a different submission was already stored under this submissionId',
        );
      }
      req.log.info({ submissionId: submission.submissionId, slug, version, outcome }, 'submission received');
      res
        .status(outcome === 'created' ? 201 : 200)
        .json({ submissionId: submission.submissionId, status: outcome, test });
    },
  );
};
