import {
  compile,
  contextAt,
  evaluate,
  type Location,
  listItems,
  own,
  type RenderContext,
  renderText,
} from '@eq/engine';
import type { ListCollectorPage, Question } from '@eq/schema';
import { t } from '../i18n/index.ts';
import type { MacroParams } from './answers/context.ts';
import { errorSummary } from './errors.ts';
import { formView } from './form.ts';
import { type Html, html } from './html.ts';
import { pageFrame } from './page.ts';
import { questionView } from './question.ts';
import type { LocationViewInput, PageView } from './view.ts';

/**
 * A page that asks one question: question, primary person, relationships (one pair) and
 * confirmation pages, and a list collector's driving question (after the items so far, `list`)
 * and its item and remove pages (the remove page names the item first, `caption`).
 */
export function questionPage(
  input: LocationViewInput,
  question: Question,
  extra: { caption?: Html; list?: MacroParams } = {},
): PageView {
  const { chrome, ctx, errors } = input;
  const title = renderText(question.title, ctx);
  const asked = questionView(
    question,
    ctx,
    {
      ...(input.form ? { form: input.form } : {}),
      ...(errors ? { errors } : {}),
    },
    title,
  );
  return {
    template: 'pages/question.njk',
    view: {
      page: pageFrame(chrome, {
        title,
        hasErrors: (errors?.length ?? 0) > 0,
        ...(input.backUrl === undefined ? {} : { backUrl: input.backUrl }),
      }),
      errorSummary: errorSummary(errors, chrome.lang),
      form: formView(chrome, input.action, t(chrome.lang, 'saveAndContinue')),
      question: asked.view,
      questionTitle: asked.title,
      ...extra,
    },
  };
}

/** The label of the location's item, as the list collector names it; "Item 2" when it has none. */
export function itemLabel(ctx: RenderContext, list: string, location: Location): string {
  const item = location.kind === 'page' ? location.item : undefined;
  const index = listItems(ctx.state, list).indexOf(item ?? '');
  const label = evaluate({ itemLabel: 'current' }, contextAt(ctx, item, undefined, list));
  return typeof label === 'string' && label !== '' ? label : t(ctx.lang, 'unnamedItem', { number: index + 1 });
}

/** The items collected so far, each with Change and Remove links (none to remove the respondent's own). */
export function listItemsSummary(input: LocationViewInput, collector: ListCollectorPage): MacroParams | undefined {
  const { ctx } = input;
  const lang = ctx.lang;
  const items = listItems(ctx.state, collector.list);
  if (items.length === 0) return undefined;
  const primary = own(ctx.state.lists, collector.list)?.primary;
  const section = compile(input.questionnaire).pages.get(collector.id)?.section.id ?? '';
  const at = (page: string, item: string): Location => ({ kind: 'page', section, page, item });
  const rows = items.map((item) => {
    const name = itemLabel(ctx, collector.list, at(collector.itemPage.id, item));
    const links = [
      {
        text: html(t(lang, 'change')),
        visuallyHiddenText: html(t(lang, 'changeItem', { name })),
        url: input.urls(at(collector.itemPage.id, item)),
      },
    ];
    if (item !== primary) {
      links.push({
        text: html(t(lang, 'remove')),
        visuallyHiddenText: html(t(lang, 'removeItem', { name })),
        url: input.urls(at(collector.removePage.id, item)),
      });
    }
    const title = item === primary ? t(lang, 'itemYou', { name }) : name;
    return { itemsList: [{ title: html(title), actions: links }] };
  });
  const title = collector.title === undefined ? undefined : html(renderText(collector.title, ctx));
  return { summaries: [{ groups: [{ ...(title ? { title } : {}), rows }] }] };
}
