import type { Answer, DetailAnswer } from '@eq/schema';
import fc from 'fast-check';
import { parseAnswer } from '../answers/parse.ts';
import { maxLength } from '../answers/parse-text.ts';
import type { Address } from '../values.ts';
import type { Dice } from './dice.ts';

type FreeText = Extract<Answer | DetailAnswer, { type: 'text' | 'textarea' }>;

/**
 * Words people type, with what trips up software: Welsh and other accents, apostrophes,
 * hyphens, characters outside the Basic Multilingual Plane, markup and placeholder syntax
 * (which must be shown as typed, never expanded or rendered).
 */
const WORDS = [
  'Anwen Dafydd Siân Gwenllïan Ŵyn O’Brien Zoë Smith-Jones Llŷr Ngozi Nguyễn Żaneta José Ōsaka Ελένη 𝒮𝓉𝒶𝓇',
  `plumber shop assistant care home bakery and & <b>bold</b> "quoted" it's {address}`,
]
  .join(' ')
  .split(' ');

const STREETS = ['Heol y Parc', 'High Street', 'Ffordd Las', 'Church Lane', 'Stryd y Castell'];
const TOWNS = ['Cardiff', 'Newport', 'Aberystwyth', 'London', 'Llanfairpwllgwyngyll'];
/** Real-looking postcodes of each shape the Royal Mail uses, typed in the ways people type them. */
const POSTCODES = ['CF10 1AA', 'np20 4gh', 'SY233BY', 'SW1A 2AA', 'M1 1AE', 'B33 8TH', 'EH1 1YZ', 'GIR 0AA'];

/** Free text within the answer's length limits and pattern; undefined when nothing found fits. */
export function randomText(answer: FreeText, dice: Dice): string | undefined {
  const limit = maxLength(answer);
  const min = answer.type === 'text' ? (answer.minLength ?? 0) : 0;
  const candidates =
    answer.type === 'text' && answer.pattern
      ? patternCandidates(answer.pattern.regex, dice)
      : [words(dice, Math.max(1, min), Math.min(limit, answer.type === 'textarea' ? 300 : 60), answer.type)];
  // fast-check's strings for a pattern are often all control characters: prefer ones people could type.
  const typeable = [...candidates].sort((a, b) => controls(a) - controls(b));
  return typeable.find((text) => parseAnswer(answer, { [answer.id]: text }).value !== undefined);
}

function controls(text: string): number {
  return text.replace(/[^\p{Cc}]/gu, '').length;
}

function words(dice: Dice, min: number, max: number, type: FreeText['type']): string {
  const target = dice.int(min, Math.max(min, max));
  let out = dice.pick(WORDS) ?? 'x';
  while (out.length < target) {
    const separator = type === 'textarea' && dice.chance(0.1) ? '\n' : ' ';
    out += separator + (dice.pick(WORDS) ?? 'x');
  }
  // Cut at a whole character: half a surrogate pair is not text.
  const cut = Array.from(out.slice(0, max))
    .join('')
    .replace(/[\ud800-\udbff]$/, '')
    .trim();
  return cut.length >= min ? cut : cut.padEnd(min, 'x');
}

/** Strings matching an author's pattern, by fast-check's regex generator; none if it cannot read the pattern. */
function patternCandidates(regex: string, dice: Dice): string[] {
  try {
    let arbitrary = patterns.get(regex);
    if (!arbitrary) {
      arbitrary = fc.stringMatching(new RegExp(`^(?:${regex})$`));
      patterns.set(regex, arbitrary);
    }
    return fc.sample(arbitrary, { seed: dice.seed(), numRuns: 10 });
  } catch {
    return [];
  }
}

/** Building a generator from a regex is slow, and questionnaires have few patterns. */
const patterns = new Map<string, fc.Arbitrary<string>>();

export function randomEmail(dice: Dice): string {
  const name = dice.pick(['anwen', 'd.jones', 'info', 'o.brien+survey', 'zoe_2']) ?? 'info';
  return `${name}${dice.int(1, 999)}@${dice.pick(['example.com', 'example.co.uk', 'enghraifft.cymru']) ?? 'example.com'}`;
}

/** Numbers in Ofcom's range for drama (07700 900000 to 900999), in the ways people write them. */
export function randomMobile(dice: Dice): string {
  const last = String(dice.int(0, 999)).padStart(3, '0');
  return dice.pick([`07700 900${last}`, `07700900${last}`, `+44 7700 900${last}`, `+44 (0)7700 900 ${last}`]) ?? '';
}

export function randomPostcode(dice: Dice): string {
  return dice.pick(POSTCODES) ?? 'CF10 1AA';
}

export function randomAddress(dice: Dice): Address {
  const line1 = `${dice.int(1, 250)} ${dice.pick(STREETS)}`;
  const town = dice.pick(TOWNS) ?? 'Cardiff';
  const postcode = randomPostcode(dice);
  return dice.chance(0.5) ? { line1, line2: `Flat ${dice.int(1, 30)}`, town, postcode } : { line1, town, postcode };
}
