import type { Knex } from 'knex';

/**
 * Questionnaire definitions (the draft and each revision, two ~250 KB jsonb values per save of a
 * census-sized questionnaire) compressed with lz4 rather than Postgres's default pglz: on a
 * 300-page definition pglz spent ~2 ms per value of each save's UPDATE and stored it in 50 KiB;
 * lz4 takes a fraction of that and half the WAL, at ~25 KiB. Only new values are compressed this
 * way (no rewrite; the lock is brief). A server built without lz4 (PGlite) keeps pglz.
 */
const COLUMNS = [
  ['questionnaires', 'definition'],
  ['questionnaire_revisions', 'definition'],
] as const;

async function setCompression(knex: Knex, method: 'lz4' | 'default'): Promise<void> {
  const statements = COLUMNS.map(
    ([table, column]) => `execute 'alter table ${table} alter column ${column} set compression ${method}';`,
  ).join('\n    ');
  await knex.raw(`do $$
  begin
    ${statements}
  exception when feature_not_supported then
    -- "compression method lz4 not supported": this server was built without it.
    null;
  end $$`);
}

export async function up(knex: Knex): Promise<void> {
  await setCompression(knex, 'lz4');
}

export async function down(knex: Knex): Promise<void> {
  await setCompression(knex, 'default');
}
