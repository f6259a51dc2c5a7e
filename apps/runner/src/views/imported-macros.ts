import nunjucks from 'nunjucks';
import { withMemoisedMacros } from './memoised-macros.ts';

/**
 * Nunjucks runs a template's top level again each time it is imported: every `{% from "x" import y %}`
 * of a page, and of each ONS macro when it is called (their imports sit inside the macros), on every
 * render, with its frames and contexts to collect. A template imported without context (as all of
 * ours and the Design System's are) exports macros that depend on nothing of the importer: its top
 * level sees an empty context and the environment's globals, and each macro call starts a frame of
 * its own. So the macros it exports are made once, per template object, and handed out again.
 * Imports `with context` are left alone; with templates read from disk on every render
 * (development) each render has new template objects, so nothing is reused across edits.
 * page-frames.test.ts renders every page with and without this, byte for byte. The macros handed
 * out are memoised when the environment memoises them (memoised-macros.ts).
 */
export function cacheImportedMacros(env: nunjucks.Environment): void {
  patchTemplates();
  (env as unknown as Marked)[CACHING] = true;
}

type Exported = Record<string, unknown>;
type Callback = (error: Error | null, exported?: Exported) => void;
type GetExported = (ctx?: unknown, parentFrame?: unknown, cb?: unknown) => void;
/** Properties of our own on environments and templates (symbols: a lookup as cheap as any property's). */
const CACHING = Symbol('caching imported macros');
const EXPORTED = Symbol('exported macros');
interface Marked {
  [CACHING]?: boolean;
  [EXPORTED]?: Exported;
  env: Marked;
}
let patched = false;

function patchTemplates(): void {
  if (patched) return;
  patched = true;
  const prototype = nunjucks.Template.prototype as unknown as { getExported: GetExported };
  const original = prototype.getExported;
  prototype.getExported = function getExported(this: Marked, ctx, parentFrame, cb) {
    // The compiled code of an import without context passes the callback alone.
    if (typeof ctx !== 'function' || parentFrame !== undefined || this.env[CACHING] !== true) {
      original.call(this, ctx, parentFrame, cb);
      return;
    }
    const done = ctx as Callback;
    const known = this[EXPORTED];
    if (known) {
      done(null, known);
      return;
    }
    original.call(this, (error: Error | null, exported?: Exported) => {
      if (error || !exported) {
        done(error, exported);
        return;
      }
      const kept = withMemoisedMacros(this.env, exported);
      this[EXPORTED] = kept;
      done(null, kept);
    });
  };
}
