import type { Questionnaire } from '@eq/schema';
import { type CompiledQuestionnaire, compile } from '../compile.ts';
import { type ExpressionSite, expressionSites } from './expression-sites.ts';
import { type PageSite, pageSites } from './page-sites.ts';
import { type PlaceholderUse, placeholderUses } from './placeholder-uses.ts';
import { type TextSite, textSites } from './text-sites.ts';

/** The questionnaire, its index and where each page sits. */
export interface PageIndex {
  questionnaire: Questionnaire;
  compiled: CompiledQuestionnaire;
  /** Every page and sub-page in document order, duplicates included. */
  pages: PageSite[];
  /** The first page or sub-page with each id. */
  pageById: Map<string, PageSite>;
}

/** What every check reads: the page index plus every expression, text and placeholder use with its pointer. */
export interface CheckContext extends PageIndex {
  expressions: ExpressionSite[];
  texts: TextSite[];
  /** Every `{name}` written in a text. */
  placeholderUses: PlaceholderUse[];
}

export function checkContext(questionnaire: Questionnaire): CheckContext {
  const pages = pageSites(questionnaire);
  const pageById = new Map<string, PageSite>();
  for (const site of pages) if (!pageById.has(site.id)) pageById.set(site.id, site);
  const index: PageIndex = { questionnaire, compiled: compile(questionnaire), pages, pageById };
  const texts = textSites(index);
  return { ...index, expressions: expressionSites(index), texts, placeholderUses: placeholderUses(texts) };
}

/** The page site asking an answer (its first definition). */
export function answerPage(ctx: PageIndex, answerId: string): PageSite | undefined {
  const info = ctx.compiled.answers.get(answerId);
  return info ? ctx.pageById.get(info.pageId) : undefined;
}
