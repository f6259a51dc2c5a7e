import type { AnswerError } from '@eq/engine';
import { t } from '../i18n/index.ts';
import { type Html, html } from './html.ts';

/** The error summary: its title counts the problems; each links to its field (`#<field>`, an input's id). */
export interface ErrorSummaryView {
  title: Html;
  items: { text: Html; url: string; variants: 'inPageLink' }[];
}

export function errorSummary(errors: readonly AnswerError[] | undefined, lang: string): ErrorSummaryView | undefined {
  if (!errors || errors.length === 0) return undefined;
  return {
    title: html(t(lang, 'errorSummaryTitle', { count: errors.length })),
    items: errors.map((error) => ({ text: html(error.message), url: `#${error.field}`, variants: 'inPageLink' })),
  };
}
