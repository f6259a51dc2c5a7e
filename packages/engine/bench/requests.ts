import type { Questionnaire } from '@eq/schema';
import type { ResponseState } from '../src/index.ts';
import { TODAY } from './census.ts';
import { censusJourney, replay, replayed, replaySaves } from './journey.ts';
import { changingAnswer, runnerRequest } from './runner-request.ts';
import { inTurns, median, roundRatios, type Version } from './turns.ts';
import type { EngineModule } from './versions.ts';

export interface NamedEngine {
  name: string;
  engine: EngineModule;
}

interface Scenario {
  name: string;
  /** Requests (or calls) a run makes, to give each figure per request. */
  requests: number;
  perSample: number;
  run: (engine: EngineModule) => unknown;
}

/**
 * What the runner asks of the engine per request, through each engine given (the first is this
 * `src`), in turns: census journeys replayed POST and GET as the load test's respondents make
 * them, one POST then GET over a 50-person household, and the path of that household's state
 * just read (walked from nothing). Microseconds a request (a call, for the path), and the first
 * engine's median over each other's; the rounds' own ratios show how much the load moved.
 */
export function requestsReport(q: Questionnaire, engines: NamedEngine[], household50?: ResponseState): string {
  const scenarios: Scenario[] = [3, 10].map((people) => {
    const journey = censusJourney(q, people);
    return {
      name: `census household of ${people}: its journey, POST then GET`,
      requests: journey.posts.length * 2,
      perSample: 3,
      run: (engine: EngineModule) => replay(engine, q, journey),
    };
  });
  const journey = censusJourney(q, 3);
  const [first] = engines;
  const { values, states } = first ? replayed(first.engine, q, journey) : { values: [], states: [] };
  scenarios.push(
    {
      name: 'census household of 3: its saves alone (savePage)',
      requests: journey.posts.length,
      perSample: 3,
      run: (engine) => replaySaves(engine, q, journey, values),
    },
    {
      // The runner's first request after another instance wrote the record, or after its memory of it went.
      name: 'census household of 3: computePath of each state it saves, read back anew',
      requests: states.length,
      perSample: 1,
      run: (engine) => {
        for (const state of states) engine.computePath(q, { ...state }, { today: TODAY });
      },
    },
  );
  const person = household50?.lists.people?.items.at(-1);
  if (household50 && person) {
    const requests = new Map(engines.map(({ engine }) => [engine, runnerRequest(engine, q, household50, person)]));
    const changing = new Map(engines.map(({ engine }) => [engine, changingAnswer(engine, q, household50, person)]));
    scenarios.push(
      {
        name: 'household of 50: POST then GET, from the state the one before saved',
        requests: 2,
        perSample: 20,
        run: (engine) => changing.get(engine)?.(),
      },
      {
        name: 'household of 50: POST then GET, state just read',
        requests: 2,
        perSample: 5,
        run: (engine) => requests.get(engine)?.postThenGet({ ...household50 }),
      },
      {
        name: 'household of 50: computePath of a state just read',
        requests: 1,
        perSample: 5,
        run: (engine) => engine.computePath(q, { ...household50 }, { today: TODAY }),
      },
    );
  }
  const header = [
    'scenario',
    ...engines.map((e) => `${e.name} µs/request`),
    ...engines.slice(1).map((e) => `× ${e.name}`),
  ];
  const rows = scenarios.map((scenario) => {
    const versions: Version[] = engines.map(({ name, engine }) => ({ name, run: () => scenario.run(engine) }));
    const samples = inTurns(versions, { perSample: scenario.perSample });
    const perRequest = (name: string) => (median(samples.get(name) ?? []) * 1000) / scenario.requests;
    const ratios = engines.slice(1).map(({ name }) => {
      const rounds = roundRatios(samples, first?.name ?? '', name);
      const low = Math.min(...rounds);
      const high = Math.max(...rounds);
      const overall = perRequest(first?.name ?? '') / perRequest(name);
      return `${overall.toFixed(2)} (rounds ${median(rounds).toFixed(2)}, ${low.toFixed(2)} to ${high.toFixed(2)})`;
    });
    const rounds = samples.get(first?.name ?? '')?.length ?? 0;
    return [`${scenario.name}, ${rounds} rounds`, ...engines.map(({ name }) => perRequest(name).toFixed(1)), ...ratios];
  });
  return columns([header, ...rows]);
}

function columns(lines: string[][]): string {
  const widths = (lines[0] ?? []).map((_, c) => Math.max(...lines.map((row) => (row[c] ?? '').length)));
  const line = (row: string[]) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ');
  const [header = [], ...body] = lines;
  return [line(header), '-'.repeat(widths.reduce((sum, w) => sum + w + 2, -2)), ...body.map(line)].join('\n');
}
