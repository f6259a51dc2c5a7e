import type { Answer } from '@eq/schema';
import { t } from '../../i18n/index.ts';
import { html } from '../html.ts';
import { type AnswerContext, errorParam, fieldValue, label, text } from './context.ts';
import type { AnswerView } from './view.ts';

type AddressAnswer = Extract<Answer, { type: 'address' }>;

const PARTS = [
  { part: 'line1', key: 'addressLine1', autocomplete: 'address-line1', width: undefined },
  { part: 'line2', key: 'addressLine2', autocomplete: 'address-line2', width: undefined },
  { part: 'town', key: 'addressTown', autocomplete: 'address-level2', width: '20' },
  { part: 'postcode', key: 'addressPostcode', autocomplete: 'postal-code', width: '8' },
] as const;

/** An address: a fieldset of four inputs named `<answer>-line1`, `-line2`, `-town`, `-postcode`. */
export function addressAnswer(answer: AddressAnswer, a: AnswerContext): AnswerView {
  const error = a.errors.get(answer.id);
  return {
    macro: 'address',
    params: {
      fieldset: a.grouped
        ? { dontWrap: true, error: errorParam(error) }
        : {
            id: answer.id,
            legend: label(answer, a),
            description: text(answer.description, a),
            error: errorParam(error),
          },
      inputs: PARTS.map(({ part, key, autocomplete, width }) => {
        const field = `${answer.id}-${part}`;
        return {
          id: field,
          name: field,
          value: fieldValue(a, field),
          label: { text: html(t(a.ctx.lang, key)) },
          autocomplete,
          ...(width ? { width } : {}),
          ...(error?.field === field ? { classes: 'ons-input--error' } : {}),
        };
      }),
    },
  };
}
