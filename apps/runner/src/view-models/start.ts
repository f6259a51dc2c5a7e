import { t } from '../i18n/index.ts';
import type { Chrome } from './chrome.ts';
import type { ErrorSummaryView } from './errors.ts';
import { formView } from './form.ts';
import { html } from './html.ts';
import { pageFrame } from './page.ts';
import type { PageView } from './view.ts';

/** The name (and id) of the access code field on the start page. */
export const ACCESS_CODE_FIELD = 'access-code';

export type AccessCodeProblem = 'missing' | 'invalid' | 'tooMany';

const MESSAGES = { missing: 'accessCodeMissing', invalid: 'accessCodeInvalid', tooMany: 'accessCodeTooMany' } as const;

/** The start page: the 16-character access code (ONS access code input), and what was wrong with the last one. */
export function startView(input: { chrome: Chrome; action: string; error?: AccessCodeProblem }): PageView {
  const { chrome } = input;
  const lang = chrome.lang;
  const title = t(lang, 'startTitle');
  const message = input.error ? html(t(lang, MESSAGES[input.error])) : undefined;
  const errorSummary: ErrorSummaryView | undefined = message && {
    title: html(t(lang, 'errorSummaryTitle', { count: 1 })),
    items: [{ text: message, url: `#${ACCESS_CODE_FIELD}`, variants: 'inPageLink' }],
  };
  return {
    template: 'pages/start.njk',
    view: {
      page: pageFrame(chrome, { title, hasErrors: message !== undefined }),
      title: html(title),
      errorSummary,
      // onsAccessCode's own input, drawn with onsInput so that its panels' hidden prefixes are in the page's language.
      accessCode: {
        id: ACCESS_CODE_FIELD,
        name: ACCESS_CODE_FIELD,
        type: 'text',
        classes: 'ons-access-code__input ons-js-access-code',
        label: { text: html(t(lang, 'accessCodeLabel')), description: html(t(lang, 'accessCodeHint')) },
        maxLength: 19,
        attributes: { 'data-group-size': 4, autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false' },
        fieldClasses: 'ons-question__answer',
        ...(message ? { error: { id: `${ACCESS_CODE_FIELD}-error`, text: message } } : {}),
      },
      panelPrefix: html(t(lang, 'importantInformation')),
      securityMessage: html(t(lang, 'accessCodeSecurity')),
      form: formView(chrome, input.action, t(lang, 'start')),
    },
  };
}
