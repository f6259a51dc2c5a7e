import { type RenderContext, renderText } from '@eq/engine';
import type { Questionnaire } from '@eq/schema';
import { t } from '../i18n/index.ts';
import type { Chrome } from './chrome.ts';
import { contentViews } from './contents.ts';
import { html, optionalHtml } from './html.ts';
import { pageFrame } from './page.ts';
import type { PageView } from './view.ts';

export interface IntroductionInput {
  chrome: Chrome;
  questionnaire: Questionnaire;
  /** `locationContext(questionnaire, state, { kind: 'summary' }, { lang, today })`, for piped texts. */
  ctx: RenderContext;
  /** Where the Start button leads: the first location to answer. */
  startUrl: string;
}

/** The questionnaire's introduction, shown before the first question, with a Start button (a link). */
export function introductionView(input: IntroductionInput): PageView {
  const { chrome, ctx, questionnaire } = input;
  const intro = questionnaire.introduction;
  const title =
    renderText(intro?.title, ctx) || renderText(questionnaire.title, ctx) || t(chrome.lang, 'introductionTitle');
  return {
    template: 'pages/introduction.njk',
    view: {
      page: pageFrame(chrome, { title }),
      title: html(title),
      description: optionalHtml(renderText(intro?.description, ctx)),
      blocks: contentViews(intro?.contents, ctx),
      start: { text: html(t(chrome.lang, 'startQuestionnaire')), url: input.startUrl, id: 'start-button' },
    },
  };
}
