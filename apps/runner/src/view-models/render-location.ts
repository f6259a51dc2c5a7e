import { chooseQuestion, compile } from '@eq/engine';
import { contentPage } from './content-page.ts';
import { html } from './html.ts';
import { hubPage } from './hub.ts';
import { notFoundView } from './messages.ts';
import { itemLabel, listItemsSummary, questionPage } from './question-page.ts';
import { calculatedSummaryPage, finalSummaryPage, sectionSummaryPage } from './summary-pages.ts';
import type { LocationViewInput, PageView } from './view.ts';

export type { LocationViewInput, PageView } from './view.ts';
export { SUBMIT_ACTION } from './view.ts';

/**
 * The template and data for any location the runner shows: every page kind, a list collector's
 * item and remove pages, section summaries, the check-your-answers page and the hub. A location
 * the questionnaire does not have gives the not-found page.
 */
export function locationView(input: LocationViewInput): PageView {
  const { location, ctx } = input;
  switch (location.kind) {
    case 'hub':
      return hubPage(input);
    case 'summary':
      return finalSummaryPage(input);
    case 'sectionSummary':
      return sectionSummaryPage(input, location);
    case 'page':
      break;
  }
  const info = compile(input.questionnaire).pages.get(location.page);
  if (!info) return notFoundView({ chrome: input.chrome });
  const page = info.page;
  switch (page.kind) {
    case 'content':
      return contentPage(input, page);
    case 'calculatedSummary':
      return calculatedSummaryPage(input);
    case 'listCollector':
      if (info.role === 'item') return questionPage(input, chooseQuestion(page.itemPage, ctx));
      if (info.role === 'remove') {
        const caption = html(itemLabel(ctx, page.list, location));
        return questionPage(input, chooseQuestion(page.removePage, ctx), { caption });
      }
      return questionPage(input, chooseQuestion(page, ctx), { list: listItemsSummary(input, page) });
    default:
      return questionPage(input, chooseQuestion(page, ctx));
  }
}
