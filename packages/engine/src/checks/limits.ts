import type { Answer, DetailAnswer } from '@eq/schema';
import { boundLimit } from '../answers/bounds.ts';
import { durationMonths } from '../values.ts';
import { answerSites, bounds } from './page-sites.ts';
import { type Check, error, type Problem } from './problem.ts';

const CODE = 'min-greater-than-max';

/**
 * Limits that leave no valid value, when both ends are literals: min above max (or equal to it
 * with either end exclusive) as validation compares them, minLength above maxLength, minItems
 * above maxItems.
 */
export const impossibleLimits: Check = (ctx) =>
  ctx.pages.flatMap((site) => {
    const problems: Problem[] = [];
    const page = site.page;
    if (
      !site.role &&
      page.kind === 'listCollector' &&
      page.minItems !== undefined &&
      page.maxItems !== undefined &&
      page.minItems > page.maxItems
    ) {
      const message = `list collector "${page.id}" needs at least ${page.minItems} items but allows at most ${page.maxItems}`;
      problems.push(error(CODE, `${site.pointer}/minItems`, message));
    }
    for (const question of site.questions) {
      for (const { answer, pointer: at } of answerSites(question)) {
        const message = answerLimits(answer);
        if (message) problems.push(error(CODE, `${at}/${message[0]}`, `answer "${answer.id}" ${message[1]}`));
      }
    }
    return problems;
  });

/** Where the impossible limit is written (relative to the answer) and why it is impossible. */
function answerLimits(answer: Answer | DetailAnswer): [string, string] | undefined {
  if (
    answer.type === 'text' &&
    answer.minLength !== undefined &&
    answer.maxLength !== undefined &&
    answer.minLength > answer.maxLength
  ) {
    return ['minLength', `needs at least ${answer.minLength} characters but allows at most ${answer.maxLength}`];
  }
  if (answer.type === 'duration') {
    if (!answer.min || !answer.max || durationMonths(answer.min) <= durationMonths(answer.max)) return undefined;
    return ['min', 'has a minimum duration longer than its maximum'];
  }
  const ends = Object.fromEntries(bounds(answer));
  if (!ends.min || !ends.max) return undefined;
  // A literal is its own value; any other expression (an object) has none yet, and boundLimit refuses it.
  const [low, high] = [boundLimit(answer, ends.min.value), boundLimit(answer, ends.max.value)];
  if (low === undefined || high === undefined || typeof low !== typeof high) return undefined;
  const exclusive = ends.min.exclusive === true || ends.max.exclusive === true;
  if (low > high || (low === high && exclusive)) {
    return [
      'min/value',
      `has a minimum of ${JSON.stringify(ends.min.value)} and a maximum of ${JSON.stringify(ends.max.value)}: no value is allowed`,
    ];
  }
  return undefined;
}
