import type { Knex } from 'knex';
import * as initial from './0001_initial.ts';

/** Every migration by name, run in name order. Add new ones here. */
export const migrations: Record<string, Knex.Migration> = {
  '0001_initial': initial,
};
