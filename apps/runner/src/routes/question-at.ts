import { type CompiledQuestionnaire, chooseQuestion, type Location, type RenderContext } from '@eq/engine';
import type { Question } from '@eq/schema';

/**
 * The question a location asks (its variant chosen for the respondent's answers), if it asks one:
 * a question page's, or a list collector's add/change or remove question; none for content pages,
 * calculated summaries and the questionnaire's own pages.
 */
export function questionAt(
  compiled: CompiledQuestionnaire,
  location: Location,
  ctx: RenderContext,
): Question | undefined {
  if (location.kind !== 'page') return undefined;
  const info = compiled.pages.get(location.page);
  const page = info?.page;
  if (!page || page.kind === 'content' || page.kind === 'calculatedSummary') return undefined;
  if (page.kind === 'listCollector' && info.role === 'item') return chooseQuestion(page.itemPage, ctx);
  if (page.kind === 'listCollector' && info.role === 'remove') return chooseQuestion(page.removePage, ctx);
  return chooseQuestion(page, ctx);
}
