/**
 * `pnpm bench`: how long the engine takes over a census household of 10 and of 50 people, all
 * answered, and per runner request. Machines are shared and noisy, so each figure is also given
 * as a ratio to a baseline measured in the same run. `pnpm bench --against <dir>` also measures
 * the runner's requests through another copy of `src` (say, before a change: `cp -r src
 * node_modules/.cache/engine-before`), in turns with this one; `--requests` measures only those.
 * A report, not a test: it exits 0.
 */
import { parseArgs } from 'node:util';
import { Questionnaire } from '@eq/schema';
import * as engine from '../src/index.ts';
import {
  buildSubmission,
  buildSummary,
  checkQuestionnaire,
  computePath,
  type ResponseState,
  type SubmissionEnvelope,
} from '../src/index.ts';
import { censusHousehold, householdProblems, loadCensus, TODAY } from './census.ts';
import { generatedQuestionnaire } from './generated.ts';
import { measure } from './measure.ts';
import { type Row, table, timed } from './report.ts';
import { type NamedEngine, requestsReport } from './requests.ts';
import { runnerRequest } from './runner-request.ts';
import { engineAt } from './versions.ts';

/** The issue's targets for the full path and summary, in milliseconds. */
const TARGETS: Record<number, number> = { 10: 1, 50: 20 };
const SIZES = [10, 50];
const nav = { today: TODAY };

const envelope: SubmissionEnvelope = {
  submissionId: '3f1c9a52-7b4e-4c1d-9a8e-2d5b6c7e8f90',
  responseId: 'bench',
  questionnaireVersion: 1,
  startedAt: '2025-06-01T09:00:00Z',
  submittedAt: '2025-06-01T09:30:00Z',
  language: 'en',
};

/**
 * A new state object with the same contents, as a runner gets by reading its store on every
 * request: nothing the engine remembers about one state object carries over to the next run.
 */
const fresh = (state: ResponseState): ResponseState => ({ ...state });

const { values: args } = parseArgs({ options: { against: { type: 'string' }, requests: { type: 'boolean' } } });
const engines: NamedEngine[] = [{ name: 'this', engine }];
if (args.against) engines.push({ name: 'against', engine: await engineAt(args.against) });

const { document, q } = loadCensus();
const rows: Row[] = [];
const households = new Map<number, ResponseState>();

console.log(`Engine benchmark: census example, today ${TODAY}, Node ${process.version}\n`);
for (const people of SIZES) {
  const started = performance.now();
  const h = censusHousehold(q, people);
  const problems = householdProblems(q, h, people);
  const took = ((performance.now() - started) / 1000).toFixed(1);
  const pairs = (people * (people - 1)) / 2;
  console.log(
    problems.length === 0
      ? `${people} people: built in ${took} s; isComplete, ${pairs} pairs related, every section completed`
      : `${people} people: NOT ALL ANSWERED, so its figures mean little:\n  ${problems.join('\n  ')}`,
  );
  households.set(people, h.state);
  if (args.requests) continue;
  const summary = (lang: string) => () => buildSummary(q, fresh(h.state), { lang, today: TODAY });
  const pathAndSummary = () => {
    const state = fresh(h.state);
    computePath(q, state, nav);
    return buildSummary(q, state, { lang: 'en', today: TODAY });
  };
  const target = TARGETS[people];
  rows.push(
    timed(`${people} people: computePath`, () => computePath(q, fresh(h.state), nav)),
    timed(`${people} people: buildSummary, en`, summary('en')),
    timed(`${people} people: buildSummary, cy`, summary('cy')),
    timed(`${people} people: path + summary`, pathAndSummary, target === undefined ? {} : { target }),
    timed(`${people} people: buildSubmission`, () => buildSubmission(q, fresh(h.state), envelope, nav)),
  );
}

const largest = households.get(50) ?? households.get(10);
const person = largest?.lists.people?.items.at(-1);
if (!args.requests) timedReport();
console.log(
  `\nRunner requests${args.against ? `: this src and ${args.against}, in turns` : ''}\n${requestsReport(q, engines, largest)}`,
);
console.log(
  '\nA journey is replayed as the runner serves it: each POST (may the page be posted, its context, validation,',
  'the save) and the GET it redirects to (may the page be shown, its context, the back link, its title), each',
  'request given the state the one before it saved. Its saves alone are its savePage calls, each from the state',
  'the one before saved; "read back anew" works out the path of each state it saved as a new object, as after',
  'reading it from a store. Microseconds of CPU a request (a save; a call, for computePath). "× against" is the',
  "median of this src over the other's, then the median and range of the rounds' own ratios.",
);

/** The figures of each scenario alone, against structuredClone of the largest household. */
function timedReport(): void {
  if (largest && person) {
    const request = runnerRequest(engine, q, largest, person);
    rows.push(
      timed('person 50: canVisit + validate + savePage', () => request.post(fresh(largest))),
      timed('person 50: the same, no path reused (before)', () => request.postWithoutReuse(fresh(largest))),
      timed('person 50: POST, then GET of the next page', () => request.postThenGet(fresh(largest))),
    );
  }

  const generated = generatedQuestionnaire(300);
  rows.push(
    timed('checkQuestionnaire: census', () => checkQuestionnaire(document)),
    timed('checkQuestionnaire: generated, 300 pages', () => checkQuestionnaire(generated), { warmup: 5 }),
    // The part of the line above that is the zod schema's parse, the rest being the static checks.
    timed('  of which the schema parse (Questionnaire)', () => Questionnaire.safeParse(generated), { warmup: 5 }),
  );

  const baselineState = largest ?? {};
  const baseline = measure(() => structuredClone(baselineState));
  rows.push(
    { scenario: 'baseline: structuredClone(50-person state)', timing: baseline },
    timed('baseline: JSON.parse(JSON.stringify(same))', () => JSON.parse(JSON.stringify(baselineState))),
  );

  console.log(`\n${table(rows, baseline, 'structuredClone')}`);
  console.log(
    '\nThe last column is each median over the median of structuredClone of the 50-person state, measured in',
    'this run: compare those ratios between runs and machines, not milliseconds. "no path reused (before)" makes',
    'each call on its own copy of the state, so every call walks the path again, as every call did before paths',
    'were remembered per state. Targets are the issue’s, for the full path and summary.',
  );
}
