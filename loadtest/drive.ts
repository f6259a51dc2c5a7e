// The journey driver: virtual respondents completing a questionnaire against running runners.
// Usage (from the repo root; `--help` lists the options):
//   apps/runner/node_modules/.bin/tsx loadtest/drive.ts --target http://127.0.0.1:3001 \
//     --concurrency 10 --seconds 30
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type LaunchKey, planJourney } from './journey.ts';
import { type LoadOptions, runLoad } from './load.ts';
import { bundledQuestionnaire } from './questionnaires.ts';
import { formatReport } from './stats.ts';

const HELP = `loadtest/drive.ts: virtual respondents completing a questionnaire over HTTP

  --target URL          a runner or the balancer (repeat for several runners)
  --questionnaire ID    a bundled example or fixture (default census-household)
  --people N            people in the household (default 3)
  --seed N              the first simulated respondent's seed (default 1)
  --plans N             different journeys, taken in turn (default 8)
  --concurrency N       virtual respondents at once (default 10)
  --seconds N           measure for N seconds (default 30, after the warm-up)
  --warmup N            seconds of load before measuring (default 5)
  --journeys N          instead: stop after N journeys (no warm-up)
  --alternate           each respondent's requests go to the targets in turn
  --launch-key FILE     a private JWK to sign launch tokens with (or LAUNCH_KEY=<JWK JSON>);
                        without one, journeys start at the open link /s/<id>
  --get PATH            instead of journeys: GET PATH in a loop (a baseline)
  --json                print the result as JSON
`;

const { values } = parseArgs({
  options: {
    target: { type: 'string', multiple: true, default: [] },
    questionnaire: { type: 'string', default: 'census-household' },
    people: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    plans: { type: 'string', default: '8' },
    concurrency: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
    journeys: { type: 'string' },
    alternate: { type: 'boolean', default: false },
    'launch-key': { type: 'string' },
    get: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help || values.target.length === 0) {
  process.stdout.write(HELP);
  process.exit(values.help ? 0 : 2);
}

const launchKeyText = values['launch-key'] ? readFileSync(values['launch-key'], 'utf8') : process.env.LAUNCH_KEY;
const launchKey = launchKeyText ? (JSON.parse(launchKeyText) as LaunchKey) : undefined;
const seed = Number(values.seed);
const byJourneys = values.journeys !== undefined;

function work(): LoadOptions['work'] {
  if (values.get) return { get: values.get };
  const q = bundledQuestionnaire(values.questionnaire);
  const count = byJourneys ? Math.min(Number(values.plans), Number(values.journeys)) : Number(values.plans);
  const plans = Array.from({ length: count }, (_, i) =>
    planJourney(q, { seed: seed + i, people: Number(values.people) }),
  );
  return launchKey ? { plans, launchKey } : { plans };
}

const result = await runLoad({
  targets: values.target,
  concurrency: Number(values.concurrency),
  work: work(),
  alternate: values.alternate,
  ...(byJourneys
    ? { journeys: Number(values.journeys) }
    : { seconds: Number(values.seconds), warmupSeconds: Number(values.warmup) }),
  onFailure: (failure) => process.stderr.write(`journey failed (seed ${failure.seed}): ${failure.error}\n`),
});

if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
else process.stdout.write(`${formatReport(values.get ? `GET ${values.get}` : values.questionnaire, result.report)}\n`);
process.exit(result.failed.length > 0 && byJourneys ? 1 : 0);
