import type { AnswerType } from '@eq/schema';
import type { Catalogue, MessageArgs } from './messages.ts';

/**
 * Default validation messages in Welsh. Nouns after "Rhowch" take the soft mutation
 * (rhif → rif, dyddiad → ddyddiad); after a written number a noun stays singular ("3 nod").
 */

/** The noun for the kind of number, already mutated as the object of "Rhowch". */
function numberKind(type: AnswerType): string {
  if (type === 'currency') return 'swm';
  if (type === 'percentage') return 'ganran';
  return 'rif';
}

function durationNoun(units: MessageArgs['units']): string {
  if (units.length === 1) return units[0] === 'years' ? 'flynyddoedd' : 'fisoedd';
  return 'flynyddoedd a misoedd';
}

const MANDATORY: Partial<Record<AnswerType, string>> = {
  radio: 'Dewiswch ateb',
  dropdown: 'Dewiswch ateb',
  checkbox: 'Dewiswch o leiaf un ateb',
  date: 'Rhowch ddyddiad',
  monthYear: 'Rhowch fis a blwyddyn',
  year: 'Rhowch flwyddyn',
  email: 'Rhowch gyfeiriad e-bost',
  mobile: 'Rhowch rif ffôn symudol yn y DU',
  postcode: 'Rhowch god post',
  address: 'Rhowch gyfeiriad',
};

const ADDRESS_PARTS = {
  line1: 'Rhowch linell 1 y cyfeiriad',
  town: 'Rhowch dref neu ddinas',
  postcode: 'Rhowch god post',
};

function dateBound(a: MessageArgs, after: boolean): string {
  const side = after ? 'ar ôl' : 'cyn';
  if (a.type === 'year') {
    if (a.exclusive) return `Rhowch flwyddyn ${side} ${a.limit}`;
    return `Rhowch ${a.limit} neu flwyddyn ${after ? 'ddiweddarach' : 'gynharach'}`;
  }
  if (a.exclusive) return `Rhowch ddyddiad sydd ${side} ${a.limit}`;
  const within = a.type === 'monthYear' ? 'ym mis' : 'ar';
  return `Rhowch ddyddiad sydd ${within} ${a.limit} neu ${side} hynny`;
}

const TOTALS = {
  equal: (t: string) => `Rhowch atebion sy’n dod i gyfanswm o ${t}`,
  lessThan: (t: string) => `Rhowch atebion sy’n dod i gyfanswm sy’n llai na ${t}`,
  lessThanOrEqual: (t: string) => `Rhowch atebion sy’n dod i gyfanswm o ${t} neu lai`,
  greaterThan: (t: string) => `Rhowch atebion sy’n dod i gyfanswm sy’n fwy na ${t}`,
  greaterThanOrEqual: (t: string) => `Rhowch atebion sy’n dod i gyfanswm o ${t} neu fwy`,
};

export const cy: Catalogue = {
  mandatory: (a) => {
    if (a.part && a.part !== 'year') return ADDRESS_PARTS[a.part];
    if (a.type === 'duration') return `Rhowch nifer o ${durationNoun(a.units)}`;
    return MANDATORY[a.type] ?? 'Rhowch ateb';
  },
  invalidNumber: () => 'Rhowch rif',
  tooManyDecimals: (a) =>
    a.count === 0 ? 'Rhowch rif cyfan' : `Rhowch ${numberKind(a.type)} heb fwy na ${a.count} lle degol`,
  belowMinimum: (a) =>
    a.type === 'duration'
      ? `Rhowch gyfnod o ${a.limit} o leiaf`
      : `Rhowch ${numberKind(a.type)} sy’n fwy na ${a.exclusive ? '' : 'neu’n hafal i '}${a.limit}`,
  aboveMaximum: (a) =>
    a.type === 'duration'
      ? `Rhowch gyfnod o ddim mwy na ${a.limit}`
      : `Rhowch ${numberKind(a.type)} sy’n llai na ${a.exclusive ? '' : 'neu’n hafal i '}${a.limit}`,
  tooShort: (a) => `Rhowch o leiaf ${a.count} nod`,
  tooLong: (a) => `Rhowch ${a.count} nod neu lai`,
  patternMismatch: () => 'Rhowch ateb yn y fformat cywir',
  invalidDate: (a) => {
    if (a.part === 'year') return 'Rhowch flwyddyn â 4 digid, fel 2021';
    if (a.type === 'year') return 'Rhowch flwyddyn go iawn';
    return a.type === 'monthYear' ? 'Rhowch fis a blwyddyn go iawn' : 'Rhowch ddyddiad go iawn';
  },
  incompleteDate: (a) =>
    a.type === 'monthYear'
      ? 'Rhowch ddyddiad llawn, gan gynnwys y mis a’r flwyddyn'
      : 'Rhowch ddyddiad llawn, gan gynnwys y diwrnod, y mis a’r flwyddyn',
  dateTooEarly: (a) => dateBound(a, true),
  dateTooLate: (a) => dateBound(a, false),
  invalidDuration: (a) =>
    a.units.length === 1
      ? `Rhowch nifer cyfan o ${durationNoun(a.units)}`
      : 'Rhowch nifer cyfan o flynyddoedd a nifer o fisoedd rhwng 0 ac 11',
  invalidEmail: () => 'Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com',
  invalidMobile: () => 'Rhowch rif ffôn symudol yn y DU, fel 07700 900982 neu +44 7700 900982',
  invalidPostcode: () => 'Rhowch god post go iawn yn y DU, fel NP10 8XG',
  invalidOption: () => 'Dewiswch un o’r opsiynau',
  exclusiveConflict: (a) => (a.label ? `Tynnwch ‘${a.label}’ neu’r atebion eraill` : 'Tynnwch ateb'),
  totalMismatch: (a) => TOTALS[a.mustBe](a.limit),
};
