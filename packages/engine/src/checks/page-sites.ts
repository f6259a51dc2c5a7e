import type {
  Answer,
  Bound,
  DetailAnswer,
  Expression,
  ListCollectorPage,
  Page,
  Question,
  Questionnaire,
  QuestionVariant,
  Section,
} from '@eq/schema';
import { pointer } from './problem.ts';

/** A question as shown on a page: the page's own question or one of its variants. */
export interface QuestionSite {
  question: Question;
  pointer: string;
  /** Index of the variant, when the question is a variant's. */
  variant?: number;
  /** The variant's condition. */
  when?: Expression;
}

/** A page or a list collector's sub-page, where it sits in the document. */
export interface PageSite {
  id: string;
  /** The page; for an item or remove sub-page, the list collector that holds it. */
  page: Page;
  role?: 'item' | 'remove';
  pointer: string;
  section: Section;
  sectionIndex: number;
  /** Index among every page and sub-page in document order. */
  position: number;
  /** The list whose current item the page is asked for. */
  itemList?: string;
  /** A relationships page, where the other item of a pair is known too. */
  pair: boolean;
  questions: QuestionSite[];
}

export function pageSites(q: Questionnaire): PageSite[] {
  const out: PageSite[] = [];
  q.sections.forEach((section, sectionIndex) => {
    section.pages.forEach((page, pageIndex) => {
      const at = pointer('sections', sectionIndex, 'pages', pageIndex);
      const itemList = page.kind === 'relationships' ? page.list : section.repeat?.list;
      out.push({
        id: page.id,
        page,
        pointer: at,
        section,
        sectionIndex,
        position: out.length,
        ...(itemList ? { itemList } : {}),
        pair: page.kind === 'relationships',
        questions: 'question' in page ? questionSites(page, at) : [],
      });
      if (page.kind === 'listCollector') out.push(...subPageSites(page, at, section, sectionIndex, out.length));
    });
  });
  return out;
}

function subPageSites(
  collector: ListCollectorPage,
  at: string,
  section: Section,
  sectionIndex: number,
  position: number,
): PageSite[] {
  return (['item', 'remove'] as const).map((role, i) => {
    const sub = role === 'item' ? collector.itemPage : collector.removePage;
    const subAt = `${at}/${role}Page`;
    return {
      id: sub.id,
      page: collector,
      role,
      pointer: subAt,
      section,
      sectionIndex,
      position: position + i,
      itemList: collector.list,
      pair: false,
      questions: questionSites(sub, subAt),
    };
  });
}

function questionSites(
  holder: { question: Question; variants?: QuestionVariant[] | undefined },
  at: string,
): QuestionSite[] {
  return [
    { question: holder.question, pointer: `${at}/question` },
    ...(holder.variants ?? []).map((v, variant) => ({
      question: v.question,
      pointer: `${at}/variants/${variant}/question`,
      variant,
      when: v.when,
    })),
  ];
}

/** How a page is named in messages: `page "age"`, `item page "person"`. */
export function pageName(site: PageSite): string {
  return `${site.role ? `${site.role} page` : 'page'} "${site.id}"`;
}

/** An answer with where it is written; detail answers come after the answer whose option holds them. */
export interface AnswerSite {
  answer: Answer | DetailAnswer;
  pointer: string;
  /** For a detail answer, the answer whose option holds it. */
  parent?: Answer;
}

export function answerSites(question: QuestionSite): AnswerSite[] {
  const out: AnswerSite[] = [];
  question.question.answers.forEach((answer, a) => {
    const at = `${question.pointer}/answers/${a}`;
    out.push({ answer, pointer: at });
    if (answer.type !== 'radio' && answer.type !== 'checkbox' && answer.type !== 'dropdown') return;
    answer.options.forEach((option, o) => {
      if (option.detailAnswer) {
        out.push({ answer: option.detailAnswer, pointer: `${at}/options/${o}/detailAnswer`, parent: answer });
      }
    });
  });
  return out;
}

/** The min and max of an answer that takes expressions (durations take plain values). */
export function bounds(answer: Answer | DetailAnswer): ['min' | 'max', Bound][] {
  if (answer.type === 'duration' || !('min' in answer || 'max' in answer)) return [];
  const { min, max } = answer as { min?: Bound; max?: Bound };
  const out: ['min' | 'max', Bound][] = [];
  if (min) out.push(['min', min]);
  if (max) out.push(['max', max]);
  return out;
}
