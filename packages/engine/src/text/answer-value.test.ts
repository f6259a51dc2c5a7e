import type { Answer } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import { compile } from '../compile.ts';
import { questionnaire, questionPage } from '../testing/build.ts';
import type { AnswerValue } from '../values.ts';
import { formatAnswerValue } from './answer-value.ts';

const yesNo = [
  { value: 'yes', label: { en: 'Yes', cy: 'Ie' } },
  { value: 'no', label: { en: 'No', cy: 'Na' } },
];
const transport = [
  { value: 'car', label: { en: 'Car', cy: 'Car' } },
  { value: 'bus', label: { en: 'Bus', cy: 'Bws' } },
  { value: 'train', label: { en: 'Train', cy: 'Trên' } },
];

const answers = [
  { id: 'name', type: 'text', label: 'Name', qCode: '1' },
  { id: 'owns', type: 'radio', label: 'Owns', qCode: '2', options: yesNo },
  { id: 'region', type: 'dropdown', label: 'Region', qCode: '3', options: yesNo },
  { id: 'transport', type: 'checkbox', label: 'Transport', qCode: '4', options: transport },
  { id: 'staff', type: 'number', label: 'Staff', qCode: '5' },
  { id: 'turnover', type: 'currency', label: 'Turnover', qCode: '6' },
  { id: 'costs', type: 'currency', label: 'Costs', qCode: '7', currency: 'EUR' },
  { id: 'pay', type: 'currency', label: 'Pay', qCode: '16', decimalPlaces: 2 },
  { id: 'grant', type: 'currency', label: 'Grant', qCode: '17', decimalPlaces: 0 },
  { id: 'rate', type: 'currency', label: 'Rate', qCode: '18', decimalPlaces: 4 },
  { id: 'share', type: 'percentage', label: 'Share', qCode: '8' },
  { id: 'area', type: 'unit', label: 'Area', qCode: '9', unit: 'square-meter' },
  { id: 'height', type: 'unit', label: 'Height', qCode: '10', unit: 'meter', unitLength: 'long' },
  { id: 'dob', type: 'date', label: 'Date of birth', qCode: '11' },
  { id: 'started', type: 'monthYear', label: 'Started', qCode: '12' },
  { id: 'built', type: 'year', label: 'Built', qCode: '13' },
  { id: 'lived', type: 'duration', label: 'Lived', qCode: '14' },
  { id: 'home', type: 'address', label: 'Home', qCode: '15' },
];

const compiled = compile(questionnaire({ languages: ['en', 'cy'], pages: [questionPage('p', answers)] }));

function write(answerId: string, value: AnswerValue, lang = 'en'): string {
  const answer = compiled.answers.get(answerId)?.answer as Answer;
  return formatAnswerValue(compiled, answer, value, lang);
}

describe('formatAnswerValue', () => {
  it('writes a text answer as it is', () => {
    expect(write('name', '<b>Alice</b> {name}')).toBe('<b>Alice</b> {name}');
  });

  it('writes a chosen option as its label in the language asked for', () => {
    expect(write('owns', 'yes')).toBe('Yes');
    expect(write('owns', 'yes', 'cy')).toBe('Ie');
    expect(write('region', 'no', 'cy')).toBe('Na');
  });

  it('falls back to the default language for an option label missing in another language', () => {
    expect(write('owns', 'no', 'fr')).toBe('No');
  });

  it('writes the chosen checkbox labels as a list', () => {
    expect(write('transport', ['car', 'bus', 'train'])).toBe('Car, Bus and Train');
    expect(write('transport', ['bus', 'train'], 'cy')).toBe('Bws a Trên');
    expect(write('transport', 'bus')).toBe('Bus');
  });

  it('writes an option value it does not know as the value itself', () => {
    expect(write('owns', 'maybe')).toBe('maybe');
  });

  it('writes numeric answers by their type', () => {
    expect(write('staff', 12345)).toBe('12,345');
    expect(write('turnover', 1500)).toBe('£1,500');
    expect(write('turnover', 1500.5)).toBe('£1,500.50');
    expect(write('costs', 20)).toBe('€20');
    expect(write('share', 45)).toBe('45%');
    expect(write('area', 120)).toBe('120 m²');
    expect(write('height', 2, 'en')).toBe('2 metres');
  });

  it("writes a currency answer with the answer's decimal places, pence always in two places at least", () => {
    expect(write('pay', 250)).toBe('£250.00');
    expect(write('pay', 1250.5)).toBe('£1,250.50');
    expect(write('pay', 1250.5, 'cy')).toBe('£1,250.50');
    expect(write('turnover', 250)).toBe('£250');
    expect(write('turnover', 250.75)).toBe('£250.75');
    expect(write('grant', 5000)).toBe('£5,000');
    expect(write('grant', 99.5)).toBe('£99.50');
    expect(write('rate', 0.1234)).toBe('£0.1234');
    expect(write('rate', 3)).toBe('£3.0000');
  });

  it('writes dates, month-years and years', () => {
    expect(write('dob', '1990-07-04')).toBe('4 July 1990');
    expect(write('dob', '1990-07-04', 'cy')).toBe('4 Gorffennaf 1990');
    expect(write('started', '2020-09')).toBe('September 2020');
    expect(write('built', 1999)).toBe('1999');
  });

  it('writes a duration and an address', () => {
    expect(write('lived', { years: 2, months: 3 })).toBe('2 years 3 months');
    expect(write('lived', { years: 2, months: 3 }, 'cy')).toBe('2 flynedd 3 mis');
    expect(write('home', { line1: '1 High Street', line2: 'Flat 2', town: 'Newport', postcode: 'NP10 8XG' })).toBe(
      '1 High Street, Flat 2, Newport, NP10 8XG',
    );
    expect(write('home', { line1: '1 High Street', town: 'Newport', postcode: 'NP10 8XG' })).toBe(
      '1 High Street, Newport, NP10 8XG',
    );
  });

  it('writes a value of the wrong type by its own type rather than failing', () => {
    expect(write('owns', 3)).toBe('3');
    expect(write('staff', 'many')).toBe('many');
    expect(write('dob', 2024)).toBe('2,024');
    expect(write('transport', { years: 1 })).toBe('1 year');
  });
});
