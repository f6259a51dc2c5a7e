import type { Knex } from 'knex';
import * as initial from './0001_initial.ts';
import * as signInThrottle from './0002_sign_in_throttle.ts';
import * as accessCodeBatches from './0005_access_code_batches.ts';
import * as submissionExportForms from './0006_submission_export_forms.ts';
import * as definitionLz4 from './0007_definition_lz4.ts';

/** Every migration by name, run in name order. Add new ones here. */
export const migrations: Record<string, Knex.Migration> = {
  '0001_initial': initial,
  '0002_sign_in_throttle': signInThrottle,
  '0005_access_code_batches': accessCodeBatches,
  '0006_submission_export_forms': submissionExportForms,
  '0007_definition_lz4': definitionLz4,
};
