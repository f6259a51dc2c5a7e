import {
  compile,
  computePath,
  contextAt,
  isComplete,
  type Location,
  locationKey,
  renderText,
  type SectionProgress,
} from '@eq/engine';
import { type MessageKey, t } from '../i18n/index.ts';
import { formView } from './form.ts';
import { html } from './html.ts';
import { pageFrame } from './page.ts';
import { type LocationViewInput, type PageView, SUBMIT_ACTION } from './view.ts';

const STATUS: Record<SectionProgress['status'], { status: MessageKey; action: MessageKey; hidden: MessageKey }> = {
  notStarted: { status: 'notStarted', action: 'startSection', hidden: 'startSectionFor' },
  inProgress: { status: 'inProgress', action: 'continueSection', hidden: 'continueSectionFor' },
  completed: { status: 'completed', action: 'viewSection', hidden: 'viewSectionFor' },
};

/**
 * The hub: every section on the path (each repeat of a repeating section) with its status and a
 * link to start, continue or view it; once everything is complete, the Submit button.
 */
export function hubPage(input: LocationViewInput): PageView {
  const { chrome, ctx, questionnaire } = input;
  const lang = ctx.lang;
  const nav = { today: ctx.today };
  const compiled = compile(questionnaire);
  const completed = new Set(ctx.state.completed);
  const rows = computePath(questionnaire, ctx.state, nav).sections.map((entry) => {
    const section = compiled.sections.get(entry.section)?.section;
    const list = section?.repeat?.list;
    const at = entry.item === undefined ? ctx : contextAt(ctx, entry.item, undefined, list);
    const title = renderText(section?.repeat?.title ?? section?.title, at);
    const wording = STATUS[entry.status];
    const target = sectionLink(entry, completed);
    return {
      itemsList: [
        {
          title: html(title),
          valueList: [{ text: html(t(lang, wording.status)) }],
          ...(entry.status === 'completed' ? { iconType: 'check' } : {}),
          ...(target
            ? {
                actions: [
                  {
                    text: html(t(lang, wording.action)),
                    visuallyHiddenText: html(t(lang, wording.hidden, { section: title })),
                    url: input.urls(target),
                  },
                ],
              }
            : {}),
        },
      ],
    };
  });
  const complete = isComplete(questionnaire, ctx.state, nav);
  const title = renderText(questionnaire.title, ctx);
  return {
    template: 'pages/hub.njk',
    view: {
      page: pageFrame(chrome, { title, ...(input.backUrl === undefined ? {} : { backUrl: input.backUrl }) }),
      title: html(title),
      intro: html(t(lang, complete ? 'hubComplete' : 'hubIntro')),
      summary: { variant: 'hub', summaries: [{ groups: [{ rows }] }] },
      ...(complete
        ? {
            guidance: html(renderText(questionnaire.submission?.guidance, ctx) || t(lang, 'hubSubmitGuidance')),
            form: formView(
              chrome,
              SUBMIT_ACTION,
              renderText(questionnaire.submission?.button, ctx) || t(lang, 'submit'),
              {
                once: true,
              },
            ),
          }
        : {}),
    },
  };
}

/**
 * Where a section's link leads: a completed section to its summary (or its start, without one);
 * otherwise the first of its locations not yet confirmed, where the respondent left off.
 */
function sectionLink(entry: SectionProgress, completed: ReadonlySet<string>): Location | undefined {
  if (entry.status === 'completed') {
    return entry.locations.find((location) => location.kind === 'sectionSummary') ?? entry.locations[0];
  }
  return entry.locations.find((location) => !completed.has(locationKey(location))) ?? entry.locations[0];
}
