import { type CompiledQuestionnaire, readAnswer, validateMetadata } from '@eq/engine';
import type { Submission } from '@eq/schema';
import type { ProblemDetail } from '../http/errors.ts';

/**
 * What in a submission does not fit the published version it names: launch data the version
 * needs and does not have (or of another type), lists the questionnaire does not collect, answers it does not ask or with another data code, item ids not in their list,
 * values not of their answer's type or options, and the same answer given twice. A runner built
 * on the same engine never sends any of these.
 */
export function answerProblems(compiled: CompiledQuestionnaire, submission: Submission): ProblemDetail[] {
  const problems: ProblemDetail[] = validateMetadata(compiled.questionnaire, submission.metadata).problems.map(
    (problem) => ({ path: `metadata.${problem.name}`, message: problem.message }),
  );
  const version = submission.questionnaireVersion;
  const items = new Map<string, Set<string>>();
  const everyItem = new Set<string>();
  for (const [list, { items: ids, primary }] of Object.entries(submission.lists)) {
    const path = `lists.${list}`;
    if (!compiled.lists.has(list)) problems.push({ path, message: `version ${version} collects no list '${list}'` });
    const set = new Set(ids);
    // Item ids name one item of one list: answers carry only the id.
    if (set.size !== ids.length || ids.some((id) => everyItem.has(id))) {
      problems.push({ path: `${path}.items`, message: 'has an item id more than once' });
    }
    for (const id of ids) everyItem.add(id);
    if (primary !== undefined && !set.has(primary)) {
      problems.push({ path: `${path}.primary`, message: 'is not one of the list’s items' });
    }
    items.set(list, set);
  }
  const given = new Set<string>();
  submission.answers.forEach((answer, index) => {
    const at = `answers.${index}`;
    const info = compiled.answers.get(answer.answerId);
    if (!info || info.transient) {
      problems.push({ path: `${at}.answerId`, message: `version ${version} asks no answer '${answer.answerId}'` });
      return;
    }
    if (answer.qCode !== info.answer.qCode) {
      problems.push({ path: `${at}.qCode`, message: `is '${info.answer.qCode}' for answer '${answer.answerId}'` });
    }
    const list = info.list;
    if (list === undefined) {
      if (answer.listItemId !== undefined) {
        problems.push({ path: `${at}.listItemId`, message: `answer '${answer.answerId}' is not asked per list item` });
      }
    } else {
      const members = items.get(list);
      if (answer.listItemId === undefined) {
        problems.push({
          path: `${at}.listItemId`,
          message: `answer '${answer.answerId}' is asked per item of '${list}'`,
        });
      } else if (!members?.has(answer.listItemId)) {
        problems.push({ path: `${at}.listItemId`, message: `is not an item of list '${list}'` });
      }
      if (info.relationship && answer.toListItemId === undefined) {
        problems.push({
          path: `${at}.toListItemId`,
          message: `answer '${answer.answerId}' is asked per pair of items`,
        });
      }
    }
    if (answer.toListItemId !== undefined) {
      if (!info.relationship) {
        problems.push({ path: `${at}.toListItemId`, message: `answer '${answer.answerId}' is not asked per pair` });
      } else if (
        answer.toListItemId === answer.listItemId ||
        !(list !== undefined && items.get(list)?.has(answer.toListItemId))
      ) {
        problems.push({ path: `${at}.toListItemId`, message: `is not another item of list '${list}'` });
      }
    }
    if (!fits(info.answer, answer.value)) {
      problems.push({ path: `${at}.value`, message: `is not a valid ${info.answer.type} value` });
    }
    const key = `${answer.answerId} ${answer.listItemId ?? ''} ${answer.toListItemId ?? ''}`;
    if (given.has(key)) problems.push({ path: at, message: 'gives an answer already given' });
    given.add(key);
  });
  return problems;
}

/** The engine's own reading of a stored value: whatever it would refuse to read back does not fit. */
function fits(answer: Parameters<typeof readAnswer>[0], value: unknown): boolean {
  const read = readAnswer(answer, value);
  if (read === undefined) return false;
  // A checkbox reading keeps only known options: anything dropped was not one.
  return !Array.isArray(value) || (Array.isArray(read) && read.length === value.length);
}
