import { buildSummary, calculatedSummary, type Location, renderText } from '@eq/engine';
import { t } from '../i18n/index.ts';
import type { MacroParams } from './answers/context.ts';
import { formView } from './form.ts';
import { html } from './html.ts';
import { pageFrame } from './page.ts';
import { changeUrl, summaryParams } from './summary.ts';
import { type LocationViewInput, type PageView, SUBMIT_ACTION } from './view.ts';

type SectionSummaryLocation = Extract<Location, { kind: 'sectionSummary' }>;

function back(input: LocationViewInput): { backUrl?: string } {
  return input.backUrl === undefined ? {} : { backUrl: input.backUrl };
}

/** A section's answers (one repeat's, for a repeating section), with change links that come back here. */
export function sectionSummaryPage(input: LocationViewInput, location: SectionSummaryLocation): PageView {
  const { chrome, ctx, questionnaire } = input;
  const options = { lang: ctx.lang, today: ctx.today, section: location.section };
  const sections = buildSummary(
    questionnaire,
    ctx.state,
    location.item ? { ...options, item: location.item } : options,
  );
  const section = questionnaire.sections.find((s) => s.id === location.section);
  const title = sections[0]?.title ?? renderText(section?.title, ctx);
  return {
    template: 'pages/summary.njk',
    view: {
      page: pageFrame(chrome, { title, ...back(input) }),
      title: html(title),
      intro: html(t(ctx.lang, 'sectionSummaryIntro')),
      summary: summaryParams(sections, { lang: ctx.lang, urls: input.urls, returnTo: location }),
      form: formView(chrome, input.action, t(ctx.lang, 'continue')),
    },
  };
}

/** Check your answers: every section, change links that come back here, and the Submit button. */
export function finalSummaryPage(input: LocationViewInput): PageView {
  const { chrome, ctx, questionnaire } = input;
  const texts = questionnaire.submission;
  const title = renderText(texts?.title, ctx) || t(ctx.lang, 'checkYourAnswers');
  const sections = buildSummary(questionnaire, ctx.state, { lang: ctx.lang, today: ctx.today });
  return {
    template: 'pages/summary.njk',
    view: {
      page: pageFrame(chrome, { title, ...back(input) }),
      title: html(title),
      summary: summaryParams(sections, {
        lang: ctx.lang,
        urls: input.urls,
        returnTo: { kind: 'summary' },
        sectionTitles: true,
      }),
      guidance: html(renderText(texts?.guidance, ctx) || t(ctx.lang, 'checkAnswersGuidance')),
      form: formView(chrome, SUBMIT_ACTION, renderText(texts?.button, ctx) || t(ctx.lang, 'submit'), { once: true }),
    },
  };
}

/** A calculated summary: the answers it adds up, each with a change link, the total, and a confirm button. */
export function calculatedSummaryPage(input: LocationViewInput): PageView {
  const { chrome, ctx, location, questionnaire } = input;
  const lang = ctx.lang;
  const summary = calculatedSummary(questionnaire, ctx.state, location, { lang, today: ctx.today });
  const rows: MacroParams[] = summary.answers.map((answer) => ({
    itemsList: [
      {
        title: html(answer.label),
        valueList: [{ text: html(answer.value ?? t(lang, 'noAnswer')) }],
        actions: [
          {
            text: html(t(lang, 'change')),
            visuallyHiddenText: html(t(lang, 'changeAnswer', { label: answer.label })),
            url: changeUrl(answer.change, { urls: input.urls, returnTo: location }, answer.field),
          },
        ],
      },
    ],
  }));
  rows.push({
    total: true,
    itemsList: [{ title: html(summary.totalLabel || t(lang, 'total')), valueList: [{ text: html(summary.total) }] }],
  });
  return {
    template: 'pages/summary.njk',
    view: {
      page: pageFrame(chrome, { title: summary.title, ...back(input) }),
      title: html(summary.title),
      intro: html(t(lang, 'calculatedIntro')),
      summary: { summaries: [{ groups: [{ rows }] }] },
      form: formView(chrome, input.action, t(lang, 'confirmCorrect')),
    },
  };
}
