import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureDevKeys } from './dev-keys.ts';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'eq-dev-keys-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('ensureDevKeys', () => {
  it('generates four distinct 256-bit keys into dev-keys.json, readable only by its owner', async () => {
    const keys = await ensureDevKeys(join(dataDir, 'nested'));
    const file = join(dataDir, 'nested', 'dev-keys.json');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(keys);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const values = Object.values(keys);
    expect(new Set(values).size).toBe(4);
    for (const value of values) expect(Buffer.from(value, 'base64url')).toHaveLength(32);
  });

  it('returns the same keys on every later start', async () => {
    const first = await ensureDevKeys(dataDir);
    expect(await ensureDevKeys(dataDir)).toEqual(first);
  });

  it('gives processes starting together the same keys, leaving no stray files', async () => {
    const all = await Promise.all(Array.from({ length: 8 }, () => ensureDevKeys(dataDir)));
    expect(new Set(all.map((keys) => JSON.stringify(keys))).size).toBe(1);
    expect(await readdir(dataDir)).toEqual(['dev-keys.json']);
  });

  it('reads a file written before the runner token existed, deriving one token every reader agrees on', async () => {
    const old = { sessionKey: 's'.repeat(43), answerKey: 'a'.repeat(43), accessCodeKey: 'c'.repeat(43) };
    await writeFile(join(dataDir, 'dev-keys.json'), JSON.stringify(old));
    const keys = await ensureDevKeys(dataDir);
    expect(keys).toMatchObject(old);
    expect(keys.runnerToken.length).toBeGreaterThanOrEqual(32);
    expect(Object.values(old)).not.toContain(keys.runnerToken);
    expect((await ensureDevKeys(dataDir)).runnerToken).toBe(keys.runnerToken);
    // The file is left as it was.
    expect(JSON.parse(await readFile(join(dataDir, 'dev-keys.json'), 'utf8'))).toEqual(old);
  });

  it('refuses a damaged key file, saying how to recover', async () => {
    await writeFile(join(dataDir, 'dev-keys.json'), '{"sessionKey": "short"}');
    await expect(ensureDevKeys(dataDir)).rejects.toThrow(/dev-keys\.json is not a development key file: delete it/);
  });
});
