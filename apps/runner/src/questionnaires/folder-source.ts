import { readdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { checkQuestionnaire, translate } from '@eq/engine';
import type { Questionnaire } from '@eq/schema';
import type { Logger } from '../logger.ts';
import { seriesNumbers } from './series.ts';
import type { PublishedVersion, QuestionnaireSource } from './source.ts';

/** Larger than any questionnaire we know of by far; a bigger file is a mistake, not a questionnaire. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface FolderSourceOptions {
  /** Folders of questionnaire files (`*.json`, one questionnaire each), read in order. */
  dirs: string[];
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
}

interface Catalogue {
  bySlug: Map<string, PublishedVersion>;
  bySeries: Map<number, string>;
}

/** The bundled example questionnaires, and with `fixtures` the named test fixtures too. */
export function bundledQuestionnaireDirs(options: { fixtures?: boolean } = {}): string[] {
  const require = createRequire(import.meta.url);
  const examples = dirname(require.resolve('@eq/schema/examples/README.md'));
  if (!options.fixtures) return [examples];
  return [examples, dirname(require.resolve('@eq/schema/fixtures/README.md'))];
}

/**
 * Questionnaires from folders of files, for standalone runners, development and tests. Each file
 * is published as version 1 of the slug that is its `id`, with open access. Files are checked at
 * load with the engine's static checks; a file that does not parse or has errors is left out and
 * logged with its problems, and the first file of an id wins. Access-code series are derived from
 * the slug (see `seriesNumbers`); the author app assigns real ones.
 */
export class FolderSource implements QuestionnaireSource {
  private constructor(
    private readonly options: FolderSourceOptions,
    private catalogue: Catalogue,
  ) {}

  static async load(options: FolderSourceOptions): Promise<FolderSource> {
    return new FolderSource(options, await readCatalogue(options));
  }

  /** Reads the folders again (development: pick up edited files without a restart). */
  async reload(): Promise<void> {
    this.catalogue = await readCatalogue(this.options);
  }

  async latest(slug: string): Promise<PublishedVersion | undefined> {
    return this.catalogue.bySlug.get(slug);
  }

  async version(slug: string, version: number): Promise<PublishedVersion | undefined> {
    return version === 1 ? this.catalogue.bySlug.get(slug) : undefined;
  }

  async slugForSeries(series: number): Promise<string | undefined> {
    return this.catalogue.bySeries.get(series);
  }

  /** Codes are revoked in the author app: without one, nothing is. */
  async isCodeRevoked(_series: number, _codeHash: string): Promise<boolean> {
    return false;
  }

  async list(): Promise<{ slug: string; title: string }[]> {
    return [...this.catalogue.bySlug.values()]
      .map(({ slug, questionnaire }) => ({ slug, title: titleOf(questionnaire) }))
      .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  }
}

async function readCatalogue({ dirs, logger }: FolderSourceOptions): Promise<Catalogue> {
  const bySlug = new Map<string, PublishedVersion>();
  for (const dir of dirs) {
    for (const file of await questionnaireFiles(dir, logger)) {
      const questionnaire = await readQuestionnaire(file, logger);
      if (!questionnaire) continue;
      const slug = questionnaire.id;
      if (bySlug.has(slug)) {
        logger.warn({ file, slug }, 'questionnaire left out: another file has the same id');
        continue;
      }
      bySlug.set(slug, { slug, version: 1, questionnaire, openAccess: true });
    }
  }
  const bySeries = new Map<number, string>();
  for (const [slug, series] of seriesNumbers([...bySlug.keys()])) bySeries.set(series, slug);
  logger.info({ dirs, count: bySlug.size }, 'questionnaires loaded from folders');
  return { bySlug, bySeries };
}

async function questionnaireFiles(dir: string, logger: FolderSourceOptions['logger']): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => join(dir, name));
  } catch (error) {
    logger.error({ dir, err: messageOf(error) }, 'questionnaire folder unreadable');
    return [];
  }
}

async function readQuestionnaire(
  file: string,
  logger: FolderSourceOptions['logger'],
): Promise<Questionnaire | undefined> {
  let document: unknown;
  try {
    const { size } = await stat(file);
    if (size > MAX_FILE_BYTES) {
      logger.error({ file, size }, 'questionnaire left out: file too large');
      return undefined;
    }
    document = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    logger.error({ file, err: messageOf(error) }, 'questionnaire left out: not readable JSON');
    return undefined;
  }
  const { questionnaire, problems } = checkQuestionnaire(document);
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (questionnaire && errors.length === 0) return questionnaire;
  logger.error(
    {
      file,
      count: errors.length,
      problems: errors.slice(0, 20).map((p) => `${p.path || '/'} ${p.code}: ${p.message}`),
    },
    'questionnaire left out: it has errors',
  );
  return undefined;
}

function titleOf(questionnaire: Questionnaire): string {
  const lang = questionnaire.languages[0] ?? 'en';
  return translate(questionnaire.title, lang, lang);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
