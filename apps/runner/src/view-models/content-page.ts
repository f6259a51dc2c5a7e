import { renderText } from '@eq/engine';
import type { ContentPage } from '@eq/schema';
import { t } from '../i18n/index.ts';
import { contentViews } from './contents.ts';
import { formView } from './form.ts';
import { html } from './html.ts';
import { pageFrame } from './page.ts';
import type { LocationViewInput, PageView } from './view.ts';

/** A page of information: its title, its contents and a Continue button. */
export function contentPage(input: LocationViewInput, page: ContentPage): PageView {
  const { chrome, ctx } = input;
  const title = renderText(page.title, ctx);
  return {
    template: 'pages/content.njk',
    view: {
      page: pageFrame(chrome, { title, ...(input.backUrl === undefined ? {} : { backUrl: input.backUrl }) }),
      title: html(title),
      blocks: contentViews(page.contents, ctx),
      form: formView(chrome, input.action, t(chrome.lang, 'continue')),
    },
  };
}
