import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Questionnaire } from '@eq/schema';
import { bundledQuestionnaireDirs } from '../questionnaires/folder-source.ts';
import { seriesNumbers } from '../questionnaires/series.ts';
import type { PublishedVersion, QuestionnaireSource } from '../questionnaires/source.ts';

/** A fixture questionnaire by its file name, e.g. `routing-and`. */
export function fixture(name: string): Questionnaire {
  const dir = bundledQuestionnaireDirs({ fixtures: true })[1] ?? '';
  return Questionnaire.parse(JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')));
}

/**
 * Questionnaires published as a test needs them (pass as `overrides.source`): several versions of
 * a slug, with or without open access. Access-code series as the folder source assigns them.
 */
export class PublishedSource implements QuestionnaireSource {
  private readonly published = new Map<string, PublishedVersion[]>();

  /** Publishes the questionnaire as the next version of its id. */
  publish(questionnaire: Questionnaire, options: { openAccess?: boolean } = {}): PublishedVersion {
    const versions = this.published.get(questionnaire.id) ?? [];
    const version = {
      slug: questionnaire.id,
      version: versions.length + 1,
      questionnaire,
      openAccess: options.openAccess ?? true,
    };
    this.published.set(questionnaire.id, [...versions, version]);
    return version;
  }

  async latest(slug: string): Promise<PublishedVersion | undefined> {
    return this.published.get(slug)?.at(-1);
  }

  async version(slug: string, version: number): Promise<PublishedVersion | undefined> {
    return this.published.get(slug)?.find((published) => published.version === version);
  }

  async slugForSeries(series: number): Promise<string | undefined> {
    for (const [slug, number] of seriesNumbers([...this.published.keys()])) if (number === series) return slug;
    return undefined;
  }

  /** Revocation is the author app's (see process/fake-author-api.ts): this source revokes nothing. */
  async isCodeRevoked(_series: number, _codeHash: string): Promise<boolean> {
    return false;
  }

  async list(): Promise<{ slug: string; title: string }[]> {
    return [...this.published.keys()].map((slug) => ({ slug, title: slug }));
  }
}
