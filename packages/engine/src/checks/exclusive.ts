import { answerSites } from './page-sites.ts';
import { type Check, error, type Problem } from './problem.ts';

/**
 * "None of these" answers and options: a question's exclusiveAnswer must be a one-option checkbox
 * of that question, and only checkbox options can be exclusive.
 */
export const exclusiveChoices: Check = (ctx) =>
  ctx.pages.flatMap((site) =>
    site.questions.flatMap((questionSite) => {
      const { question, pointer: at } = questionSite;
      const problems: Problem[] = [];
      const id = question.exclusiveAnswer;
      if (id !== undefined && ctx.compiled.answers.has(id)) {
        const answer = question.answers.find((a) => a.id === id);
        if (answer?.type !== 'checkbox' || answer.options.length !== 1) {
          const what = answer
            ? `a ${answer.type} answer with ${'options' in answer ? answer.options.length : 0} options`
            : 'not an answer of this question';
          const message = `exclusiveAnswer "${id}" of question "${question.id}" must be a checkbox answer of this question with one option, but it is ${what}`;
          problems.push(error('exclusive-answer-invalid', `${at}/exclusiveAnswer`, message));
        }
      }
      for (const { answer, pointer: answerAt } of answerSites(questionSite)) {
        if (answer.type !== 'radio' && answer.type !== 'dropdown') continue;
        answer.options.forEach((option, o) => {
          if (!option.exclusive) return;
          const message = `option "${option.value}" of ${answer.type} answer "${answer.id}" is marked exclusive, which only applies to checkbox options`;
          problems.push(error('exclusive-option-invalid', `${answerAt}/options/${o}/exclusive`, message));
        });
      }
      return problems;
    }),
  );
