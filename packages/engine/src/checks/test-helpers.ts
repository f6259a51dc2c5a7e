import { Questionnaire } from '@eq/schema';
import { checkContext } from './context.ts';
import type { Check, Problem } from './problem.ts';

/** Small builders for the questionnaires in the checks' tests. */
type Json = Record<string, unknown>;

export function questionnaire(sections: Json[], extra: Json = {}): Json {
  return {
    formatVersion: 1,
    id: 'test',
    title: 'Test',
    languages: ['en'],
    flow: { type: 'linear' },
    sections,
    ...extra,
  };
}

export function section(id: string, pages: Json[], extra: Json = {}): Json {
  return { id, title: `Section ${id}`, pages, ...extra };
}

export function answer(id: string, type = 'number', extra: Json = {}): Json {
  return { id, type, label: id, qCode: id, ...extra };
}

export function options(...values: string[]): { value: string; label: string }[] {
  return values.map((value) => ({ value, label: value }));
}

export function radio(id: string, values: string[], extra: Json = {}): Json {
  return answer(id, 'radio', { options: options(...values), ...extra });
}

export function question(id: string, answers: Json[], extra: Json = {}): Json {
  return { id, title: `Question ${id}`, answers, ...extra };
}

/** A question page whose question is `<id>-q`. */
export function questionPage(id: string, answers: Json[], extra: Json = {}): Json {
  return { id, kind: 'question', question: question(`${id}-q`, answers), ...extra };
}

/** A list collector for `list`, whose item page asks `itemAnswers` (default a text answer `<list>-name`). */
export function listCollector(id: string, list: string, extra: Json = {}, itemAnswers?: Json[]): Json {
  return {
    id,
    kind: 'listCollector',
    list,
    itemLabel: { answer: `${list}-name` },
    question: question(`${id}-q`, [radio(`${id}-more`, ['yes', 'no'])]),
    addValue: 'yes',
    itemPage: { id: `${id}-item`, question: question(`${id}-item-q`, itemAnswers ?? [answer(`${list}-name`, 'text')]) },
    removePage: {
      id: `${id}-remove`,
      question: question(`${id}-remove-q`, [radio(`${id}-remove-sure`, ['yes', 'no'])]),
    },
    removeValue: 'yes',
    ...extra,
  };
}

/** Parses a test questionnaire (failing the test if it does not match the schema) and runs one check. */
export function runCheck(check: Check, input: Json): Problem[] {
  const parsed = Questionnaire.safeParse(input);
  if (!parsed.success) throw new Error(`test questionnaire does not match the schema: ${parsed.error.message}`);
  return check(checkContext(parsed.data));
}

/** The problems as `[code, severity, path]`, for compact assertions. */
export function summary(problems: Problem[]): [string, string, string][] {
  return problems.map((p) => [p.code, p.severity, p.path]);
}
