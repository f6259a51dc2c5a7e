import { z } from 'zod';
import { Content, Id, Text } from './common.ts';
import { Expression } from './expression.ts';

/** Codes of the validation messages an answer can show; each can be overridden per answer. */
export const MESSAGE_CODES = [
  'mandatory',
  'invalidNumber',
  'tooManyDecimals',
  'belowMinimum',
  'aboveMaximum',
  'tooShort',
  'tooLong',
  'patternMismatch',
  'invalidDate',
  'incompleteDate',
  'dateTooEarly',
  'dateTooLate',
  'invalidDuration',
  'invalidEmail',
  'invalidMobile',
  'invalidPostcode',
  'invalidOption',
  'exclusiveConflict',
  'totalMismatch',
] as const;
export const MessageCode = z.enum(MESSAGE_CODES);
export type MessageCode = z.infer<typeof MessageCode>;

/** Overrides of the default validation messages, by code. */
export const Messages = z.partialRecord(MessageCode, Text);
export type Messages = z.infer<typeof Messages>;

/**
 * A minimum or maximum: a literal, another answer, metadata, a calculated total or a date
 * expression such as `{"date": "today", "offset": {"years": -16}}`.
 */
export const Bound = z
  .strictObject({
    value: Expression,
    exclusive: z.boolean().optional().meta({ description: 'Refuse the bound itself (> rather than >=)' }),
    message: Text.optional(),
  })
  .meta({ id: 'Bound' });
export type Bound = z.infer<typeof Bound>;

const answerBase = {
  id: Id,
  label: Text,
  description: Text.optional(),
  guidance: z.array(Content).optional(),
  qCode: z.string().min(1).max(40).meta({ description: 'The data code used for this answer in outputs' }),
  mandatory: z.boolean().optional(),
  messages: Messages.optional(),
};

const numeric = {
  min: Bound.optional(),
  max: Bound.optional(),
  decimalPlaces: z.number().int().min(0).max(6).optional(),
};

export const UNITS = {
  length: ['centimeter', 'meter', 'kilometer', 'inch', 'foot', 'yard', 'mile'],
  area: ['square-centimeter', 'square-meter', 'square-kilometer', 'hectare', 'acre', 'square-foot', 'square-mile'],
  volume: ['cubic-centimeter', 'cubic-meter', 'milliliter', 'liter', 'gallon'],
  mass: ['gram', 'kilogram', 'tonne', 'ounce', 'pound', 'stone'],
  duration: ['second', 'minute', 'hour', 'day', 'week', 'month', 'year'],
} as const;
export const Unit = z.enum(Object.values(UNITS).flat() as [string, ...string[]]);
export type Unit = z.infer<typeof Unit>;

/** Answers that can hang off an option as its detail answer ("Other, please specify"). */
const detailAnswerTypes = () => [TextAnswer, TextareaAnswer, NumberAnswer, CurrencyAnswer, PercentageAnswer] as const;

export const Option = z
  .strictObject({
    value: z.string().min(1).max(250),
    label: Text,
    description: Text.optional(),
    get detailAnswer() {
      return z.discriminatedUnion('type', detailAnswerTypes()).optional();
    },
    exclusive: z
      .boolean()
      .optional()
      .meta({ description: 'Checkbox only: this option ("None of these") cannot be chosen with another' }),
    qCode: z.string().min(1).max(40).optional().meta({ description: 'Checkbox only: data code of this option' }),
  })
  .meta({ id: 'Option' });
export type Option = z.infer<typeof Option>;

const options = z.array(Option).min(1);

export const TextAnswer = z.strictObject({
  ...answerBase,
  type: z.literal('text'),
  minLength: z.number().int().min(0).optional(),
  maxLength: z.number().int().min(1).max(10000).optional(),
  pattern: z.strictObject({ regex: z.string().min(1), message: Text.optional() }).optional(),
});
export const TextareaAnswer = z.strictObject({
  ...answerBase,
  type: z.literal('textarea'),
  maxLength: z.number().int().min(1).max(100000).optional(),
  rows: z.number().int().min(2).max(30).optional(),
});
export const NumberAnswer = z.strictObject({ ...answerBase, type: z.literal('number'), ...numeric });
export const CurrencyAnswer = z.strictObject({
  ...answerBase,
  type: z.literal('currency'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  ...numeric,
});
export const PercentageAnswer = z.strictObject({ ...answerBase, type: z.literal('percentage'), ...numeric });
export const UnitAnswer = z.strictObject({
  ...answerBase,
  type: z.literal('unit'),
  unit: Unit,
  unitLength: z.enum(['short', 'long', 'narrow']).optional(),
  ...numeric,
});
const dateBounds = { min: Bound.optional(), max: Bound.optional() };
export const DateAnswer = z.strictObject({ ...answerBase, type: z.literal('date'), ...dateBounds });
export const MonthYearAnswer = z.strictObject({ ...answerBase, type: z.literal('monthYear'), ...dateBounds });
export const YearAnswer = z.strictObject({ ...answerBase, type: z.literal('year'), ...dateBounds });
export const DurationValue = z.strictObject({
  years: z.number().int().min(0).optional(),
  months: z.number().int().min(0).optional(),
});
export const DurationAnswer = z.strictObject({
  ...answerBase,
  type: z.literal('duration'),
  units: z
    .array(z.enum(['years', 'months']))
    .min(1)
    .optional()
    .meta({ description: 'Fields asked for; default years and months' }),
  min: DurationValue.optional(),
  max: DurationValue.optional(),
});
export const RadioAnswer = z.strictObject({ ...answerBase, type: z.literal('radio'), options });
export const CheckboxAnswer = z.strictObject({ ...answerBase, type: z.literal('checkbox'), options });
export const DropdownAnswer = z.strictObject({
  ...answerBase,
  type: z.literal('dropdown'),
  options,
  placeholder: Text.optional(),
});
export const EmailAnswer = z.strictObject({ ...answerBase, type: z.literal('email') });
export const MobileAnswer = z.strictObject({ ...answerBase, type: z.literal('mobile') });
export const PostcodeAnswer = z.strictObject({ ...answerBase, type: z.literal('postcode') });
export const AddressAnswer = z.strictObject({ ...answerBase, type: z.literal('address') });

export const Answer = z
  .discriminatedUnion('type', [
    TextAnswer,
    TextareaAnswer,
    NumberAnswer,
    CurrencyAnswer,
    PercentageAnswer,
    UnitAnswer,
    DateAnswer,
    MonthYearAnswer,
    YearAnswer,
    DurationAnswer,
    RadioAnswer,
    CheckboxAnswer,
    DropdownAnswer,
    EmailAnswer,
    MobileAnswer,
    PostcodeAnswer,
    AddressAnswer,
  ])
  .meta({ id: 'Answer' });
export type Answer = z.infer<typeof Answer>;
export type AnswerType = Answer['type'];
export type OptionAnswer =
  | z.infer<typeof RadioAnswer>
  | z.infer<typeof CheckboxAnswer>
  | z.infer<typeof DropdownAnswer>;
export type NumericAnswer =
  | z.infer<typeof NumberAnswer>
  | z.infer<typeof CurrencyAnswer>
  | z.infer<typeof PercentageAnswer>
  | z.infer<typeof UnitAnswer>;
export type DetailAnswer = NonNullable<Option['detailAnswer']>;
export type DurationValue = z.infer<typeof DurationValue>;

export const ANSWER_TYPES = Answer.options.map((o) => o.shape.type.value) as AnswerType[];
