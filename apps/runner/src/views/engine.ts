import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { compactHtml } from './compact.ts';
import { cacheImportedMacros } from './imported-macros.ts';
import { memoiseMacros, renderCompacted } from './memoised-macros.ts';
import { type FramedPage, framedPages, joinFramed } from './page-frames.ts';

export interface ViewEngineOptions {
  /** Read templates from disk on every render (development); otherwise each is compiled once. */
  noCache?: boolean;
  /**
   * The folder of our templates; default this module's folder. The built runner is one bundled
   * file with the templates copied beside it, where this module's own URL is the bundle's.
   */
  dir?: string;
  /** Cache the frame of each page (page-frames.ts); default on unless `noCache`. Tests turn it off to compare. */
  frames?: boolean;
  /** Make the macros of each imported template once (imported-macros.ts); default on unless `noCache`. */
  cachedImports?: boolean;
  /** Keep what those macros return for the arguments they were given (memoised-macros.ts); default on unless `noCache`. */
  memoisedMacros?: boolean;
}

/**
 * The Nunjucks environment for every page: our templates first (this folder), then the ONS
 * Design System's, unmodified, so `components/<name>/_macro.njk` resolves to its macros.
 * Autoescape is on; view-models hand templates text already escaped (see view-models/html.ts),
 * because the ONS macros write many of their params with `| safe`.
 */
export function createViewEngine(options: ViewEngineOptions = {}): nunjucks.Environment {
  const views = options.dir ?? dirname(fileURLToPath(import.meta.url));
  const designSystem = dirname(createRequire(import.meta.url).resolve('@ons/design-system/package.json'));
  const loader = new nunjucks.FileSystemLoader([views, designSystem], { noCache: options.noCache ?? false });
  const env = new nunjucks.Environment(loader, { autoescape: true });
  env.addFilter('setAttributes', setAttributes);
  env.addFilter('tojson', toJson);
  if (options.cachedImports ?? !options.noCache) cacheImportedMacros(env);
  if (options.memoisedMacros ?? !options.noCache) memoiseMacros(env);
  compactRenders(env, { framed: options.frames ?? !options.noCache });
  return env;
}

/**
 * Every page rendered (`env.render`, which Express's view engine calls too) comes out compacted;
 * pages of views/pages with their frame cached (page-frames.ts) unless templates are read from disk
 * on every render (development), as the frames would not follow the edits.
 */
function compactRenders(env: nunjucks.Environment, options: { framed: boolean }): void {
  const render = env.render.bind(env);
  const whole = (name: string, context: object | undefined) => renderCompacted(env, () => render(name, context));
  const framed = options.framed ? framedPages(env, whole) : undefined;
  const page = (name: string, context: object | undefined): string | FramedPage =>
    (framed && context ? framed.parts(name, context as Record<string, unknown>) : undefined) ?? whole(name, context);
  pageRenderers.set(env, page);
  function compacted(name: string, context?: object): string;
  function compacted(name: string, context: object | undefined, callback: nunjucks.TemplateCallback<string>): void;
  function compacted(name: string, context?: object, callback?: nunjucks.TemplateCallback<string>): string | undefined {
    if (!callback) {
      const rendered = page(name, context);
      return typeof rendered === 'string' ? rendered : joinFramed(rendered);
    }
    render(name, context, (error, result) =>
      callback(error, typeof result === 'string' ? compactHtml(result) : result),
    );
    return undefined;
  }
  env.render = compacted;
}

const pageRenderers = new WeakMap<nunjucks.Environment, (name: string, context: object) => string | FramedPage>();

/**
 * A page as `env.render` makes it, but for a page with its frame cached as that frame's parts and
 * its own (`joinFramed` makes it whole), so that what is worked out from a frame once (its markup
 * compressed: views/gzip-segments.ts) need not be worked out for each page.
 */
export function renderPage(env: nunjucks.Environment, name: string, context: object): string | FramedPage {
  return pageRenderers.get(env)?.(name, context) ?? env.render(name, context);
}

/** The ONS macros' `setAttributes`: a copy of an object with more properties set. */
export function setAttributes(target: unknown, extra: unknown): Record<string, unknown> {
  const base = isObject(target) ? target : {};
  return { ...base, ...(isObject(extra) ? extra : {}) };
}

/** JSON that is safe inside HTML (as Jinja's `tojson`): `<`, `>`, `&` and `'` are written as escapes. */
export function toJson(value: unknown): nunjucks.runtime.SafeString {
  const json = JSON.stringify(value ?? null) ?? 'null';
  const safe = json.replace(/[<>&']/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return new nunjucks.runtime.SafeString(safe);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
