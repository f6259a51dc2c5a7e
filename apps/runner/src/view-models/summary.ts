import type { CalculatedGroup, ListGroup, Location, QuestionGroup, SummaryAnswer, SummarySection } from '@eq/engine';
import { t } from '../i18n/index.ts';
import type { MacroParams } from './answers/context.ts';
import { type Html, html } from './html.ts';

export interface SummaryOptions {
  lang: string;
  urls: (location: Location) => string;
  /** Where change links come back to once the change is saved. */
  returnTo?: Location;
  /** Read-only (the answers after submission): no change, remove or add links. */
  readOnly?: boolean;
  /** Show each section's title as a heading (the check-your-answers page; not a section's own summary). */
  sectionTitles?: boolean;
}

/**
 * onsSummary params for the engine's summary: one summary per section with something to show;
 * each list collector is a group of its own (its items, with change and remove links, and an add
 * link), the questions around it are rows of plain groups.
 */
export function summaryParams(sections: readonly SummarySection[], options: SummaryOptions): MacroParams {
  const summaries = sections
    .filter((section) => section.groups.length > 0)
    .map((section) => ({
      ...(options.sectionTitles ? { title: html(section.title) } : {}),
      groups: groupsOf(section, options),
    }));
  return { summaries };
}

function groupsOf(section: SummarySection, options: SummaryOptions): MacroParams[] {
  const groups: MacroParams[] = [];
  let rows: MacroParams[] = [];
  const flush = () => {
    if (rows.length > 0) groups.push({ rows });
    rows = [];
  };
  for (const group of section.groups) {
    if (group.kind === 'list') {
      flush();
      groups.push(listGroup(group, options));
    } else {
      rows.push(group.kind === 'question' ? questionRow(group, options) : calculatedRow(group, options));
    }
  }
  flush();
  return groups;
}

/** One question: a single answer is titled by the question; several answers each by their label. */
function questionRow(group: QuestionGroup, options: SummaryOptions): MacroParams {
  const [only] = group.answers;
  if (group.answers.length === 1 && only) return { itemsList: [answerItem(only, group.title, options)] };
  return {
    title: html(group.title),
    itemsList: group.answers.map((answer) => answerItem(answer, answer.label, options)),
  };
}

function answerItem(answer: SummaryAnswer, title: string, options: SummaryOptions): MacroParams {
  const { lang } = options;
  return {
    title: html(title),
    valueList: [{ text: html(answer.value ?? t(lang, 'noAnswer')) }],
    ...actions(options, [
      {
        text: html(t(lang, 'change')),
        visuallyHiddenText: html(t(lang, 'changeAnswer', { label: title })),
        url: changeUrl(answer.change, options, answer.field),
      },
    ]),
  };
}

function calculatedRow(group: CalculatedGroup, options: SummaryOptions): MacroParams {
  const { lang } = options;
  return {
    itemsList: [
      {
        title: html(group.title),
        valueList: [{ text: html(group.total) }],
        ...actions(options, [
          {
            text: html(t(lang, 'change')),
            visuallyHiddenText: html(t(lang, 'changeAnswer', { label: group.title })),
            url: changeUrl(group.change, options),
          },
        ]),
      },
    ],
  };
}

function listGroup(group: ListGroup, options: SummaryOptions): MacroParams {
  const { lang } = options;
  const rows = group.items.map((item, index) => {
    const name = item.label || t(lang, 'unnamedItem', { number: index + 1 });
    const links = [
      {
        text: html(t(lang, 'change')),
        visuallyHiddenText: html(t(lang, 'changeItem', { name })),
        url: changeUrl(item.change, options),
      },
    ];
    if (item.remove) {
      links.push({
        text: html(t(lang, 'remove')),
        visuallyHiddenText: html(t(lang, 'removeItem', { name })),
        url: changeUrl(item.remove, options),
      });
    }
    return { itemsList: [{ title: html(name), ...actions(options, links) }] };
  });
  return {
    title: html(group.title),
    ...(rows.length > 0 ? { rows } : { placeholderText: html(t(lang, 'listEmpty')) }),
    ...(options.readOnly
      ? {}
      : { summaryLink: { text: html(t(lang, 'addToList')), url: changeUrl(group.add, options) } }),
  };
}

function actions(options: SummaryOptions, links: { text: Html; visuallyHiddenText: Html; url: string }[]): MacroParams {
  return options.readOnly ? {} : { actions: links };
}

/**
 * A link to where an answer is changed, coming back here afterwards (`?return=` this page's URL
 * within the questionnaire, e.g. `summary` or `sections/<id>`), landing on the answer's field.
 */
export function changeUrl(
  location: Location,
  options: Pick<SummaryOptions, 'urls' | 'returnTo'>,
  field?: string,
): string {
  const back = options.returnTo
    ? `?return=${encodeURI(options.urls(options.returnTo).replace(/^\/questionnaire\//, ''))}`
    : '';
  return `${options.urls(location)}${back}${field ? `#${field}` : ''}`;
}
