import type { Knex } from 'knex';

/**
 * Access codes: batches (one row per issue, so listing them never scans millions of codes) and
 * revocation numbers. A revocation takes the next number of a sequence while it holds its
 * questionnaire's row lock, so within a series revocations commit in number order: runners can
 * read the revoked codes of a series incrementally ("revoked since number n") without missing one
 * that committed late.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('access_code_batches', (t) => {
    t.uuid('id').primary();
    t.uuid('questionnaire_id').notNullable().references('questionnaires.id').onDelete('RESTRICT');
    t.integer('series').notNullable();
    t.integer('first_serial').notNullable();
    t.integer('count').notNullable();
    t.uuid('issued_by').references('users.id').onDelete('SET NULL');
    t.timestamp('issued_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['questionnaire_id', 'issued_at']);
  });
  await knex.raw('create sequence access_code_revocation start 1');
  await knex.schema.alterTable('access_codes', (t) => {
    // The revocation that revoked the code (a number of the sequence above); null while valid.
    t.bigInteger('revocation');
    t.foreign('batch_id').references('access_code_batches.id').onDelete('RESTRICT');
  });
  // Revocations are rare: a partial index keeps the runners' incremental read small and fast.
  await knex.raw(
    'create index access_codes_revoked on access_codes (series, revocation, code_hash) where revocation is not null',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists access_codes_revoked');
  await knex.schema.alterTable('access_codes', (t) => {
    t.dropForeign('batch_id');
    t.dropColumn('revocation');
  });
  await knex.raw('drop sequence if exists access_code_revocation');
  await knex.schema.dropTableIfExists('access_code_batches');
}
