import type { Expression, Placeholder, Text } from '@eq/schema';
import type { AnswerInfo } from '../compile.ts';
import { type EvalContext, evaluate, type Value } from '../evaluate.ts';
import { own } from '../state.ts';
import { translate } from '../translate.ts';
import type { AnswerValue } from '../values.ts';
import { formatAnswerValue } from './answer-value.ts';
import { applyFormat, formatValue } from './format.ts';
import { localeFor, plurals } from './intl.ts';
import { formatNumber } from './numbers.ts';
import { formatList } from './words.ts';

/** What text is rendered against: the evaluation context and the respondent's language. */
export type RenderContext = EvalContext & { lang: string };

/** `{name}` as written in text; a brace followed by anything else is literal. */
const PLACEHOLDER = /\{([a-z][a-z0-9_]*)\}/g;

/**
 * A text in the respondent's language with its placeholders filled in. Unknown placeholders stay
 * as written (the static checks report them), and piped values are never expanded again, so an
 * answer containing "{x}" shows as typed. The result is plain text: escaping is the caller's job.
 */
export function renderText(text: Text | undefined, ctx: RenderContext): string {
  const translated = translate(text, ctx.lang, ctx.compiled.defaultLanguage);
  if (!translated.includes('{')) return translated;
  const placeholders = ctx.compiled.questionnaire.placeholders ?? {};
  return translated.replace(PLACEHOLDER, (whole, name: string) => {
    const placeholder = own(placeholders, name);
    return placeholder ? renderPlaceholder(placeholder, ctx) : whole;
  });
}

/** Every placeholder name a text uses, in any of its languages, each once. */
export function placeholderNames(text: Text): string[] {
  const strings = typeof text === 'string' ? [text] : Object.values(text);
  const names = new Set<string>();
  for (const s of strings) for (const match of s.matchAll(PLACEHOLDER)) if (match[1]) names.add(match[1]);
  return [...names];
}

function renderPlaceholder(placeholder: Placeholder, ctx: RenderContext): string {
  if ('plural' in placeholder) return renderPlural(placeholder.plural, ctx);
  const value = evaluate(placeholder.value, ctx);
  if (placeholder.format) return applyFormat(placeholder.format, value, ctx.lang);
  const ref = answerRef(placeholder.value);
  const info = ref ? ctx.compiled.answers.get(ref.answer) : undefined;
  if (!ref || !info) return formatValue(value, ctx.lang);
  // `item: 'all'` gives every item's value in one flat list: each is written as the answer would be.
  if (ref.item === 'all' && Array.isArray(value)) {
    return formatList(
      value.map((v) => answerText(info, v, ctx)),
      ctx.lang,
    );
  }
  return answerText(info, value, ctx);
}

function answerText(info: AnswerInfo, value: Value, ctx: RenderContext): string {
  const answerValue = asAnswerValue(value);
  return answerValue === undefined
    ? formatValue(value, ctx.lang)
    : formatAnswerValue(ctx.compiled, info.answer, answerValue, ctx.lang);
}

function asAnswerValue(value: Value): AnswerValue | undefined {
  if (value === undefined || value === null || typeof value === 'boolean') return undefined;
  if (Array.isArray(value)) {
    const items: readonly Value[] = value;
    const strings = items.filter((v): v is string => typeof v === 'string');
    return strings.length === items.length ? strings : undefined;
  }
  return value;
}

function answerRef(expression: Expression): { answer: string; item?: string } | undefined {
  if (expression === null || typeof expression !== 'object' || Array.isArray(expression)) return undefined;
  return 'answer' in expression && typeof expression.answer === 'string' ? expression : undefined;
}

type Plural = Extract<Placeholder, { plural: unknown }>['plural'];

/**
 * The plural form for the count, in the respondent's language when the forms have it, else the
 * default language. The category comes from that language's rules (Welsh has all six).
 */
function renderPlural(plural: Plural, ctx: RenderContext): string {
  const count = evaluate(plural.count, ctx);
  if (typeof count !== 'number' || !Number.isFinite(count)) return '';
  const lang = [ctx.lang, ctx.compiled.defaultLanguage, ...Object.keys(plural.forms)].find((l) =>
    Object.hasOwn(plural.forms, l),
  );
  const forms = lang === undefined ? undefined : own(plural.forms, lang);
  if (lang === undefined || !forms) return '';
  const form = forms[plurals(localeFor(lang)).select(count)] ?? forms.other;
  return form.replaceAll('{count}', formatNumber(count, lang));
}
