import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Engine from '../src/index.ts';

/** The engine's exports, of this `src` or of another copy of it. */
export type EngineModule = typeof Engine;

/**
 * The engine of another copy of `src` (say, before a change), to measure against this one in
 * the same run. The copy must sit inside this package (under `node_modules/.cache`, say) for its
 * imports of `@eq/schema` to resolve.
 */
export async function engineAt(src: string): Promise<EngineModule> {
  return import(pathToFileURL(join(resolve(src), 'index.ts')).href);
}
