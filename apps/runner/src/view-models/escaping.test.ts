import { locationKey } from '@eq/engine';
import { answeredState } from '@eq/engine/testing';
import { Questionnaire } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html.ts';
import { fixture, htmlAt, TODAY, visibleLocations } from './test-pages.ts';

/**
 * Hostile strings of the kind the Big List of Naughty Strings holds (the ONS schema
 * test_big_list_naughty_strings.json asks for them in 507 free-text answers): markup, attribute
 * and element break-outs, template syntax, entities, control and combining characters.
 */
const NAUGHTY = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '</textarea><script>alert(2)</script>',
  '</title><script>alert(3)</script>',
  '" onmouseover="alert(4)',
  '<a href="javascript:alert(5)">click</a>',
  '<style>body{display:none}</style>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a hostile string, not a template
  '{{ 7*7 }} {% include "layout.njk" %} ${7*7}',
  '&lt;b&gt;not bold&lt;/b&gt; &amp; &#60;',
  '<!-- comment --> <![CDATA[x]]>',
  'Ṱ̺̺̕o͞ ̷i̲̬͇̪͙n̝̗͕v̟̜̘̦͟o̶̙̰̠kè͚̮̺̪̹̱̤ ̖t̝͕̳̣̻̪͞h̼͓̲̦̳̘̲e͇̣̰̦̬͎',
  '\u202eRTL override\u202c and zero\u200bwidth',
  '__proto__ constructor toString',
  '%3Cscript%3Ealert(6)%3C%2Fscript%3E',
];

const TEXT_KEYS = new Set([
  'title',
  'label',
  'description',
  'instruction',
  'placeholder',
  'totalLabel',
  'button',
  'guidance',
]);

/** A copy of a questionnaire whose every text is the next of `texts`. */
function withTexts(source: unknown, texts: readonly string[]): Questionnaire {
  let next = 0;
  const text = () => texts[next++ % texts.length] ?? '';
  const isText = (v: unknown) =>
    typeof v === 'string' ||
    (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((s) => typeof s === 'string'));
  const walk = (value: unknown, key?: string): unknown => {
    if (Array.isArray(value)) {
      return key === 'list' && value.every(isText) ? value.map(text) : value.map((v) => walk(v));
    }
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, TEXT_KEYS.has(k) && isText(v) ? text() : walk(v, k)]),
    );
  };
  return Questionnaire.parse(walk(source));
}

/** Tag names and attribute names in order: what markup injected through a text would change. */
function skeleton(html: string): string[] {
  return [...html.matchAll(/<(\/?[a-zA-Z][\w-]*|!doctype)([^>]*)>/g)].map(([, tag, attributes]) => {
    const names = [...(attributes ?? '').matchAll(/([^\s=/]+)(?:=(?:"[^"]*"|'[^']*'))?/g)].map((m) => m[1]);
    return `${tag} ${names.join(' ')}`;
  });
}

const BENIGN = NAUGHTY.map((_, i) => `Plain text ${i}`);

describe('hostile text in questionnaires and answers', () => {
  for (const name of ['relationships', 'answers-options', 'content-pages', 'hub-and-spoke', 'calculated-summary']) {
    it(`is escaped on every page of ${name}: the markup is the same as with plain text`, () => {
      const source = fixture(name);
      const naughty = withTexts(source, NAUGHTY);
      const plain = withTexts(source, BENIGN);
      const textAnswers = (texts: readonly string[]) => {
        const answers: Record<string, string> = {};
        let i = 0;
        for (const section of source.sections) {
          for (const page of section.pages) {
            const questions = 'question' in page ? [page.question] : [];
            if (page.kind === 'listCollector') questions.push(page.itemPage.question);
            for (const question of questions) {
              for (const answer of question.answers) {
                if (answer.type === 'text' || answer.type === 'textarea')
                  answers[answer.id] = texts[i++ % texts.length] ?? '';
                if ('options' in answer) {
                  for (const option of answer.options) {
                    const detail = option.detailAnswer;
                    if (detail?.type === 'text' || detail?.type === 'textarea')
                      answers[detail.id] = texts[i++ % texts.length] ?? '';
                  }
                }
              }
            }
          }
        }
        return answers;
      };
      const naughtyState = answeredState(naughty, { answers: textAnswers(NAUGHTY) }, { today: TODAY });
      const plainState = answeredState(plain, { answers: textAnswers(BENIGN) }, { today: TODAY });
      const locations = visibleLocations(naughty, naughtyState);
      expect(locations.map(locationKey)).toEqual(visibleLocations(plain, plainState).map(locationKey));
      const seen = new Set<string>();
      for (const location of locations) {
        const where = `${name} ${locationKey(location)}`;
        const html = htmlAt(naughty, naughtyState, location);
        expect(skeleton(html), where).toEqual(skeleton(htmlAt(plain, plainState, location)));
        for (const text of NAUGHTY) {
          if (/[<>"]/.test(text)) expect(html, where).not.toContain(text);
          if (/[&<>"']/.test(text)) expect(html, `${where}: escaped twice`).not.toContain(escapeHtml(escapeHtml(text)));
          if (html.includes(escapeHtml(text))) seen.add(text);
        }
      }
      // The hostile texts were on the pages, escaped.
      expect(seen.size).toBeGreaterThan(NAUGHTY.length / 2);
    });
  }

  it('writes template syntax in an answer as typed, never running it', () => {
    const q = fixture('list-collector');
    const state = answeredState(
      q,
      { answers: { 'first-name': '{{ 7*7 }}', 'last-name': '{% raw %}' } },
      { today: TODAY },
    );
    const html = htmlAt(q, state, { kind: 'summary' });
    expect(html).toContain('{{ 7*7 }}');
    expect(html).toContain('{% raw %}');
    expect(html).not.toContain('>49<');
  });
});
