import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEnvironment } from '../config.ts';
import { developmentAdmin } from './admin.ts';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'eq-dev-admin-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const env = (extra: Record<string, string> = {}) => readEnvironment({ DATA_DIR: dataDir, ...extra });

describe('the development admin account', () => {
  it('is admin@example.com with a password generated once into author-admin.json, readable by its owner only', async () => {
    const admin = await developmentAdmin(env());
    const file = join(dataDir, 'author-admin.json');
    expect(admin).toEqual({ email: 'admin@example.com', password: expect.any(String), from: file });
    expect(admin.password.length).toBeGreaterThanOrEqual(20);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ email: admin.email, password: admin.password });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await developmentAdmin(env())).toEqual(admin);
  });

  it('is ADMIN_EMAIL with ADMIN_PASSWORD when they are set, and writes no file then', async () => {
    const admin = await developmentAdmin(
      env({ ADMIN_EMAIL: 'me@example.org', ADMIN_PASSWORD: 'correct horse battery' }),
    );
    expect(admin).toEqual({ email: 'me@example.org', password: 'correct horse battery', from: 'ADMIN_PASSWORD' });
    await expect(stat(join(dataDir, 'author-admin.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a damaged file, saying how to recover', async () => {
    await writeFile(join(dataDir, 'author-admin.json'), '{"email": "admin@example.com"}');
    await expect(developmentAdmin(env())).rejects.toThrow(
      /author-admin\.json is not a development admin file: delete it/,
    );
  });
});
