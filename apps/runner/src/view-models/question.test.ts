import { describe, expect, it } from 'vitest';
import { askedPage, attribute, count, fieldTag } from './test-pages.ts';

describe('question texts', () => {
  it('shows the description, instruction, guidance and definitions', () => {
    const { html } = askedPage('content-pages', 'battery');
    expect(html).toContain('Answer for all the sites the business occupies.');
    expect(html).toContain('ons-question__instruction');
    expect(html).toContain('Select one answer');
    expect(html).toMatch(/ons-question-guidance[\s\S]*Batteries leased from a supplier/);
    expect(html).toMatch(/class="ons-details[\s\S]*What is a photovoltaic system\?[\s\S]*uses solar panels/);
    expect(html).toContain('Important information: ');
  });

  it('says what the guidance panel is in Welsh on a Welsh page', () => {
    const { html } = askedPage('content-pages', 'battery', { lang: 'cy' });
    expect(html).toContain('Gwybodaeth bwysig: ');
    expect(html).not.toContain('Important information: ');
  });
});

describe('errors on a question page', () => {
  it('shows what was posted again, with the error summary first and the error by the field', () => {
    const form = { 'full-name-answer': 'A', 'ni-number-answer': 'not a number' };
    const { html, errors } = askedPage('answers-text', 'identity', { form });
    expect(errors.length).toBe(2);
    expect(html).toContain('<title>Error: What are your name and National Insurance number? – ');
    expect(html).toContain('There are 2 problems with your answers');
    expect(html.indexOf('ons-panel--error')).toBeLessThan(html.indexOf('<form method="post"'));
    expect(html).toContain('href="#full-name-answer"');
    expect(html).toContain('href="#ni-number-answer"');
    expect(html).toContain('Enter a National Insurance number in the correct format, like QQ 12 34 56 C');
    expect(attribute(fieldTag(html, 'full-name-answer'), 'value')).toBe('A');
    expect(attribute(fieldTag(html, 'ni-number-answer'), 'value')).toBe('not a number');
    expect(count(html, /class="ons-panel__error"/)).toBe(2);
  });

  it('titles the error summary in Welsh on a Welsh page', () => {
    const form = { 'full-name-answer': '', 'ni-number-answer': 'x' };
    const { html } = askedPage('answers-text', 'identity', { form, lang: 'cy' });
    expect(html).toContain('Mae 2 broblem gyda’ch atebion');
    expect(html).toContain('<title>Gwall: ');
  });
});
