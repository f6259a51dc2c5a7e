import { answerSites } from './page-sites.ts';
import type { Check, Problem } from './problem.ts';
import { error, pointer } from './problem.ts';

type Kind = 'section' | 'page' | 'question' | 'answer';

/**
 * Section, page (sub-pages included), question and answer (detail answers included) ids must be
 * unique, each kind among its own. A variant repeats its page's question id and answer ids, which
 * is what variants are meant to do.
 */
export const duplicateIds: Check = (ctx) => {
  const problems: Problem[] = [];
  const first = new Map<string, string>();
  const claim = (kind: Kind, id: string, at: string) => {
    const earlier = first.get(`${kind}:${id}`);
    if (earlier === undefined) first.set(`${kind}:${id}`, at);
    else problems.push(error('duplicate-id', `${at}/id`, `${kind} id "${id}" is already used at ${earlier}`));
  };
  ctx.questionnaire.sections.forEach((s, i) => {
    claim('section', s.id, pointer('sections', i));
  });
  for (const site of ctx.pages) {
    claim('page', site.id, site.pointer);
    const [base] = site.questions;
    const baseAnswers = new Set(base ? answerSites(base).map((a) => a.answer.id) : []);
    for (const question of site.questions) {
      const repeatsBase = question.variant !== undefined;
      if (!repeatsBase || question.question.id !== base?.question.id)
        claim('question', question.question.id, question.pointer);
      const repeated = new Set<string>();
      for (const { answer, pointer: at } of answerSites(question)) {
        if (repeatsBase && baseAnswers.has(answer.id) && !repeated.has(answer.id)) repeated.add(answer.id);
        else claim('answer', answer.id, at);
      }
    }
  }
  return problems;
};

/** Option values must be unique within an answer: they are what gets stored. */
export const duplicateOptions: Check = (ctx) =>
  ctx.pages.flatMap((site) =>
    site.questions.flatMap((question) =>
      answerSites(question).flatMap(({ answer, pointer: at }) => {
        if (answer.type !== 'radio' && answer.type !== 'checkbox' && answer.type !== 'dropdown') return [];
        const seen = new Set<string>();
        return answer.options.flatMap((option, o) => {
          if (!seen.has(option.value)) {
            seen.add(option.value);
            return [];
          }
          const message = `answer "${answer.id}" has more than one option with the value "${option.value}"`;
          return [error('duplicate-option', `${at}/options/${o}/value`, message)];
        });
      }),
    ),
  );

export const duplicateMetadata: Check = (ctx) => {
  const seen = new Set<string>();
  return (ctx.questionnaire.metadata ?? []).flatMap((m, i) => {
    if (!seen.has(m.name)) {
      seen.add(m.name);
      return [];
    }
    return [
      error('duplicate-metadata', pointer('metadata', i, 'name'), `metadata "${m.name}" is defined more than once`),
    ];
  });
};

/**
 * Ids the runner's URLs use for pages of their own: `/questionnaire/summary`,
 * `/questionnaire/sections/<id>` and `/questionnaire/introduction`. A page or list with such an
 * id could never be reached.
 */
export const RESERVED_IDS: readonly string[] = ['summary', 'sections', 'introduction'];

export const reservedIds: Check = (ctx) => {
  const reserved = new Set(RESERVED_IDS);
  const problems: Problem[] = [];
  for (const site of ctx.pages) {
    if (reserved.has(site.id)) {
      problems.push(
        error('reserved-id', `${site.pointer}/id`, `page id "${site.id}" is reserved for the runner's own pages`),
      );
    }
    const list = 'list' in site.page && !site.role ? site.page.list : undefined;
    if (list !== undefined && reserved.has(list)) {
      problems.push(
        error('reserved-id', `${site.pointer}/list`, `list id "${list}" is reserved for the runner's own pages`),
      );
    }
  }
  return problems;
};
