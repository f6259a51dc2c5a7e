import { compile } from '@eq/engine';
import { describe, expect, it } from 'vitest';
import { askedPage, attribute, count, fieldTag, fieldTags, fixture } from '../test-pages.ts';

describe('radio answers', () => {
  it('draws one radio per option, named by the answer; the first has the answer’s id, for error links', () => {
    const { html } = askedPage('answers-options', 'breakfast');
    const radios = fieldTags(html).filter((t) => attribute(t, 'type') === 'radio');
    expect(radios.map((t) => attribute(t, 'id'))).toEqual([
      'breakfast-answer',
      'breakfast-answer-2',
      'breakfast-answer-3',
      'breakfast-answer-4',
      'breakfast-answer-5',
    ]);
    expect(radios.every((t) => attribute(t, 'name') === 'breakfast-answer')).toBe(true);
    expect(radios.map((t) => attribute(t, 'value'))).toEqual(['cereal', 'toast', 'cooked', 'nothing', 'other']);
    expect(html).toContain('Including porridge and muesli');
  });

  it('makes the question’s title the legend of a single radio answer', () => {
    const { html } = askedPage('answers-options', 'breakfast');
    expect(html).toMatch(
      /<legend[^>]*>\s*<h1[^>]*>What did you usually eat for breakfast last week\?<\/h1>\s*<\/legend>/,
    );
  });

  it('shows the saved choice and its detail answer (“Other, please specify”) in the option’s other input', () => {
    const script = { answers: { 'breakfast-answer': 'other', 'breakfast-other-answer': 'Kippers' } };
    const { html } = askedPage('answers-options', 'breakfast', { script });
    expect(fieldTag(html, 'breakfast-answer-5')).toMatch(/\schecked/);
    expect(fieldTag(html, 'breakfast-answer')).not.toMatch(/\schecked/);
    const other = fieldTag(html, 'breakfast-other-answer');
    expect(attribute(other, 'name')).toBe('breakfast-other-answer');
    expect(attribute(other, 'value')).toBe('Kippers');
    expect(html).toContain('for="breakfast-other-answer"');
  });

  it('shows a radio’s detail answer open, so no script marks the radio expanded (a radio cannot be)', () => {
    const { html } = askedPage('answers-options', 'breakfast');
    const other = fieldTag(html, 'breakfast-answer-5');
    expect(other).not.toContain('aria-haspopup');
    expect(other).not.toContain('aria-controls');
    expect(html).toContain('ons-radio__other--open');
  });

  it('shows a detail answer’s error on its group and links to the detail input', () => {
    const form = { 'breakfast-answer': 'other', 'breakfast-other-answer': '' };
    const { html, errors } = askedPage('answers-options', 'breakfast', { form });
    expect(errors.map((e) => e.field)).toEqual(['breakfast-other-answer']);
    expect(html).toContain('href="#breakfast-other-answer"');
    expect(html).toContain('id="breakfast-other-answer-error"');
    expect(fieldTag(html, 'breakfast-answer-5')).toMatch(/\schecked/);
  });

  it('shows a single answer’s description, which its legend cannot hold, and its guidance after it', () => {
    const { html } = askedPage('content-pages', 'battery');
    expect(html).toContain('A battery stores energy generated during the day for use later');
    expect(html).toContain('Choose “No photovoltaic system” if the business has no solar panels.');
    expect(html.indexOf('No photovoltaic system</label>')).toBeLessThan(html.indexOf('Choose “No photovoltaic'));
  });
});

describe('checkbox answers', () => {
  it('draws one checkbox per option, all named by the answer, with the saved choices ticked', () => {
    const script = { answers: { 'drinks-answer': ['tea', 'other'], 'drinks-other-answer': 'Cocoa' } };
    const { html } = askedPage('answers-options', 'drinks', { script });
    const boxes = fieldTags(html).filter((t) => attribute(t, 'type') === 'checkbox');
    expect(boxes.map((t) => attribute(t, 'name'))).toEqual(Array(4).fill('drinks-answer'));
    expect(boxes.filter((t) => /\schecked/.test(t)).map((t) => attribute(t, 'value'))).toEqual(['tea', 'other']);
    expect(attribute(fieldTag(html, 'drinks-other-answer'), 'value')).toBe('Cocoa');
  });

  it('puts an exclusive option (“None of these”) last, after “Or”, through the ONS mutually exclusive pattern', () => {
    const { html } = askedPage('mutually-exclusive', 'services');
    const none = fieldTag(html, 'services-answer-5');
    expect(attribute(none, 'value')).toBe('none');
    expect(attribute(none, 'name')).toBe('services-answer');
    expect(none).toContain('ons-js-exclusive-option');
    expect(html).toContain('ons-js-mutually-exclusive');
    expect(fieldTag(html, 'services-answer')).toContain('ons-js-exclusive-group-item');
  });

  it('words the mutually exclusive pattern in Welsh', () => {
    const { html } = askedPage('mutually-exclusive', 'services', { lang: 'cy' });
    expect(html).toContain('aria-hidden="true">Neu</span>');
    expect(html).toContain('data-deselect-message="Bydd dewis hwn yn dad-ddewis unrhyw opsiynau a ddewiswyd"');
  });
});

describe('an exclusive answer of a question (“I prefer not to say”)', () => {
  it('goes after “Or” in the other answer’s group, whose legend is the question', () => {
    const { html } = askedPage('mutually-exclusive', 'income');
    const exclusive = fieldTag(html, 'income-exclusive-answer');
    expect(attribute(exclusive, 'name')).toBe('income-exclusive-answer');
    expect(attribute(exclusive, 'value')).toBe('prefer-not-to-say');
    expect(exclusive).toContain('ons-js-exclusive-option');
    expect(fieldTag(html, 'income-answer')).toContain('ons-js-exclusive-group-item');
    expect(html).toMatch(/<legend[^>]*>\s*<h1[^>]*>What was your total income before tax/);
    expect(html).toContain('for="income-answer"');
  });

  it('shows the conflict when both are given, linking to a field of the group', () => {
    const form = { 'income-answer': '100', 'income-exclusive-answer': 'prefer-not-to-say' };
    const { html, errors } = askedPage('mutually-exclusive', 'income', { form });
    expect(errors.length).toBe(1);
    const [error] = errors;
    expect(html).toContain(`href="#${error?.field}"`);
    expect(html).toContain(`id="${error?.field}"`);
    expect(fieldTag(html, 'income-exclusive-answer')).toMatch(/\schecked/);
  });
});

describe('dropdown answers', () => {
  it('draws a select named by the answer, with its placeholder as an empty first choice and the saved option selected', () => {
    const q = fixture('answers-options');
    const region = compile(q).answers.get('region-answer')?.answer;
    const value = region && 'options' in region ? region.options[1]?.value : undefined;
    const { html } = askedPage('answers-options', 'region', { script: { answers: { 'region-answer': value ?? '' } } });
    expect(attribute(fieldTag(html, 'region-answer'), 'name')).toBe('region-answer');
    expect(html).toMatch(/<option\s+value=""\s*>Select a region<\/option>/);
    expect(html).toMatch(new RegExp(`<option\\s+value="${value}"\\s+selected\\s*>`));
    expect(count(html, /\sselected\s*>/)).toBe(1);
  });
});
