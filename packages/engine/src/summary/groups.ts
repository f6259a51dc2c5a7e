import type { ListCollectorPage } from '@eq/schema';
import { evaluate } from '../evaluate.ts';
import type { PageLocation } from '../navigation/completion.ts';
import { contextAt } from '../navigation/context.ts';
import { listItems, own } from '../state.ts';
import { type RenderContext, renderText } from '../text/render.ts';
import { chooseQuestion } from '../text/variants.ts';
import { summaryAnswer } from './answers.ts';
import { formattedTotal } from './calculated.ts';
import type { ListGroup, QuestionGroup, SummaryGroup, SummaryListItem } from './model.ts';

/**
 * The summary group of one location on the path, rendered at its item and pair. Content and
 * confirmation pages have nothing to show (a confirmation answer is not respondent data), nor
 * do item pages on the path: the list group of their collector shows the items.
 */
export function groupOf(location: PageLocation, ctx: RenderContext): SummaryGroup | undefined {
  const info = ctx.compiled.pages.get(location.page);
  if (!info || info.role) return undefined;
  const page = info.page;
  const { item, to } = location;
  const at = item === ctx.item && to === ctx.to ? ctx : contextAt(ctx, item, to, info.list);
  switch (page.kind) {
    case 'question':
    case 'primaryPerson':
    case 'relationships': {
      const question = chooseQuestion(page, at);
      const title = renderText(question.title, at);
      const answers = question.answers.map((answer) => summaryAnswer(answer, at, location));
      const group: QuestionGroup = { kind: 'question', page: page.id, title, answers, change: location };
      if (item !== undefined) group.item = item;
      if (to !== undefined) group.to = to;
      return group;
    }
    case 'listCollector':
      return listGroup(page, location, at);
    case 'calculatedSummary':
      return {
        kind: 'calculated',
        page: page.id,
        title: renderText(page.title, at),
        total: formattedTotal(page, at),
        change: location,
      };
    default:
      return undefined;
  }
}

const CURRENT_LABEL = { itemLabel: 'current' } as const;

function listGroup(collector: ListCollectorPage, location: PageLocation, ctx: RenderContext): ListGroup {
  const { list, itemPage, removePage } = collector;
  const primary = own(ctx.state.lists, list)?.primary;
  const subPage = (page: string, item?: string): PageLocation => ({
    kind: 'page',
    section: location.section,
    page,
    ...(item === undefined ? {} : { item }),
  });
  const items = listItems(ctx.state, list).map((item): SummaryListItem => {
    const label = evaluate(CURRENT_LABEL, contextAt(ctx, item, undefined, list));
    return {
      item,
      label: typeof label === 'string' ? label : '',
      change: subPage(itemPage.id, item),
      ...(item === primary ? {} : { remove: subPage(removePage.id, item) }),
    };
  });
  return {
    kind: 'list',
    page: collector.id,
    list,
    title: renderText(collector.title ?? chooseQuestion(collector, ctx).title, ctx),
    items,
    add: subPage(itemPage.id),
  };
}
