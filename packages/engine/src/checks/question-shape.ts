import type { PageSite } from './page-sites.ts';
import { pageName } from './page-sites.ts';
import { type Check, error, type Problem } from './problem.ts';

/**
 * Pages that act on the respondent's choice (add to a list, remove an item, be the primary person,
 * confirm, relate two people) ask exactly one radio answer, and the value they act on must be one
 * of its options.
 */
export const questionShape: Check = (ctx) => ctx.pages.flatMap(shapeProblems);

function shapeProblems(site: PageSite): Problem[] {
  const acted = actedValue(site);
  if (!acted && site.page.kind !== 'relationships') return [];
  return site.questions.flatMap(({ question, pointer: at, variant }) => {
    const name = variant === undefined ? pageName(site) : `variant ${variant + 1} of ${pageName(site)}`;
    const [only] = question.answers;
    if (question.answers.length !== 1 || only?.type !== 'radio') {
      return [error('question-shape', `${at}/answers`, `${name} must ask exactly one radio answer`)];
    }
    if (!acted || only.options.some((o) => o.value === acted.value)) return [];
    const message = `${acted.name} "${acted.value}" of ${name} is not an option of answer "${only.id}"`;
    return [error('value-not-an-option', acted.pointer, message)];
  });
}

/** The option value a page acts on, with where it is written. */
function actedValue(site: PageSite): { name: string; value: string; pointer: string } | undefined {
  const page = site.page;
  if (site.role === 'item') return undefined;
  if (site.role === 'remove' && page.kind === 'listCollector') {
    const collector = site.pointer.replace(/\/removePage$/, '');
    return { name: 'removeValue', value: page.removeValue, pointer: `${collector}/removeValue` };
  }
  switch (page.kind) {
    case 'listCollector':
    case 'primaryPerson':
      return { name: 'addValue', value: page.addValue, pointer: `${site.pointer}/addValue` };
    case 'confirmation':
      return { name: 'confirmValue', value: page.confirmValue, pointer: `${site.pointer}/confirmValue` };
    default:
      return undefined;
  }
}
