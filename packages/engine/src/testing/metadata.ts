import type { Questionnaire } from '@eq/schema';
import { addToDate } from '../dates.ts';
import type { Dice } from './dice.ts';

const NAMES = ['ESSENTIAL ENTERPRISE LTD', 'Siop y Gornel', 'O’Brien & Daughters', '<b>Acme</b> {ru_name}'];
const ADDRESSES = ['12 Heol y Parc, Cardiff CF10 1AA', 'Flat 3, 1 High Street, Newport NP20 4GH'];

/**
 * Launch values for every metadata definition not already given: optional ones now and then
 * missing. Dates follow the order they are declared in, a month apart and ending before today,
 * as reporting periods do (`period_start` before `period_end`).
 */
export function launchMetadata(
  q: Questionnaire,
  given: Record<string, unknown>,
  today: string,
  dice: Dice,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const definitions = q.metadata ?? [];
  const dates = definitions.filter((d) => d.type === 'date');
  for (const definition of definitions) {
    const { name } = definition;
    if (Object.hasOwn(given, name) || (definition.optional && dice.chance(0.3))) continue;
    switch (definition.type) {
      case 'string':
        out[name] = (name.includes('address') ? dice.pick(ADDRESSES) : dice.pick(NAMES)) ?? name;
        break;
      case 'number':
        out[name] = dice.int(1, 500);
        break;
      case 'boolean':
        out[name] = dice.chance(0.5);
        break;
      case 'date':
        out[name] = addToDate(today, { months: dates.indexOf(definition) - dates.length }) ?? today;
        break;
    }
  }
  return { ...out, ...given };
}
