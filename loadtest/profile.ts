import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The parts of a V8 `.cpuprofile` (node --cpu-prof) read here. */
interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame; hitCount?: number; children?: number[] }[];
}

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

export interface Cost {
  /** Share of all samples, 0 to 1. */
  share: number;
  what: string;
}

/**
 * Where a profiled process spent its busy time (idle left out): self time by function, and self
 * time by module (a package, or our source file), where Node's internals (zlib, crypto, streams)
 * are charged to the module that called them. Frames of a bundle with a source map beside it (the
 * built runner) are told by their original source file.
 */
export function profileCosts(dir: string, repoRoot: string): { functions: Cost[]; modules: Cost[] } {
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) return { functions: [], modules: [] };
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
  const original = sourceMapper();
  for (const node of profile.nodes) node.callFrame = original(node.callFrame);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const busy = profile.nodes.filter((node) => node.callFrame.functionName !== '(idle)');
  const total = busy.reduce((sum, node) => sum + (node.hitCount ?? 0), 0) || 1;

  const functions = new Map<string, number>();
  const modules = new Map<string, number>();
  const add = (costs: Map<string, number>, key: string, hits: number) => costs.set(key, (costs.get(key) ?? 0) + hits);
  const walk = (id: number, caller: string) => {
    const node = byId.get(id);
    if (!node) return;
    const { functionName, url } = node.callFrame;
    // Node's internals called straight from the event loop (zlib and crypto jobs finishing) are their own owners.
    const internal = caller === '(root)' ? url : caller;
    const owner = url ? (ownModule(url, repoRoot) ?? internal) : functionName.startsWith('(') ? functionName : caller;
    if (functionName !== '(idle)') {
      add(functions, frameName(node.callFrame, repoRoot), node.hitCount ?? 0);
      add(modules, owner, node.hitCount ?? 0);
    }
    for (const child of node.children ?? []) walk(child, owner);
  };
  const root = profile.nodes[0];
  if (root) walk(root.id, '(node)');

  const sorted = (costs: Map<string, number>) =>
    [...costs].map(([what, hits]) => ({ what, share: hits / total })).sort((a, b) => b.share - a.share);
  return { functions: sorted(functions), modules: sorted(modules) };
}

/** Maps a frame of a bundle to its original source (file and line), when the bundle has a source map. */
function sourceMapper(): (frame: CallFrame) => CallFrame {
  const maps = new Map<string, { map: SourceMap; dir: string } | undefined>();
  return (frame) => {
    if (!frame.url.startsWith('file://') || !frame.url.endsWith('.js')) return frame;
    if (!maps.has(frame.url)) {
      const path = fileURLToPath(frame.url);
      const mapFile = `${path}.map`;
      const payload = existsSync(mapFile) ? (JSON.parse(readFileSync(mapFile, 'utf8')) as SourceMapPayload) : undefined;
      maps.set(frame.url, payload && { map: new SourceMap(payload), dir: dirname(path) });
    }
    const found = maps.get(frame.url);
    const entry = found?.map.findEntry(frame.lineNumber, frame.columnNumber);
    if (!found || !entry || !('originalSource' in entry)) return frame;
    const source = entry.originalSource.startsWith('file://')
      ? entry.originalSource
      : `file://${resolve(found.dir, entry.originalSource)}`;
    return { ...frame, url: source, lineNumber: entry.originalLine };
  };
}

function frameName(frame: CallFrame, repoRoot: string): string {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  return `${name} ${shortUrl(frame.url, repoRoot)}:${frame.lineNumber + 1}`;
}

/** The package or source file a frame belongs to; undefined for Node's own code. */
function ownModule(url: string, repoRoot: string): string | undefined {
  if (url.startsWith('node:')) return undefined;
  const packageMatch = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packageMatch) return packageMatch[1];
  return shortUrl(url, repoRoot);
}

function shortUrl(url: string, repoRoot: string): string {
  const path = url.replace(/^file:\/\//, '');
  const inPnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/(.*)$/.exec(path);
  return inPnpm ? (inPnpm[1] ?? path) : relative(repoRoot, path);
}

/** Sums module costs into named categories (the first whose pattern matches a module); the rest is "other". */
export function costsByCategory(modules: Cost[], categories: [string, RegExp][]): Cost[] {
  const totals = new Map<string, number>();
  for (const { what, share } of modules) {
    const name = categories.find(([, pattern]) => pattern.test(what))?.[0] ?? 'other';
    totals.set(name, (totals.get(name) ?? 0) + share);
  }
  return [...totals].map(([what, share]) => ({ what, share })).sort((a, b) => b.share - a.share);
}
