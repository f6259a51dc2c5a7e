import type { Answer, DetailAnswer, Question, Text } from '@eq/schema';
import type { AnswerValue } from '../values.ts';

/** Answers that rule out the others: an exclusive option, or a question's exclusive answer. */

/** Whether an option is the chosen one (radio, dropdown) or among those chosen (checkbox). */
export function isChosen(value: AnswerValue | undefined, option: string): boolean {
  return value === option || (Array.isArray(value) && value.includes(option));
}

/** The label of an exclusive option ("None of these") chosen together with other options. */
export function exclusiveOptionLabel(answer: Answer | DetailAnswer, value: AnswerValue): Text | undefined {
  if (answer.type !== 'checkbox' || !Array.isArray(value) || value.length < 2) return undefined;
  return answer.options.find((o) => o.exclusive && value.includes(o.value))?.label;
}

function isAnswered(value: AnswerValue | undefined): boolean {
  return value !== undefined && !(Array.isArray(value) && value.length === 0);
}

/**
 * Whether an unanswered answer need not be given although mandatory: the question's exclusive
 * answer ("I prefer not to say") answers the question in place of the others, and they in its place.
 */
export function answeredInstead(
  question: Question,
  answerId: string,
  values: Record<string, AnswerValue | undefined>,
): boolean {
  const exclusive = question.exclusiveAnswer;
  if (exclusive === undefined || !question.answers.some((a) => a.id === exclusive)) return false;
  if (answerId !== exclusive) return isAnswered(values[exclusive]);
  return Object.entries(values).some(([id, value]) => id !== exclusive && isAnswered(value));
}

/** The question's exclusive answer ("I prefer not to say") given together with any other answer. */
export function checkExclusiveAnswer(
  question: Question,
  values: Record<string, AnswerValue | undefined>,
  report: (answer: Answer, label: Text) => void,
): void {
  const exclusive = question.answers.find((a) => a.id === question.exclusiveAnswer);
  if (!exclusive || !isAnswered(values[exclusive.id])) return;
  const others = Object.entries(values).some(([id, value]) => id !== exclusive.id && isAnswered(value));
  if (!others) return;
  const value = values[exclusive.id];
  const option = 'options' in exclusive ? exclusive.options.find((o) => isChosen(value, o.value)) : undefined;
  report(exclusive, option?.label ?? exclusive.label);
}
