import { describe, expect, it } from 'vitest';
import { askedPage, attribute, fieldTag, fieldTags } from '../test-pages.ts';

describe('numeric answers', () => {
  it('puts the currency symbol before the amount and % after a percentage, as the engine writes them', () => {
    const { html } = askedPage('answers-numeric', 'work-figures');
    expect(html).toMatch(/id="pay-answer-unit"[^>]*>£/);
    expect(html).toMatch(/id="overseas-pay-answer-unit"[^>]*>€/);
    expect(html).toMatch(/id="home-working-answer-unit"[^>]*>%/);
    expect(html).toContain('title="British Pound"');
    expect(html.indexOf('id="pay-answer"')).toBeGreaterThan(html.indexOf('ons-input-type--prefix'));
  });

  it('puts each unit’s symbol after its number, named in full for assistive technology', () => {
    const { html } = askedPage('answers-numeric', 'home-measurements');
    expect(html).toMatch(/id="distance-answer-unit"[^>]*>km/);
    expect(html).toMatch(/id="floor-area-answer-unit"[^>]*>m²/);
    expect(html).toMatch(/id="water-answer-unit"[^>]*>m³/);
    // An answer whose unit is written out in full (`unitLength: long`) shows it so.
    expect(html).toMatch(/id="waste-answer-unit"[^>]*>kilograms/);
    expect(html).toContain('title="kilometres"');
  });

  it('names units in Welsh on a Welsh page', () => {
    const { html } = askedPage('answers-numeric', 'home-measurements', { lang: 'cy' });
    expect(html).toContain('title="metr sgwâr"');
  });

  it('asks for numbers with a numeric keyboard', () => {
    const { html } = askedPage('answers-numeric', 'work-figures');
    expect(attribute(fieldTag(html, 'hours-answer'), 'inputmode')).toMatch(/numeric|decimal/);
  });
});

describe('date and duration answers', () => {
  it('asks for a date in day, month and year fields named as the engine reads them', () => {
    const script = { answers: { 'date-of-birth-answer': '1980-05-17' } };
    const { html } = askedPage('answers-dates', 'date-of-birth', { script });
    expect(attribute(fieldTag(html, 'date-of-birth-answer-day'), 'value')).toBe('17');
    expect(attribute(fieldTag(html, 'date-of-birth-answer-month'), 'value')).toBe('5');
    expect(attribute(fieldTag(html, 'date-of-birth-answer-year'), 'value')).toBe('1980');
    expect(html).toContain('>Day</label>');
  });

  it('asks for a month and year without a day', () => {
    const { html } = askedPage('answers-dates', 'moved-in', { lang: 'cy' });
    const names = fieldTags(html).map((t) => attribute(t, 'name'));
    expect(names).toEqual(['moved-in-answer-month', 'moved-in-answer-year']);
    expect(html).toContain('>Mis</label>');
    expect(html).toContain('>Blwyddyn</label>');
  });

  it('asks for a year in one field', () => {
    const { html } = askedPage('answers-dates', 'arrived-uk');
    expect(fieldTags(html).map((t) => attribute(t, 'name'))).toEqual(['arrived-uk-answer']);
  });

  it('asks for a duration in years and months, each with its unit, and in months alone', () => {
    const { html } = askedPage('answers-dates', 'durations');
    expect(fieldTags(html).map((t) => attribute(t, 'name'))).toEqual([
      'job-duration-answer-years',
      'job-duration-answer-months',
      'contract-duration-answer-months',
    ]);
    expect(html).toMatch(/id="job-duration-answer-years-unit"[^>]*>Years/);
  });

  it('marks the field in error when one part of a date is missing', () => {
    const form = {
      'date-of-birth-answer-day': '17',
      'date-of-birth-answer-month': '',
      'date-of-birth-answer-year': '1980',
    };
    const { html, errors } = askedPage('answers-dates', 'date-of-birth', { form });
    expect(errors.map((e) => e.field)).toEqual(['date-of-birth-answer-month']);
    expect(fieldTag(html, 'date-of-birth-answer-month')).toContain('ons-input--error');
    expect(fieldTag(html, 'date-of-birth-answer-day')).not.toContain('ons-input--error');
    expect(attribute(fieldTag(html, 'date-of-birth-answer-day'), 'value')).toBe('17');
  });
});

describe('text answers', () => {
  it('counts characters against a maximum length (with JavaScript)', () => {
    const { html } = askedPage('answers-text', 'identity');
    expect(attribute(fieldTag(html, 'full-name-answer'), 'data-message-check-num')).toBe('50');
    const { html: textarea } = askedPage('answers-text', 'job-description');
    const tag = fieldTag(textarea, 'job-description-answer');
    expect(attribute(tag, 'rows')).toBe('4');
    expect(attribute(tag, 'data-message-check-num')).toBe('250');
    expect(textarea).toContain('data-message-plural="You have {x} characters remaining"');
  });

  it('gives email, mobile and postcode fields the right type and autocomplete', () => {
    const { html } = askedPage('answers-text', 'contact-details');
    expect(attribute(fieldTag(html, 'email-answer'), 'type')).toBe('email');
    expect(attribute(fieldTag(html, 'email-answer'), 'autocomplete')).toBe('email');
    expect(attribute(fieldTag(html, 'mobile-answer'), 'type')).toBe('tel');
    const { html: postcode } = askedPage('answers-text', 'home-postcode');
    expect(attribute(fieldTag(postcode, 'postcode-answer'), 'autocomplete')).toBe('postal-code');
  });
});

describe('address answers', () => {
  it('asks for an address in four labelled fields with autocomplete, grouped under the question', () => {
    const script = {
      answers: { 'home-address-answer': { line1: '1 Heol y Bont', town: 'Caerdydd', postcode: 'CF10 1AA' } },
    };
    const { html } = askedPage('answers-address', 'home-address', { script });
    const autocomplete = fieldTags(html).map((t) => [attribute(t, 'name'), attribute(t, 'autocomplete')]);
    expect(autocomplete).toEqual([
      ['home-address-answer-line1', 'address-line1'],
      ['home-address-answer-line2', 'address-line2'],
      ['home-address-answer-town', 'address-level2'],
      ['home-address-answer-postcode', 'postal-code'],
    ]);
    expect(attribute(fieldTag(html, 'home-address-answer-town'), 'value')).toBe('Caerdydd');
    expect(html).toContain('>Town or city</label>');
  });
});
