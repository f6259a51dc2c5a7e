import { buildSummary, type RenderContext, renderText } from '@eq/engine';
import type { Questionnaire } from '@eq/schema';
import { t } from '../i18n/index.ts';
import type { Chrome } from './chrome.ts';
import { contentViews } from './contents.ts';
import { html } from './html.ts';
import { pageFrame } from './page.ts';
import { summaryParams } from './summary.ts';
import { calendarDate, clockTime } from './time.ts';
import type { PageView } from './view.ts';

export interface ThankYouInput {
  chrome: Chrome;
  questionnaire: Questionnaire;
  /** `locationContext(questionnaire, state, { kind: 'summary' }, { lang, today })`, for the confirmation texts. */
  ctx: RenderContext;
  /** The submission's reference, to quote if the respondent contacts the survey team. */
  reference: string;
  /** Where the respondent can view and print their answers, while they can. */
  viewAnswersUrl?: string;
  /** Until when (ISO date-time) the answers can be viewed. */
  viewAnswersUntil?: string;
}

/** The confirmation: the questionnaire's own thank-you texts, the reference, and the answers to view and print. */
export function thankYouView(input: ThankYouInput): PageView {
  const { chrome, ctx, questionnaire } = input;
  const lang = chrome.lang;
  const confirmation = questionnaire.submission?.confirmation;
  const title = renderText(confirmation?.title, ctx) || t(lang, 'thankYouTitle');
  const until = input.viewAnswersUntil === undefined ? undefined : clockTime(input.viewAnswersUntil, lang);
  return {
    template: 'pages/thank-you.njk',
    view: {
      page: pageFrame(chrome, { title }),
      title: html(title),
      panelPrefix: html(t(lang, 'success')),
      reference: html(t(lang, 'submissionReference', { reference: input.reference })),
      keepReference: html(t(lang, 'keepReference')),
      blocks: contentViews(confirmation?.contents, ctx),
      ...(input.viewAnswersUrl
        ? {
            viewAnswers: {
              url: input.viewAnswersUrl,
              text: html(t(lang, 'viewAnswersLink')),
              ...(until ? { until: html(t(lang, 'viewAnswersUntil', { time: until })) } : {}),
            },
          }
        : {}),
    },
  };
}

export interface ViewAnswersInput {
  chrome: Chrome;
  questionnaire: Questionnaire;
  /** The submitted state's context: `locationContext(questionnaire, state, { kind: 'summary' }, { lang, today })`. */
  ctx: RenderContext;
  /** When the answers were submitted (ISO date-time). */
  submittedAt?: string;
  backUrl?: string;
}

/** The submitted answers, read only, with a print button (shown by the ONS script; browsers print without it too). */
export function viewAnswersView(input: ViewAnswersInput): PageView {
  const { chrome, ctx, questionnaire } = input;
  const lang = chrome.lang;
  const title = t(lang, 'viewAnswersTitle');
  const date = input.submittedAt === undefined ? undefined : calendarDate(input.submittedAt, lang);
  const time = input.submittedAt === undefined ? undefined : clockTime(input.submittedAt, lang);
  const sections = buildSummary(questionnaire, ctx.state, { lang: ctx.lang, today: ctx.today });
  return {
    template: 'pages/view-answers.njk',
    view: {
      page: pageFrame(chrome, { title, ...(input.backUrl === undefined ? {} : { backUrl: input.backUrl }) }),
      title: html(title),
      questionnaireTitle: html(renderText(questionnaire.title, ctx)),
      ...(date && time ? { submitted: html(t(lang, 'submittedAt', { date, time })) } : {}),
      print: { text: html(t(lang, 'printAnswers')), variants: 'print' },
      summary: summaryParams(sections, { lang, urls: () => '', readOnly: true, sectionTitles: true }),
    },
  };
}
