import { type CompiledQuestionnaire, compile } from '@eq/engine';
import { Questionnaire } from '@eq/schema';
import { LRUCache } from 'lru-cache';
import type { Database } from '../db/connect.ts';

/** A published version, compiled by the engine once and kept: published versions never change. */
export interface PublishedDefinition {
  questionnaireId: string;
  slug: string;
  version: number;
  /** A preview snapshot: its submissions are test submissions. */
  preview: boolean;
  compiled: CompiledQuestionnaire;
}

interface VersionRow {
  questionnaire_id: string;
  slug: string;
  version: number;
  preview: boolean;
  definition: unknown;
}

/** Versions kept compiled; a census definition compiles to well under a megabyte. */
const KEPT = 200;

/**
 * Published versions by slug and number, compiled once (an LRU of the most recently used).
 * Concurrent reads of one version share one database read. A version that does not exist is not
 * remembered, since it may be published a moment later.
 */
export class PublishedDefinitions {
  private readonly cache: LRUCache<string, PublishedDefinition, { slug: string; version: number }>;

  constructor(private readonly db: Database) {
    this.cache = new LRUCache({
      max: KEPT,
      fetchMethod: async (_key, _stale, { context }) => this.load(context.slug, context.version),
    });
  }

  async get(slug: string, version: number): Promise<PublishedDefinition | undefined> {
    return this.cache.fetch(`${slug}@${version}`, { context: { slug, version } });
  }

  /** Every published version of a questionnaire (previews included), newest first. */
  async ofQuestionnaire(questionnaireId: string): Promise<PublishedDefinition[]> {
    const rows = await this.db('published_versions')
      .where({ questionnaire_id: questionnaireId })
      .orderBy('version', 'desc')
      .select<{ slug: string; version: number }[]>('slug', 'version');
    const found = await Promise.all(rows.map((row) => this.get(row.slug, row.version)));
    return found.filter((d): d is PublishedDefinition => d !== undefined);
  }

  private async load(slug: string, version: number): Promise<PublishedDefinition | undefined> {
    const row = await this.db('published_versions')
      .where({ slug, version })
      .first<VersionRow | undefined>('questionnaire_id', 'slug', 'version', 'preview', 'definition');
    if (!row) return undefined;
    // Checked when it was published; parsed again so that the engine gets the schema's defaults.
    const definition = Questionnaire.parse(
      typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition,
    );
    return {
      questionnaireId: row.questionnaire_id,
      slug: row.slug,
      version: row.version,
      preview: row.preview,
      compiled: compile(definition),
    };
  }
}
