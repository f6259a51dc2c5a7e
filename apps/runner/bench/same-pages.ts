/**
 * `npx tsx bench/same-pages.ts --against <copy of src>`: every page this `src` renders, byte for
 * byte what another copy of it (say, before a change) renders, as production renders them (frames
 * cached, macros memoised; each page twice, the second from what the first kept): every location
 * of every fixture and example in each of its languages, empty and answered, shown again with the
 * errors of a hostile form, and the journeys of `--households` census households in English and
 * Welsh. A copy of `src` outside the repository must resolve its packages as this one does (a
 * `package.json` of type module and a `node_modules` link to apps/runner's beside it), or it is
 * loaded as CommonJS with an engine of its own. Prints the pages compared and the first that
 * differ; exits 1 if any does.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { compile, emptyState, type Location, locationContext, type ResponseState, validateQuestion } from '@eq/engine';
import { answeredState } from '@eq/engine/testing';
import type { Questionnaire } from '@eq/schema';
import { questionAt } from '../src/routes/question-at.ts';
import { locationUrl } from '../src/routes/urls.ts';
import type { locationView as LocationView } from '../src/view-models/render-location.ts';
import { chromeFor, example, fixture, fixtureNames, TODAY, visibleLocations } from '../src/view-models/test-pages.ts';
import type { createViewEngine as CreateViewEngine } from '../src/views/engine.ts';
import { journeyPages } from './journey-pages.ts';

const { values: args } = parseArgs({ options: { against: { type: 'string' }, households: { type: 'string' } } });
if (!args.against) throw new Error('--against <copy of src> is required');

const versions = await Promise.all(
  [resolve(import.meta.dirname, '../src'), resolve(args.against)].map(async (src) => {
    const at = (path: string) => pathToFileURL(join(src, path)).href;
    const engine: { createViewEngine: typeof CreateViewEngine } = await import(at('views/engine.ts'));
    const models: { locationView: typeof LocationView } = await import(at('view-models/render-location.ts'));
    return { views: engine.createViewEngine(), locationView: models.locationView };
  }),
);

let pages = 0;
let differing = 0;
function compare(q: Questionnaire, state: ResponseState, location: Location, lang: string, posted = {}): void {
  const compiled = compile(q);
  const urls = (at: Location) => locationUrl(compiled, at);
  const [mine, theirs] = versions.map((v) => {
    const view = v.locationView({
      chrome: chromeFor(q, lang, { csrfToken: `token-${pages}` }),
      questionnaire: q,
      location,
      ctx: locationContext(q, state, location, { lang, today: TODAY }),
      action: urls(location),
      urls,
      backUrl: '/questionnaire/back',
      ...posted,
    });
    return [v.views.render(view.template, view.view), v.views.render(view.template, view.view)];
  });
  pages++;
  const expected = theirs?.[0];
  if ([...(mine ?? []), theirs?.[1]].every((page) => page === expected)) return;
  differing++;
  if (differing > 3) return;
  const page = mine?.find((made) => made !== expected) ?? '';
  let at = 0;
  while (page[at] === expected?.[at]) at++;
  console.log(`differs: ${q.id} ${lang} ${JSON.stringify(location)}`);
  console.log(`  this:    ${JSON.stringify(page.slice(at - 80, at + 80))}`);
  console.log(`  against: ${JSON.stringify(expected?.slice(at - 80, at + 80))}`);
}

const examples = readdirSync(new URL('../../../packages/schema/examples/', import.meta.url))
  .filter((file) => file.endsWith('.json'))
  .map((file) => example(file.replace(/\.json$/, '')));
for (const q of [...fixtureNames().map(fixture), ...examples]) {
  for (const state of [emptyState(), answeredState(q, {}, { today: TODAY, people: 3 })]) {
    for (const lang of q.languages) {
      for (const location of visibleLocations(q, state)) {
        compare(q, state, location, lang);
        const ctx = locationContext(q, state, location, { lang, today: TODAY });
        const question = questionAt(compile(q), location, ctx);
        if (!question) continue;
        const form = Object.fromEntries(question.answers.map((answer) => [answer.id, 'not <valid> "at" all']));
        const { errors } = validateQuestion(question, form, ctx);
        if (errors.length > 0) compare(q, state, location, lang, { form, errors });
      }
    }
  }
}
const census = example('census-household');
for (let h = 0; h < Number(args.households ?? 30); h++) {
  for (const page of journeyPages(census, 7000 + h, TODAY)) {
    const posted = page.form ? { form: page.form, errors: page.errors ?? [] } : {};
    for (const lang of ['en', 'cy']) compare(census, page.state, page.location, lang, posted);
  }
}
console.log(`${pages} pages compared, each rendered twice by each version: ${differing} differ`);
process.exitCode = differing > 0 ? 1 : 0;
