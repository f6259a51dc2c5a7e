import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { html } from '../view-models/html.ts';
import { compactHtml } from './compact.ts';
import { createViewEngine } from './engine.ts';
import { macroMemoStats, memoiseMacros, renderCompacted } from './memoised-macros.ts';

const BUTTON = '{% from "components/button/_macro.njk" import onsButton %}{{ onsButton(params) }}';
const ANSWER = '{% from "partials/answer.njk" import answer %}{{ answer(view) }}';
/** Memoised calls between elements, with the indentation of a template around them. */
const PAGE = `{% from "components/button/_macro.njk" import onsButton %}{% from "partials/answer.njk" import answer %}
<main>
    <form>
        {{ answer(view) }}
        {{ onsButton(button) }}
    </form>
</main>`;

/** A template of our own, rendered by an environment (without the page compaction of env.render). */
function renderer(env: nunjucks.Environment, source: string): (context: object) => string {
  const template = new nunjucks.Template(source, env);
  return (context) => template.render(context);
}

function counts(env: nunjucks.Environment) {
  const stats = macroMemoStats(env);
  if (!stats) throw new Error('the environment does not memoise macros');
  return stats;
}

describe('memoised macros', () => {
  it('answer a call with the same arguments from memory, with the text the macro made', () => {
    const env = createViewEngine({ frames: false });
    const plain = renderer(createViewEngine({ frames: false, memoisedMacros: false }), BUTTON);
    const button = renderer(env, BUTTON);
    const params = () => ({ text: html('Save and continue'), id: 'submit-button', attributes: { 'data-x': 'y' } });
    const first = button({ params: params() });
    expect(counts(env)).toEqual({ hits: 0, misses: 1, skipped: 0 });
    const again = button({ params: params() });
    expect(counts(env)).toEqual({ hits: 1, misses: 1, skipped: 0 });
    expect(again).toBe(first);
    expect(again).toBe(plain({ params: params() }));
    expect(again).toContain('Save and continue');
  });

  it('tell apart text already escaped from text the macro escapes', () => {
    const env = createViewEngine({ frames: false });
    const plain = renderer(createViewEngine({ frames: false, memoisedMacros: false }), ANSWER);
    const answer = renderer(env, ANSWER);
    const input = { id: 'name', name: 'name', label: { text: html('Name') } };
    const views = [
      { view: { macro: 'input', hint: '<b>bold</b>', params: input } },
      { view: { macro: 'input', hint: html('<b>bold</b>'), params: input } },
      { view: { macro: 'input', hint: new nunjucks.runtime.SafeString('<b>bold</b>'), params: input } },
      { view: { macro: 'input', hint: '<b>bold</b>', params: input } },
      { view: { macro: 'input', hint: '<b>bold</b>', params: { ...input, value: '1' } } },
      { view: { macro: 'input', hint: '<b>bold</b>', params: { ...input, value: 1 } } },
    ];
    const made = views.map((view) => answer(view));
    expect(made).toEqual(views.map((view) => plain(view)));
    expect(made[0]).toContain('&lt;b&gt;bold');
    expect(made[1]).toBe(made[0]);
    expect(made[2]).toContain('<b>bold</b>');
    expect(made[5]).toBe(made[4]);
    expect(made[4]).not.toBe(made[0]);
    expect(counts(env)).toEqual({ hits: 1, misses: 5, skipped: 0 });
  });

  it('make a call with a body, or with arguments that are not plain data, every time', () => {
    const env = createViewEngine({ frames: false });
    const plain = createViewEngine({ frames: false, memoisedMacros: false });
    const withBody =
      '{% from "components/button/_macro.njk" import onsButton %}{% call onsButton(params) %}body{% endcall %}';
    const dated = '{% from "components/button/_macro.njk" import onsButton %}{{ onsButton({ "text": when }) }}';
    const view = { params: { text: 'Save' }, when: new Date(0) };
    for (const source of [withBody, withBody, dated, dated]) {
      expect(renderer(env, source)(view)).toBe(renderer(plain, source)(view));
    }
    expect(counts(env)).toEqual({ hits: 0, misses: 0, skipped: 4 });
  });

  it('leave alone the macros not worth it, and environments that do not memoise', () => {
    const env = createViewEngine({ frames: false });
    const summary = '{% from "components/summary/_macro.njk" import onsSummary %}{{ onsSummary({ "summaries": [] }) }}';
    const contents = '{% from "partials/contents.njk" import contents %}{{ contents([{ "title": "A" }]) }}';
    for (const source of [summary, summary, contents, contents]) renderer(env, source)({});
    expect(counts(env)).toEqual({ hits: 0, misses: 0, skipped: 0 });
    expect(macroMemoStats(createViewEngine({ memoisedMacros: false }))).toBeUndefined();
    expect(macroMemoStats(createViewEngine({ noCache: true }))).toBeUndefined();
  });

  it('keep at most the characters they are given: the least recently used go first', () => {
    const memoised = createViewEngine({ frames: false, memoisedMacros: false });
    memoiseMacros(memoised, { maxChars: 2_000 });
    const button = renderer(memoised, BUTTON);
    const plain = renderer(createViewEngine({ frames: false, memoisedMacros: false }), BUTTON);
    const params = (i: number) => ({ text: html(`Button ${i}`) });
    // Each call's key and text take a few hundred characters: the first is gone after ten others.
    for (let i = 0; i < 10; i++) expect(button({ params: params(i) })).toBe(plain({ params: params(i) }));
    button({ params: params(9) });
    expect(counts(memoised)).toEqual({ hits: 1, misses: 10, skipped: 0 });
    expect(button({ params: params(0) })).toBe(plain({ params: params(0) }));
    expect(counts(memoised)).toEqual({ hits: 1, misses: 11, skipped: 0 });
  });

  it('make and do not keep a call whose key would be longer than allowed', () => {
    const memoised = createViewEngine({ frames: false, memoisedMacros: false });
    memoiseMacros(memoised, { maxKeyChars: 100 });
    const button = renderer(memoised, BUTTON);
    button({ params: { text: html('x'.repeat(200)) } });
    button({ params: { text: html('x'.repeat(200)) } });
    button({ params: { text: html('short') } });
    button({ params: { text: html('short') } });
    expect(counts(memoised)).toEqual({ hits: 1, misses: 1, skipped: 2 });
  });

  it('give a page compacted whole with calls answered from memory exactly what compacting it whole gives', () => {
    const env = createViewEngine({ frames: false });
    const plain = renderer(createViewEngine({ frames: false, memoisedMacros: false }), PAGE);
    const page = renderer(env, PAGE);
    const params = (i: number) => ({
      button: { text: html(`Save ${i % 2}`), id: 'submit-button' },
      view: {
        macro: 'textarea',
        params: { id: 'more', name: 'more', label: { text: html('More') }, value: 'a\n\n   b  ' },
      },
    });
    for (let i = 0; i < 4; i++) {
      expect(renderCompacted(env, () => page(params(i)))).toBe(compactHtml(plain(params(i))));
    }
    expect(counts(env)).toEqual({ hits: 5, misses: 3, skipped: 0 });
    // The same calls outside pages compacted whole give their text as it was made.
    expect(page(params(0))).toBe(plain(params(0)));
  });

  it('render a page again, with the calls’ text, when a template changes the text of a call answered from memory', () => {
    const env = createViewEngine({ frames: false });
    const source =
      '{% from "components/button/_macro.njk" import onsButton %}<p>\n  {{ onsButton(params) | lower }}\n</p>';
    const plain = renderer(createViewEngine({ frames: false, memoisedMacros: false }), source);
    const changed = renderer(env, source);
    const params = { text: html('Save and continue') };
    for (let i = 0; i < 3; i++)
      expect(renderCompacted(env, () => changed({ params }))).toBe(compactHtml(plain({ params })));
    expect(counts(env).hits).toBeGreaterThan(0);
  });
});
