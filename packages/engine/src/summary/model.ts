import type { Location } from '../location.ts';
import type { PageLocation } from '../navigation/completion.ts';

/**
 * What the check-your-answers page, a section summary and the thank-you page's "view your
 * answers" show. Every text is rendered in the respondent's language; values are formatted.
 */
export interface SummarySection {
  section: string;
  /** The list item of one repeat of a repeating section. */
  item?: string;
  /** The section's title, or for a repeat the repeat's title ("Ann Smith"). */
  title: string;
  /** May be empty: a section of content pages only has nothing to show. */
  groups: SummaryGroup[];
}

export type SummaryGroup = QuestionGroup | ListGroup | CalculatedGroup;

/** One question as asked at one location: the variant chosen there, its texts piped for the item and pair. */
export interface QuestionGroup {
  kind: 'question';
  page: string;
  item?: string;
  to?: string;
  title: string;
  answers: SummaryAnswer[];
  change: PageLocation;
}

/** The items a list collector gathered, with links to change, remove and add items. */
export interface ListGroup {
  kind: 'list';
  page: string;
  list: string;
  title: string;
  items: SummaryListItem[];
  /** The item page without an item. */
  add: PageLocation;
}

export interface SummaryListItem {
  item: string;
  label: string;
  change: PageLocation;
  /** Left out for the primary item, whom the primary person question removes. */
  remove?: PageLocation;
}

export interface CalculatedGroup {
  kind: 'calculated';
  page: string;
  title: string;
  /** Formatted as its answers are, e.g. "£1,250.00". */
  total: string;
  change: PageLocation;
}

export interface SummaryAnswer {
  answerId: string;
  label: string;
  /** The formatted value; undefined when not answered. */
  value?: string;
  change: Location;
  /** The form field to focus on the page: `answerFields(answer)[0]`. */
  field: string;
}
