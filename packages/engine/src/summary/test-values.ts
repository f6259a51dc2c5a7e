import type { Answer, Bound, DetailAnswer } from '@eq/schema';
import { addToDate, toIsoDate } from '../dates.ts';
import { type EvalContext, evaluate } from '../evaluate.ts';
import type { AnswerValue } from '../values.ts';

/** Default answers for the test respondent: a plausible value of each type, within the answer's bounds. */

const NUMBERS = { number: 3, currency: 250, percentage: 40, unit: 12 };

export function defaultValue(answer: Answer | DetailAnswer, ctx: EvalContext): AnswerValue | undefined {
  switch (answer.type) {
    case 'text':
      return answer.pattern ? undefined : 'Example text'.slice(0, answer.maxLength);
    case 'textarea':
      return 'Example comment'.slice(0, answer.maxLength);
    case 'email':
      return 'respondent@example.com';
    case 'mobile':
      return '07700 900123';
    case 'postcode':
      return 'NP10 8XG';
    case 'address':
      return { line1: '1 High Street', town: 'Newport', postcode: 'NP10 8XG' };
    case 'radio':
    case 'dropdown':
      return answer.options[0]?.value;
    case 'checkbox': {
      const option = answer.options.find((o) => !o.exclusive);
      return option ? [option.value] : undefined;
    }
    case 'number':
    case 'currency':
    case 'percentage':
    case 'unit':
      return clampNumber(NUMBERS[answer.type], answer, ctx);
    case 'date':
      return clampDate('1980-05-17', answer, ctx, 10);
    case 'monthYear':
      return clampDate('2001-09-01', answer, ctx, 7);
    case 'year': {
      const year = clampDate('2000-01-01', answer, ctx, 4);
      return year === undefined ? undefined : Number(year);
    }
    case 'duration': {
      const units = answer.units ?? ['years', 'months'];
      return units.includes('years')
        ? { years: 2, ...(units.includes('months') ? { months: 6 } : {}) }
        : { months: 30 };
    }
  }
}

type Bounded = { min?: Bound; max?: Bound };

function clampNumber(preferred: number, answer: Bounded, ctx: EvalContext): number {
  const bound = (b: Bounded['min']) => {
    const v = b === undefined ? undefined : evaluate(b.value, ctx);
    return typeof v === 'number' ? v : undefined;
  };
  const min = bound(answer.min);
  const max = bound(answer.max);
  let value = preferred;
  if (max !== undefined && value >= max) value = answer.max?.exclusive ? max - 1 : max;
  if (min !== undefined && value <= min) value = answer.min?.exclusive ? min + 1 : min;
  return value;
}

/** A date within the answer's bounds, cut to the answer's precision (10 date, 7 month-year, 4 year). */
function clampDate(preferred: string, answer: Bounded, ctx: EvalContext, precision: number): string | undefined {
  const bound = (b: Bounded['min'], step: number) => {
    const iso = b === undefined ? undefined : toIsoDate(evaluate(b.value, ctx));
    return iso !== undefined && b?.exclusive ? addToDate(iso, { days: step }) : iso;
  };
  const min = bound(answer.min, 1);
  const max = bound(answer.max, -1);
  let value = preferred;
  if (max !== undefined && value > max) value = max;
  // A month-year or year on the minimum's month or year is within it: bounds compare at the answer's precision.
  if (min !== undefined && value.slice(0, precision) < min.slice(0, precision)) value = min;
  return value.slice(0, precision);
}
