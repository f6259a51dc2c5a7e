import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { html, pageText } from '../view-models/html.ts';
import { createViewEngine } from './engine.ts';
import { macroMemoStats } from './memoised-macros.ts';

/** Templates of our own besides the views folder's, for macros that do what ours must not. */
function withTemplates(env: nunjucks.Environment, templates: Record<string, string>): nunjucks.Environment {
  const loaders = (env as unknown as { loaders: unknown[] }).loaders;
  loaders.unshift({
    cache: {},
    getSource: (name: string) => (name in templates ? { src: templates[name], path: name, noCache: false } : null),
  });
  return env;
}

function renderer(env: nunjucks.Environment, source: string): (context: object) => string {
  const template = new nunjucks.Template(source, env);
  return (context) => template.render(context);
}

const QUESTION = `{% from "partials/question.njk" import question %}
<main>
    {% call question(view, title) %}
        {% if caption %}<p>{{ caption }}</p>{% endif %}
    {% endcall %}
</main>`;

const view = (legend: boolean) => ({
  params: { description: html('Include “everyone”'), ...(legend ? { legendIsQuestionTitle: true } : {}) },
  definitions: [],
  answers: [
    {
      macro: 'radios',
      params: {
        name: 'q',
        dontWrap: legend,
        radios: [{ id: 'q', value: 'yes', label: { text: html('Yes') } }],
      },
    },
  ],
});

describe('macros kept with holes', () => {
  it('give a question with its title and body written in, as it is made afresh: titles and bodies of every kind', () => {
    const env = createViewEngine({ frames: false });
    const plain = renderer(createViewEngine({ frames: false, memoisedMacros: false }), QUESTION);
    const question = renderer(env, QUESTION);
    const titles = ['What is Siân’s age?', 'Two\n   lines', ' spaced ', '<b>&"\'', '{{ 7*7 }} hole'];
    for (let round = 0; round < 3; round++) {
      for (const legend of [false, true]) {
        for (const [i, text] of titles.entries()) {
          const context = { view: view(legend), title: pageText(text), caption: i % 2 ? html(`Item ${i}`) : undefined };
          expect(question(context)).toBe(plain({ ...context, title: html(text) }));
        }
      }
    }
    // Made once, then with markers, then found: every call after the first two rounds.
    expect(macroMemoStats(env)?.hits).toBeGreaterThanOrEqual(titles.length * 2);
  });

  it('make every time a call without the page’s own text', () => {
    const env = createViewEngine({ frames: false });
    const plain = renderer(createViewEngine({ frames: false, memoisedMacros: false }), QUESTION);
    const question = renderer(env, QUESTION);
    for (let round = 0; round < 3; round++) {
      const context = { view: view(false), title: html('What is your age?') };
      expect(question(context)).toBe(plain(context));
    }
    // The question is made each time (its answers are the memo's as ever).
    expect(macroMemoStats(env)?.skipped).toBe(3);
  });

  it('keep nothing of a macro that changes a hole’s text on its way', () => {
    const templates = {
      'upper.njk': '{% macro question(view, title) %}<h1>{{ title | upper }}</h1><p>{{ caller() }}</p>{% endmacro %}',
      'truncated.njk':
        '{% macro question(view, title) %}<h1>{{ title | truncate(8) }}</h1>{{ caller() }}{% endmacro %}',
    };
    for (const name of Object.keys(templates)) {
      const source = `{% from "${name}" import question %}{% call question(view, title) %}<b>body</b>{% endcall %}`;
      const env = withTemplates(createViewEngine({ frames: false }), templates);
      const plain = renderer(
        withTemplates(createViewEngine({ frames: false, memoisedMacros: false }), templates),
        source,
      );
      const question = renderer(env, source);
      for (let round = 0; round < 4; round++) {
        for (const text of ['Short', 'A much longer title']) {
          const context = { view: view(false), title: pageText(text) };
          expect(question(context), name).toBe(plain({ ...context, title: html(text) }));
        }
      }
      expect(macroMemoStats(env)?.hits, name).toBe(0);
    }
  });
});
