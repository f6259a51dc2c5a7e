import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledQuestionnaireDirs, FolderSource } from './folder-source.ts';
import { seriesNumbers } from './series.ts';
import { captureLogger } from './testing/capture-logger.ts';

const [examplesDir] = bundledQuestionnaireDirs();
const fixture = async (name: string) =>
  JSON.parse(await readFile(join(bundledQuestionnaireDirs({ fixtures: true })[1] ?? '', `${name}.json`), 'utf8'));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'folder-source-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(name: string, content: unknown): Promise<void> {
  await writeFile(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
}

describe('FolderSource', () => {
  it('publishes each valid file as version 1 of its id, with open access', async () => {
    await put('anything.json', await fixture('routing-equals'));
    const source = await FolderSource.load({ dirs: [dir], logger: captureLogger().logger });
    const latest = await source.latest('routing-equals');
    expect(latest).toMatchObject({ slug: 'routing-equals', version: 1, openAccess: true });
    expect(latest?.questionnaire.sections[0]?.id).toBe('accommodation');
    expect(await source.version('routing-equals', 1)).toBe(latest);
    expect(await source.version('routing-equals', 2)).toBeUndefined();
    expect(await source.latest('anything')).toBeUndefined();
  });

  it('leaves out files that are not JSON, do not match the schema or fail the static checks, and logs why', async () => {
    const dangling = await fixture('routing-equals');
    dangling.id = 'dangling';
    dangling.sections[0].pages[0].routing[0].goTo.page = 'nowhere';
    await put('good.json', await fixture('routing-equals'));
    await put('broken.json', '{ "formatVersion": 1, ');
    await put('not-a-questionnaire.json', { id: 'x', hello: 'world' });
    await put('dangling.json', dangling);
    await put('notes.txt', 'not a questionnaire');
    const { logger, entries } = captureLogger();
    const source = await FolderSource.load({ dirs: [dir], logger });
    expect(await source.list()).toEqual([{ slug: 'routing-equals', title: 'Routing on equals and not equals' }]);
    const errors = entries().filter((e) => e.level === 50);
    expect(errors.map((e) => [String(e.file).split('/').pop(), e.msg])).toEqual([
      ['broken.json', 'questionnaire left out: not readable JSON'],
      ['dangling.json', 'questionnaire left out: it has errors'],
      ['not-a-questionnaire.json', 'questionnaire left out: it has errors'],
    ]);
    const danglingProblems = errors[1]?.problems as string[];
    expect(danglingProblems.some((p) => p.includes('/sections/0/pages/0/routing/0') && p.includes('nowhere'))).toBe(
      true,
    );
  });

  it('keeps the first file of an id and logs the duplicate', async () => {
    const second = await fixture('routing-equals');
    second.title = 'Second';
    await put('a.json', await fixture('routing-equals'));
    await put('b.json', second);
    const { logger, entries } = captureLogger();
    const source = await FolderSource.load({ dirs: [dir], logger });
    expect((await source.latest('routing-equals'))?.questionnaire.title).toBe('Routing on equals and not equals');
    expect(entries().some((e) => e.msg === 'questionnaire left out: another file has the same id')).toBe(true);
  });

  it('survives a folder that does not exist', async () => {
    const { logger, entries } = captureLogger();
    const source = await FolderSource.load({ dirs: [join(dir, 'missing')], logger });
    expect(await source.list()).toEqual([]);
    expect(entries().some((e) => e.msg === 'questionnaire folder unreadable')).toBe(true);
  });

  it('maps each series number back to its slug', async () => {
    await put('a.json', await fixture('routing-equals'));
    await put('b.json', await fixture('piping'));
    const source = await FolderSource.load({ dirs: [dir], logger: captureLogger().logger });
    const numbers = seriesNumbers(['piping', 'routing-equals']);
    expect(await source.slugForSeries(numbers.get('piping') ?? -1)).toBe('piping');
    expect(await source.slugForSeries(numbers.get('routing-equals') ?? -1)).toBe('routing-equals');
    expect(await source.slugForSeries(0)).toBeUndefined();
  });

  it('revokes no access code: without an author app there is nobody to revoke one', async () => {
    await put('a.json', await fixture('piping'));
    const source = await FolderSource.load({ dirs: [dir], logger: captureLogger().logger });
    const series = seriesNumbers(['piping']).get('piping') ?? -1;
    expect(await source.isCodeRevoked(series, 'f'.repeat(64))).toBe(false);
  });

  it('picks up changed files on reload', async () => {
    await put('a.json', await fixture('routing-equals'));
    const source = await FolderSource.load({ dirs: [dir], logger: captureLogger().logger });
    await put('b.json', await fixture('piping'));
    expect(await source.latest('piping')).toBeUndefined();
    await source.reload();
    expect((await source.latest('piping'))?.slug).toBe('piping');
  });

  it('serves every bundled example and fixture without a problem logged', async () => {
    const { logger, entries } = captureLogger();
    const source = await FolderSource.load({ dirs: bundledQuestionnaireDirs({ fixtures: true }), logger });
    const slugs = (await source.list()).map((q) => q.slug);
    expect(slugs).toContain('census-household');
    expect(slugs).toContain('business-survey');
    expect(slugs).toContain('relationships');
    expect(entries().filter((e) => Number(e.level) >= 40)).toEqual([]);
    expect(examplesDir).toMatch(/schema[/\\]examples$/);
  });

  it('lists titles in the default language', async () => {
    const welsh = await fixture('welsh');
    const source = await FolderSource.load({ dirs: [dir], logger: captureLogger().logger });
    await put('welsh.json', welsh);
    await source.reload();
    const [entry] = await source.list();
    const title = typeof welsh.title === 'string' ? welsh.title : welsh.title[welsh.languages[0]];
    expect(entry).toEqual({ slug: 'welsh', title });
  });
});
