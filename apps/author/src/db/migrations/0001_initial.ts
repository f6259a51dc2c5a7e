import type { Knex } from 'knex';

/**
 * The whole first schema: people and access, surveys and questionnaires with their revisions,
 * published versions, access codes, submissions and the audit log.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('email').notNullable();
    t.text('name').notNullable();
    t.text('password_hash').notNullable();
    t.text('role').notNullable().checkIn(['admin', 'editor', 'viewer'], 'users_role_check');
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw('create unique index users_email_unique on users (lower(email))');

  await knex.schema.createTable('sessions', (t) => {
    // The SHA-256 of the cookie's token: a database read alone cannot sign anyone in.
    t.text('id').primary();
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.text('csrf_token').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('last_seen_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.index('user_id');
  });

  await knex.schema.createTable('api_tokens', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.text('name').notNullable();
    t.text('token_hash').notNullable().unique();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('last_used_at', { useTz: true });
    t.timestamp('revoked_at', { useTz: true });
    t.index('user_id');
  });

  await knex.schema.createTable('audit_events', (t) => {
    t.bigIncrements('id').primary();
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.uuid('actor_id').references('users.id').onDelete('SET NULL');
    // Kept as it was, so the log still says who when the account is gone.
    t.text('actor_email');
    t.text('action').notNullable();
    t.text('subject_type');
    t.text('subject_id');
    t.jsonb('details').notNullable().defaultTo('{}');
    t.index('at');
  });

  await knex.schema.createTable('surveys', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    // The office's own survey identifier (e.g. "139"), carried into submissions.
    t.text('survey_ref').notNullable().unique();
    t.text('name').notNullable();
    t.uuid('created_by').references('users.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  // Access-code series: one per questionnaire, for good (codes carry it).
  await knex.raw('create sequence access_code_series start 1 maxvalue 1048575 no cycle');

  await knex.schema.createTable('questionnaires', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('survey_id').notNullable().references('surveys.id').onDelete('RESTRICT');
    t.text('title').notNullable();
    t.jsonb('definition').notNullable();
    // Bumped by every save; a save names the revision it was based on.
    t.integer('revision').notNullable().defaultTo(1);
    t.uuid('created_by').references('users.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.uuid('updated_by').references('users.id').onDelete('SET NULL');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    // Publishing settings.
    t.text('slug').unique();
    t.boolean('open_access').notNullable().defaultTo(false);
    t.timestamp('opens_at', { useTz: true });
    t.timestamp('closes_at', { useTz: true });
    t.integer('session_timeout_minutes');
    t.integer('latest_version');
    t.integer('series').notNullable().unique().defaultTo(knex.raw("nextval('access_code_series')"));
    // The next access-code serial of the series to issue.
    t.integer('next_serial').notNullable().defaultTo(0);
    t.index('survey_id');
  });

  await knex.schema.createTable('questionnaire_revisions', (t) => {
    t.uuid('questionnaire_id').notNullable().references('questionnaires.id').onDelete('CASCADE');
    t.integer('revision').notNullable();
    t.jsonb('definition').notNullable();
    t.uuid('saved_by').references('users.id').onDelete('SET NULL');
    t.timestamp('saved_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    // Set when this revision restored an earlier one.
    t.integer('restored_from');
    t.primary(['questionnaire_id', 'revision']);
  });

  await knex.schema.createTable('published_versions', (t) => {
    t.bigIncrements('id').primary();
    t.uuid('questionnaire_id').notNullable().references('questionnaires.id').onDelete('RESTRICT');
    t.text('slug').notNullable();
    t.integer('version').notNullable();
    t.jsonb('definition').notNullable();
    t.text('checksum').notNullable();
    t.uuid('published_by').references('users.id').onDelete('SET NULL');
    t.timestamp('published_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('notes').notNullable().defaultTo('');
    // A snapshot of a draft for preview: reachable only with a preview launch token, its
    // submissions marked as test, never the latest version.
    t.boolean('preview').notNullable().defaultTo(false);
    t.unique(['slug', 'version']);
    t.index('questionnaire_id');
  });

  await knex.schema.createTable('access_codes', (t) => {
    // SHA-256 of the normalised code (`hashCode` of @eq/access-code): the codes themselves are
    // shown once, in the download.
    t.text('code_hash').primary();
    t.uuid('questionnaire_id').notNullable().references('questionnaires.id').onDelete('RESTRICT');
    t.integer('series').notNullable();
    t.integer('serial').notNullable();
    t.uuid('batch_id').notNullable();
    t.uuid('issued_by').references('users.id').onDelete('SET NULL');
    t.timestamp('issued_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('revoked_at', { useTz: true });
    t.uuid('revoked_by').references('users.id').onDelete('SET NULL');
    t.unique(['series', 'serial']);
    t.index('questionnaire_id');
    t.index('batch_id');
  });

  await knex.schema.createTable('submissions', (t) => {
    t.uuid('submission_id').primary();
    t.uuid('questionnaire_id').references('questionnaires.id').onDelete('RESTRICT');
    t.text('slug').notNullable();
    t.integer('version').notNullable();
    t.text('response_id').notNullable();
    t.boolean('test').notNullable().defaultTo(false);
    t.timestamp('submitted_at', { useTz: true }).notNullable();
    t.timestamp('received_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    // The canonical submission document, as received.
    t.jsonb('payload').notNullable();
    t.index(['slug', 'version']);
    t.index(['questionnaire_id', 'submitted_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'submissions',
    'access_codes',
    'published_versions',
    'questionnaire_revisions',
    'questionnaires',
    'surveys',
    'audit_events',
    'api_tokens',
    'sessions',
    'users',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
  await knex.raw('drop sequence if exists access_code_series');
}
