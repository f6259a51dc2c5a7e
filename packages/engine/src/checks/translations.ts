import { type Check, error, type Problem, pointer, warning } from './problem.ts';

/**
 * Every text needs a string in each declared language: a plain string stands for the first
 * language only, so it is missing the others. Strings in undeclared languages are never shown.
 */
export const translations: Check = (ctx) => {
  const languages = ctx.questionnaire.languages;
  const [first] = languages;
  const problems: Problem[] = [];
  const check = (present: string[], at: string, where: string) => {
    const missing = languages.filter((l) => !present.includes(l));
    if (missing.length > 0) {
      problems.push(
        error('missing-translation', at, `text on ${where} has no ${missing.map((l) => `"${l}"`).join(', ')} version`),
      );
    }
    for (const lang of present) {
      if (!languages.includes(lang)) {
        problems.push(
          warning(
            'undeclared-language',
            `${at}/${lang}`,
            `text on ${where} has a "${lang}" version, but "${lang}" is not in languages`,
          ),
        );
      }
    }
  };
  for (const site of ctx.texts) {
    check(
      typeof site.text === 'string' ? (first ? [first] : []) : Object.keys(site.text),
      site.pointer,
      site.scope.where,
    );
  }
  for (const [name, placeholder] of Object.entries(ctx.questionnaire.placeholders ?? {})) {
    if ('plural' in placeholder) {
      check(
        Object.keys(placeholder.plural.forms),
        pointer('placeholders', name, 'plural', 'forms'),
        `placeholder "${name}"`,
      );
    }
  }
  return problems;
};
