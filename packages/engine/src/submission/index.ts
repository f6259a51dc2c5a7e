export { buildSubmission, type SubmissionEnvelope, type SubmissionOptions } from './build-submission.ts';
