import type { Questionnaire } from '@eq/schema';
import { compile } from '../compile.ts';
import type { EvalContext } from '../evaluate.ts';
import type { Location } from '../location.ts';
import { emptyState, type ResponseState } from '../state.ts';

/** The day tests evaluate on unless they say otherwise. */
export const TODAY = '2024-06-01';

/** A response state with the fields given, the others empty. */
export function stateWith(fields: Partial<ResponseState> = {}): ResponseState {
  return { ...emptyState(), ...fields };
}

/** Extra fields of a context: any field of EvalContext to replace, and the language of validation and rendering. */
type Extras = Partial<EvalContext> & { lang?: string };

/** What an expression is evaluated against: the questionnaire compiled, a state as `stateWith` makes it, and TODAY. */
export function evalContext<X extends Extras>(
  q: Questionnaire,
  state: Partial<ResponseState> = {},
  extras: X = {} as X,
): EvalContext & X {
  return { compiled: compile(q), state: stateWith(state), today: TODAY, ...extras };
}

/** The location of a page, of one item's page (`item`) or of one pair's page (`item` and `to`). */
export function pageAt(section: string, page: string, item?: string, to?: string): Location {
  return { kind: 'page', section, page, ...(item === undefined ? {} : { item }), ...(to === undefined ? {} : { to }) };
}
