import type { Questionnaire, Submission } from '@eq/schema';
import { type CompiledQuestionnaire, compile } from '../compile.ts';
import { todayIso } from '../dates.ts';
import { validateMetadata } from '../metadata/validate-metadata.ts';
import { pathContext } from '../navigation/context.ts';
import { computePath } from '../navigation/path.ts';
import { isItemId, listItems, own, type ResponseState } from '../state.ts';
import { submittedAnswers } from './submitted-answers.ts';

/** What the runner knows about a response beyond its answers. */
export interface SubmissionEnvelope {
  /** A new UUID per submission: receivers store a submission once per id, so retries are safe. */
  submissionId: string;
  /** The runner's id for the response (one respondent's session of one questionnaire). */
  responseId: string;
  questionnaireVersion: number;
  /** ISO date-times. */
  startedAt: string;
  submittedAt: string;
  /** The language the respondent answered in. */
  language: string;
  /** The respondent's reference from the launch token, e.g. a business's reporting unit. */
  respondentRef?: string;
  /** A test response, to be kept out of outputs. */
  test?: boolean;
}

export interface SubmissionOptions {
  /** Today's date, YYYY-MM-DD, for date conditions on the path; defaults to today in UTC. */
  today?: string;
}

/**
 * The canonical submission document of a response: the answers on the respondent's path, the
 * lists, the declared metadata and the envelope. The same state always gives the same document.
 */
export function buildSubmission(
  q: Questionnaire,
  state: ResponseState,
  envelope: SubmissionEnvelope,
  options: SubmissionOptions = {},
): Submission {
  const compiled = compile(q);
  const today = options.today ?? todayIso();
  const path = computePath(q, state, { today });
  const ctx = pathContext(q, state, path, { lang: envelope.language, today });
  return {
    formatVersion: 1,
    submissionId: envelope.submissionId,
    responseId: envelope.responseId,
    questionnaireId: q.id,
    questionnaireVersion: envelope.questionnaireVersion,
    ...(q.surveyId === undefined ? {} : { surveyId: q.surveyId }),
    ...(envelope.respondentRef === undefined ? {} : { respondentRef: envelope.respondentRef }),
    language: envelope.language,
    ...(envelope.test === undefined ? {} : { test: envelope.test }),
    startedAt: envelope.startedAt,
    submittedAt: envelope.submittedAt,
    metadata: validateMetadata(q, state.metadata).metadata,
    lists: submittedLists(compiled, state),
    answers: submittedAnswers(compiled, ctx, path),
  };
}

/** Every list the questionnaire collects, with its items in order and its primary item. */
function submittedLists(compiled: CompiledQuestionnaire, state: ResponseState): Submission['lists'] {
  const lists: Submission['lists'] = {};
  for (const list of compiled.lists.keys()) {
    const stored = own(state.lists, list);
    const items = listItems(state, list).filter(isItemId);
    const primary = stored?.primary;
    lists[list] = primary !== undefined && items.includes(primary) ? { items, primary } : { items };
  }
  return lists;
}
