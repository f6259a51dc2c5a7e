import type { ContentView } from '../contents.ts';
import type { Html } from '../html.ts';
import type { MacroParams } from './context.ts';

/** The ONS macro that draws an answer (see views/partials/answer.njk). */
export type AnswerMacro = 'input' | 'textarea' | 'date' | 'duration' | 'radios' | 'checkboxes' | 'select' | 'address';

export interface AnswerView {
  macro: AnswerMacro;
  params: MacroParams;
  /** The answer's description when the question's title is its legend (the macro then has no place for it). */
  hint?: Html;
  /** Inputs drawn after the answer's own: detail answers of dropdown options, which onsSelect cannot hold. */
  details?: AnswerView[];
  /** The answer's guidance, drawn after it in a panel whose hidden prefix says what it is. */
  guidance?: { prefix: Html; blocks: ContentView[] };
}
