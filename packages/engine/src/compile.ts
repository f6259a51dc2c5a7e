import type {
  Answer,
  DetailAnswer,
  ListCollectorPage,
  MetadataDefinition,
  Page,
  PrimaryPersonPage,
  Question,
  Questionnaire,
  Section,
} from '@eq/schema';

/** Where an answer is asked and how it is stored. */
export interface AnswerInfo {
  answer: Answer | DetailAnswer;
  question: Question;
  /** The page id the answer is asked on (for sub-pages of a list collector, the sub-page's id). */
  pageId: string;
  section: Section;
  /** The list whose items each have their own value (repeating section or list item page). */
  list?: string;
  /** Answers on a relationships page hold one value per other item. */
  relationship?: boolean;
  /** Detail answers: the option they belong to. */
  parent?: { answerId: string; value: string };
  /**
   * Answers that steer the journey rather than answer for the respondent (list collector, remove,
   * primary person and confirmation questions): left out of submissions, read like any other answer.
   */
  transient?: boolean;
  /** Position in document order, for "asked before" comparisons. */
  order: number;
}

/** A page, or a sub-page of a list collector (item page or remove page). */
export interface PageInfo {
  id: string;
  page: Page;
  section: Section;
  sectionIndex: number;
  /** Index of the page within its section. */
  index: number;
  order: number;
  /** For sub-pages of a list collector: which role they play. */
  role?: 'item' | 'remove';
  /** The list whose items this page is asked for (repeating section, item and remove pages). */
  list?: string;
  /** The questions the page can show (its question and every variant). */
  questions: Question[];
}

export interface ListInfo {
  collector: ListCollectorPage;
  section: Section;
  primary?: PrimaryPersonPage;
}

export interface CompiledQuestionnaire {
  questionnaire: Questionnaire;
  languages: string[];
  defaultLanguage: string;
  sections: Map<string, { section: Section; index: number }>;
  pages: Map<string, PageInfo>;
  answers: Map<string, AnswerInfo>;
  lists: Map<string, ListInfo>;
  metadata: Map<string, MetadataDefinition>;
}

const cache = new WeakMap<Questionnaire, CompiledQuestionnaire>();

/**
 * Indexes a questionnaire by id. The result is cached per questionnaire object, so treat a
 * questionnaire as immutable once compiled. Duplicate ids keep their first definition (the
 * static checks report them).
 */
export function compile(questionnaire: Questionnaire): CompiledQuestionnaire {
  const cached = cache.get(questionnaire);
  if (cached) return cached;
  const compiled = build(questionnaire);
  cache.set(questionnaire, compiled);
  return compiled;
}

function build(q: Questionnaire): CompiledQuestionnaire {
  const out: CompiledQuestionnaire = {
    questionnaire: q,
    languages: q.languages,
    defaultLanguage: q.languages[0] ?? 'en',
    sections: new Map(),
    pages: new Map(),
    answers: new Map(),
    lists: new Map(),
    metadata: new Map((q.metadata ?? []).map((m) => [m.name, m])),
  };
  let order = 0;
  q.sections.forEach((section, sectionIndex) => {
    if (!out.sections.has(section.id)) out.sections.set(section.id, { section, index: sectionIndex });
    const sectionList = section.repeat?.list;
    section.pages.forEach((page, index) => {
      const base = { page, section, sectionIndex, index };
      const questions = pageQuestions(page);
      const list = page.kind === 'relationships' ? page.list : sectionList;
      addPage(out, { ...base, id: page.id, order: order++, questions, ...(list ? { list } : {}) });
      const scope = {
        section,
        pageId: page.id,
        ...(sectionList ? { list: sectionList } : {}),
        ...(page.kind === 'relationships' ? { list: page.list, relationship: true } : {}),
        ...(isTransient(page) ? { transient: true } : {}),
      };
      for (const question of questions) order = addAnswers(out, question, scope, order);
      if (page.kind === 'listCollector') {
        if (!out.lists.has(page.list)) out.lists.set(page.list, { collector: page, section });
        for (const [role, sub] of [
          ['item', page.itemPage],
          ['remove', page.removePage],
        ] as const) {
          const subQuestions = [sub.question, ...(sub.variants ?? []).map((v) => v.question)];
          addPage(out, { ...base, id: sub.id, order: order++, role, list: page.list, questions: subQuestions });
          const subScope = {
            section,
            pageId: sub.id,
            list: page.list,
            ...(role === 'remove' ? { transient: true } : {}),
          };
          for (const question of subQuestions) order = addAnswers(out, question, subScope, order);
        }
      }
    });
  });
  // Primary person pages attach to their list once every collector is known.
  for (const section of q.sections) {
    for (const page of section.pages) {
      const list = page.kind === 'primaryPerson' ? out.lists.get(page.list) : undefined;
      if (page.kind === 'primaryPerson' && list && !list.primary) list.primary = page;
    }
  }
  return out;
}

function isTransient(page: Page): boolean {
  return page.kind === 'listCollector' || page.kind === 'primaryPerson' || page.kind === 'confirmation';
}

function pageQuestions(page: Page): Question[] {
  if (page.kind === 'content' || page.kind === 'calculatedSummary') return [];
  return [page.question, ...(page.variants ?? []).map((v) => v.question)];
}

function addPage(out: CompiledQuestionnaire, info: PageInfo): void {
  if (!out.pages.has(info.id)) out.pages.set(info.id, info);
}

type Scope = Pick<AnswerInfo, 'section' | 'pageId' | 'list' | 'relationship' | 'transient'>;

function addAnswers(out: CompiledQuestionnaire, question: Question, scope: Scope, order: number): number {
  let next = order;
  for (const answer of question.answers) {
    next = addAnswer(out, answer, question, scope, next);
    if (answer.type === 'radio' || answer.type === 'checkbox' || answer.type === 'dropdown') {
      for (const option of answer.options) {
        if (!option.detailAnswer) continue;
        const parent = { answerId: answer.id, value: option.value };
        next = addAnswer(out, option.detailAnswer, question, scope, next, parent);
      }
    }
  }
  return next;
}

/** Adds an answer at position `order`, returning the next position. */
function addAnswer(
  out: CompiledQuestionnaire,
  answer: Answer | DetailAnswer,
  question: Question,
  scope: Scope,
  order: number,
  parent?: AnswerInfo['parent'],
): number {
  // Variants repeat their answers: the first definition stands for all.
  if (out.answers.has(answer.id)) return order;
  out.answers.set(answer.id, { ...scope, answer, question, order, ...(parent ? { parent } : {}) });
  return order + 1;
}
