import type { Answer, DetailAnswer } from '@eq/schema';
import { answerSites, pageName } from './page-sites.ts';
import { type Check, error } from './problem.ts';

const CODE = 'variant-answers-mismatch';

/** A variant replaces how a question is asked, not what it collects: same answer ids, same types. */
export const variantAnswersMismatch: Check = (ctx) =>
  ctx.pages.flatMap((site) => {
    const [base, ...variants] = site.questions;
    if (!base) return [];
    const expected = new Map<string, Answer | DetailAnswer>(answerSites(base).map((a) => [a.answer.id, a.answer]));
    return variants.flatMap((variant) => {
      const name = `variant ${(variant.variant ?? 0) + 1} of ${pageName(site)}`;
      const own = answerSites(variant);
      const ids = new Set(own.map((a) => a.answer.id));
      const missing = [...expected.keys()].filter((id) => !ids.has(id));
      return [
        ...missing.map((id) =>
          error(CODE, `${variant.pointer}/answers`, `${name} has no answer "${id}", which the page's question has`),
        ),
        ...own.flatMap(({ answer, pointer: at }) => {
          const original = expected.get(answer.id);
          if (!original)
            return [
              error(CODE, `${at}/id`, `${name} has answer "${answer.id}", which the page's question does not have`),
            ];
          if (original.type !== answer.type) {
            const message = `${name} asks answer "${answer.id}" as ${answer.type}, but the page's question asks it as ${original.type}`;
            return [error(CODE, `${at}/type`, message)];
          }
          return [];
        }),
      ];
    });
  });
