import type { MacroParams } from './answers/context.ts';
import type { Chrome } from './chrome.ts';
import { html } from './html.ts';

/** A form posting back to the runner: where, its CSRF token, and its button (onsButton params). */
export interface FormView {
  action: string;
  csrfToken?: string;
  button: MacroParams;
}

/**
 * `once`: a button that submits something that must not be sent twice (the ONS timer variant
 * disables it for a moment after a click; the runner refuses a second submission anyway).
 */
export function formView(chrome: Chrome, action: string, button: string, options: { once?: boolean } = {}): FormView {
  return {
    action,
    ...(chrome.csrfToken ? { csrfToken: chrome.csrfToken } : {}),
    button: { text: html(button), id: 'submit-button', ...(options.once ? { variants: 'timer' } : {}) },
  };
}
