import { answerSites } from './page-sites.ts';
import { type Check, error } from './problem.ts';

/** A text answer's pattern must compile the way answer validation applies it (whole value, unicode if possible). */
export const invalidPatterns: Check = (ctx) =>
  ctx.pages.flatMap((site) =>
    site.questions.flatMap((question) =>
      answerSites(question).flatMap(({ answer, pointer: at }) => {
        if (answer.type !== 'text' || !answer.pattern || compiles(answer.pattern.regex)) return [];
        const message = `the pattern of answer "${answer.id}" is not a valid regular expression`;
        return [error('invalid-pattern', `${at}/pattern/regex`, message)];
      }),
    ),
  );

/** Compiles on its own (so it cannot escape the group it is wrapped in) and wrapped to match the whole value. */
function compiles(regex: string): boolean {
  return ['u', ''].some((flags) => {
    try {
      new RegExp(regex, flags);
      new RegExp(`^(?:${regex})$`, flags);
      return true;
    } catch {
      return false;
    }
  });
}
