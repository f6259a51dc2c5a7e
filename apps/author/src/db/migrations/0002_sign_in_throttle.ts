import type { Knex } from 'knex';

/**
 * Counters of failed sign-ins, per (email, client IP) and per client IP, in fixed windows. Kept in
 * the database so every instance sees the same counts, and so it works on PGlite too (the
 * Postgres store of rate-limiter-flexible sends `query({text, values})`, which PGlite refuses).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sign_in_throttle', (t) => {
    // SHA-256 of the counter's key ("email-ip:…" or "ip:…"): no typed-in text is kept.
    t.text('key').primary();
    t.integer('failures').notNullable();
    t.timestamp('window_ends_at', { useTz: true }).notNullable();
    t.index('window_ends_at');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('sign_in_throttle');
}
