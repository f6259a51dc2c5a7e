import { isNumericAnswer } from '../values.ts';
import { pageName } from './page-sites.ts';
import { type Check, error, type Problem } from './problem.ts';

/** A question's totals add up its own numeric answers; a calculated summary adds up numeric answers. */
export const sumAnswers: Check = (ctx) =>
  ctx.pages.flatMap((site) => {
    const problems: Problem[] = [];
    for (const { question, pointer: at } of site.questions) {
      const numeric = new Set(question.answers.filter(isNumericAnswer).map((a) => a.id));
      question.totals?.forEach((rule, t) => {
        const name = `total rule ${t + 1} of question "${question.id}"`;
        if (!rule.answers && numeric.size === 0) {
          problems.push(
            error(
              'totals-answer-invalid',
              `${at}/totals/${t}`,
              `${name} adds up the question's numeric answers, but it has none`,
            ),
          );
        }
        rule.answers?.forEach((id, i) => {
          if (numeric.has(id) || !ctx.compiled.answers.has(id)) return;
          const message = `${name} adds up answer "${id}", which is not a numeric answer of this question`;
          problems.push(error('totals-answer-invalid', `${at}/totals/${t}/answers/${i}`, message));
        });
      });
    }
    if (!site.role && site.page.kind === 'calculatedSummary') {
      site.page.answers.forEach((id, i) => {
        const answer = ctx.compiled.answers.get(id)?.answer;
        if (!answer || isNumericAnswer(answer)) return;
        const message = `${pageName(site)} adds up answer "${id}", which is a ${answer.type} answer, not a number`;
        problems.push(error('calculated-answer-invalid', `${site.pointer}/answers/${i}`, message));
      });
    }
    return problems;
  });
