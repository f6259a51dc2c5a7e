import { placeholderNames } from './placeholder-uses.ts';
import { type Check, error, type Problem, pointer, warning } from './problem.ts';

/**
 * Every `{name}` in a text needs a definition in `placeholders`; a plural form may also use
 * `{count}`. Definitions that no text uses are reported as warnings.
 */
export const placeholderDefinitions: Check = (ctx) => {
  const defined = ctx.questionnaire.placeholders ?? {};
  const used = new Set<string>();
  const problems: Problem[] = [];
  const use = (name: string, at: string, subject: string) => {
    used.add(name);
    if (!Object.hasOwn(defined, name)) {
      problems.push(error('unknown-placeholder', at, `${subject} uses placeholder {${name}}, which is not defined`));
    }
  };
  for (const { name, pointer: at, scope } of ctx.placeholderUses) use(name, at, `text on ${scope.where}`);
  for (const [owner, placeholder] of Object.entries(defined)) {
    if (!('plural' in placeholder)) continue;
    for (const [lang, forms] of Object.entries(placeholder.plural.forms)) {
      for (const [category, form] of Object.entries(forms)) {
        const at = pointer('placeholders', owner, 'plural', 'forms', lang, category);
        for (const name of placeholderNames(form))
          if (name !== 'count') use(name, at, `a plural form of placeholder "${owner}"`);
      }
    }
  }
  return [
    ...problems,
    ...Object.keys(defined)
      .filter((name) => !used.has(name))
      .map((name) =>
        warning('unused-placeholder', pointer('placeholders', name), `placeholder "${name}" is not used in any text`),
      ),
  ];
};
