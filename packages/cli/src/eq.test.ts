import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/eq.mjs', import.meta.url));
let folder = '';

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'eq-cli-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Runs the real command in a child process. */
function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env };
  delete env.INIT_CWD;
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { cwd: folder, env }, (error, stdout, stderr) => {
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('bin/eq.mjs', () => {
  it('validates a file given relative to the working folder and sets the exit code', async () => {
    const doc = { formatVersion: 1, id: 'x', title: 'X', languages: ['en'], flow: { type: 'linear' }, sections: [] };
    await writeFile(join(folder, 'empty.json'), JSON.stringify(doc));
    const result = await run(['validate', 'empty.json']);
    expect(result).toEqual({
      code: 1,
      stdout:
        'empty.json:/sections error [schema-invalid] Too small: expected array to have >=1 items\nempty.json: 1 error\n',
      stderr: '',
    });
  }, 30_000);
});
