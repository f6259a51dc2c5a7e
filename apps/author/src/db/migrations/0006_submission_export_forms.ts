import type { Knex } from 'knex';

/**
 * What the exports read of each submission, made by the app when it stores one (see
 * `responses/stored-forms.ts`): the JSON lines export's line, and JSON of what each CSV file
 * writes. An export then reads a small text column per response rather than having Postgres
 * unpack and filter the ~7 KB jsonb document. Rows stored before this migration keep them empty
 * and are exported from `payload`, as before.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('submissions', (t) => {
    t.text('export_line');
    t.text('export_once');
    t.text('export_items');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('submissions', (t) => {
    t.dropColumn('export_line');
    t.dropColumn('export_once');
    t.dropColumn('export_items');
  });
}
