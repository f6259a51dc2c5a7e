/**
 * A catalogue entry: a plain string, or one form per plural category (chosen by Intl.PluralRules
 * for the language; Welsh uses all six). `{name}` placeholders are filled from `t`'s params.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Entry = string | PluralForms;
