import type { PageIndex } from './context.ts';
import type { PageSite } from './page-sites.ts';
import { pageName } from './page-sites.ts';

/**
 * What a condition or a piece of text can see where it is used: which answers can have been
 * collected by then and which list item is current.
 */
export interface Scope {
  /** Says where, in messages: `page "age"`. */
  where: string;
  /** Answers asked on pages at positions below this can have been collected. */
  collectedBefore: number;
  /** Sections from this index on cannot be complete yet. */
  openSections: number;
  /** The section the site belongs to, if any. */
  sectionIndex?: number;
  /** The list whose current item is known. */
  itemList?: string;
  /** On a relationships page the other item of the pair (`to`) is known too. */
  pair: boolean;
}

/**
 * When on a page something is evaluated: `skip` (whether to show it), `show` (its question
 * variants and texts) or `answered` (routing, bounds, totals and error messages, which may read
 * the page's own answers).
 */
export type Phase = 'skip' | 'show' | 'answered';

export function pageScope(site: PageSite, phase: Phase): Scope {
  // A list collector is shown again after each item is added, so its texts, variants and
  // routing can read its item and remove pages' answers.
  const loop = site.page.kind === 'listCollector' && !site.role && phase !== 'skip';
  return {
    where: pageName(site),
    collectedBefore: site.position + (loop ? 3 : phase === 'answered' ? 1 : 0),
    openSections: site.sectionIndex,
    sectionIndex: site.sectionIndex,
    ...(site.itemList ? { itemList: site.itemList } : {}),
    pair: site.pair,
  };
}

/** A section's own texts and enabledWhen: evaluated before any of its pages. */
export function sectionScope(ctx: PageIndex, sectionIndex: number, perItem: boolean): Scope {
  const section = ctx.questionnaire.sections[sectionIndex];
  const first = ctx.pages.find((p) => p.sectionIndex === sectionIndex);
  const itemList = perItem ? section?.repeat?.list : undefined;
  return {
    where: `section "${section?.id ?? sectionIndex}"`,
    collectedBefore: first?.position ?? 0,
    openSections: sectionIndex,
    sectionIndex,
    ...(itemList ? { itemList } : {}),
    pair: false,
  };
}

/** Before the first section: the questionnaire's title and introduction. */
export const START_SCOPE: Scope = { where: 'the introduction', collectedBefore: 0, openSections: 0, pair: false };

/** After the last section: the submission page. */
export function endScope(ctx: PageIndex): Scope {
  return {
    where: 'the submission page',
    collectedBefore: ctx.pages.length,
    openSections: ctx.questionnaire.sections.length,
    pair: false,
  };
}
