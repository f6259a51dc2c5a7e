import { z } from 'zod';
import { Unit } from './answer.ts';
import { Language } from './common.ts';
import { dispatchUnion } from './dispatch-union.ts';
import { Expression } from './expression.ts';

/** How a piped value is written out. Without a format, a value is written as its answer type suggests. */
export const Format = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('number'), decimalPlaces: z.number().int().min(0).max(6).optional() }),
  z.strictObject({
    type: z.literal('currency'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    decimalPlaces: z.number().int().min(0).max(6).optional(),
  }),
  z.strictObject({ type: z.literal('percentage') }),
  z.strictObject({ type: z.literal('unit'), unit: Unit, unitLength: z.enum(['short', 'long', 'narrow']).optional() }),
  z.strictObject({ type: z.literal('date'), style: z.enum(['full', 'long', 'medium', 'short']).optional() }),
  z.strictObject({ type: z.literal('monthYear') }),
  z.strictObject({ type: z.literal('duration') }),
  z.strictObject({ type: z.literal('ordinal') }),
  z.strictObject({ type: z.literal('possessive') }),
  z.strictObject({ type: z.literal('list'), style: z.enum(['and', 'or', 'unit']).optional() }),
]);
export type Format = z.infer<typeof Format>;

export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export const PluralCategory = z.enum(PLURAL_CATEGORIES);
export type PluralCategory = z.infer<typeof PluralCategory>;

/**
 * Plural forms chosen by a count with Intl.PluralRules, per language (Welsh uses all six
 * categories). `other` is required; `{count}` in a form is replaced by the formatted count.
 */
export const PluralForms = z.record(
  Language,
  z.partialRecord(PluralCategory, z.string()).and(z.object({ other: z.string() })),
);

export const Placeholder = dispatchUnion([
  z.strictObject({ value: Expression, format: Format.optional() }),
  z.strictObject({ plural: z.strictObject({ count: Expression, forms: PluralForms }) }),
]).meta({ id: 'Placeholder' });
export type Placeholder = z.infer<typeof Placeholder>;

/** Placeholder names as written in text: `{person_name}`. */
export const PlaceholderName = z.string().regex(/^[a-z][a-z0-9_]{0,59}$/, 'use lowercase letters, digits and "_"');
