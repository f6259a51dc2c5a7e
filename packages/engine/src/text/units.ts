import { UNITS } from '@eq/schema';
import { baseLanguage, localeFor, numberFormat, plurals } from './intl.ts';
import { fractionDigits } from './numbers.ts';

export type UnitLength = 'short' | 'long' | 'narrow';

type PluralPatterns = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Our own labels: `long` by plural category, `short` and `narrow` symbols. `#` stands for the number. */
interface UnitLabels {
  long: PluralPatterns;
  short: string;
  narrow: string;
}

const english = (one: string, other: string, short: string, narrow = short): UnitLabels => ({
  long: { one: `# ${one}`, other: `# ${other}` },
  short: `# ${short}`,
  narrow: `#${narrow}`,
});

/** A Welsh noun after 0 and other numbers, after 1, 2, 3 and 6. */
type WelshForms = readonly [string, string, string, string, string];

/**
 * Welsh nouns stay singular after a number but mutate: soft after 2 (and after 1 when feminine),
 * aspirate after "tri" (masculine) and "chwe". The qualifier ("sgwâr") follows unchanged.
 */
const welsh = ([other, one, two, few, many]: WelshForms, symbol: string, qualifier = ''): UnitLabels => {
  const label = (form: string) => (qualifier ? `# ${form} ${qualifier}` : `# ${form}`);
  return {
    long: {
      zero: label(other),
      one: label(one),
      two: label(two),
      few: label(few),
      many: label(many),
      other: label(other),
    },
    short: `# ${symbol}`,
    narrow: `#${symbol}`,
  };
};

const CENTIMETR: WelshForms = ['centimetr', 'centimetr', 'gentimetr', 'chentimetr', 'chentimetr'];
const METR: WelshForms = ['metr', 'metr', 'fetr', 'metr', 'metr'];
const CILOMETR: WelshForms = ['cilometr', 'cilometr', 'gilometr', 'chilometr', 'chilometr'];

/**
 * Units Intl cannot format (square and cubic units, tonne) or formats unhelpfully: CLDR's
 * `gallon` is the US gallon ("US gallons" in en-GB) where UK surveys mean the imperial gallon,
 * and `stone` is recent enough in ICU to be missing from older runtimes.
 */
const OWN_LABELS = new Map<string, { en: UnitLabels; cy: UnitLabels }>(
  Object.entries({
    'square-centimeter': {
      en: english('square centimetre', 'square centimetres', 'cm²'),
      cy: welsh(CENTIMETR, 'cm²', 'sgwâr'),
    },
    'square-meter': { en: english('square metre', 'square metres', 'm²'), cy: welsh(METR, 'm²', 'sgwâr') },
    'square-kilometer': {
      en: english('square kilometre', 'square kilometres', 'km²'),
      cy: welsh(CILOMETR, 'km²', 'sgwâr'),
    },
    'square-foot': {
      en: english('square foot', 'square feet', 'sq ft', 'ft²'),
      cy: welsh(['troedfedd', 'droedfedd', 'droedfedd', 'troedfedd', 'throedfedd'], 'ft²', 'sgwâr'),
    },
    'square-mile': {
      en: english('square mile', 'square miles', 'sq mi', 'mi²'),
      cy: welsh(['milltir', 'filltir', 'filltir', 'milltir', 'milltir'], 'mi²', 'sgwâr'),
    },
    'cubic-centimeter': {
      en: english('cubic centimetre', 'cubic centimetres', 'cm³'),
      cy: welsh(CENTIMETR, 'cm³', 'ciwbig'),
    },
    'cubic-meter': { en: english('cubic metre', 'cubic metres', 'm³'), cy: welsh(METR, 'm³', 'ciwbig') },
    tonne: {
      en: english('tonne', 'tonnes', 't'),
      cy: welsh(['tunnell fetrig', 'dunnell fetrig', 'dunnell fetrig', 'tunnell fetrig', 'thunnell fetrig'], 't'),
    },
    stone: { en: english('stone', 'stone', 'st'), cy: welsh(['stôn', 'stôn', 'stôn', 'stôn', 'stôn'], 'st') },
    gallon: {
      en: english('gallon', 'gallons', 'gal'),
      cy: welsh(['galwyn', 'galwyn', 'alwyn', 'galwyn', 'galwyn'], 'gal'),
    },
  }),
);

const KNOWN_UNITS = new Set<string>(Object.values(UNITS).flat());

/**
 * A quantity with its unit: "5 cm", "5 centimetres", "12 m²". An unknown unit gives the number alone.
 * `decimalPlaces`, when given, fixes the number of decimals.
 */
export function formatUnit(
  value: number,
  unit: string,
  lang: string,
  length: UnitLength = 'short',
  decimalPlaces?: number,
): string {
  if (!Number.isFinite(value)) return '';
  const locale = localeFor(lang);
  const digits = fractionDigits(decimalPlaces);
  const display = length === 'long' || length === 'narrow' ? length : 'short';
  const own = OWN_LABELS.get(unit);
  if (own) {
    const labels = baseLanguage(locale) === 'cy' ? own.cy : own.en;
    const number = numberFormat(locale, digits).format(value);
    const pattern =
      display === 'long' ? (labels.long[plurals(locale, digits).select(value)] ?? labels.long.other) : labels[display];
    return pattern.replace('#', () => number);
  }
  if (!KNOWN_UNITS.has(unit)) return numberFormat(locale, digits).format(value);
  return numberFormat(locale, { style: 'unit', unit, unitDisplay: display, ...digits }).format(value);
}
