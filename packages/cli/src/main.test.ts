import { questionnaireJson, questionPage, radio } from '@eq/engine/testing';
import { describe, expect, it } from 'vitest';
import type { Io } from './io.ts';
import { main } from './main.ts';

const page = (extra = {}) => questionPage('p', [radio('a', ['yes'])], extra);
const valid = questionnaireJson({ pages: [page()] });
const withWarning = questionnaireJson({
  pages: [page({ skipWhen: { '==': [{ metadata: 'x' }, 1] } })],
  metadata: [{ name: 'x', type: 'number' }],
  placeholders: { spare: { value: 1 } },
});
const withErrors = questionnaireJson({
  pages: [page({ routing: [{ goTo: { page: 'nowhere' } }] })],
  placeholders: { spare: { value: 1 } },
});

/** An Io over an in-memory folder `/work`, recording what is printed. */
function fakeIo(files: Record<string, string>) {
  const printed = { stdout: '', stderr: '' };
  const io: Io = {
    cwd: '/work',
    stdout: (text) => {
      printed.stdout += text;
    },
    stderr: (text) => {
      printed.stderr += text;
    },
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return text;
    },
  };
  return { io, printed };
}

const files = {
  '/work/valid.json': JSON.stringify(valid),
  '/work/warning.json': JSON.stringify(withWarning),
  '/work/errors.json': JSON.stringify(withErrors),
  '/work/broken.json': '{\n  "formatVersion": 1,\n  oops\n}',
};

describe('eq validate', () => {
  it('prints ok and exits 0 for a valid questionnaire', async () => {
    const { io, printed } = fakeIo(files);
    expect(await main(['validate', 'valid.json'], io)).toBe(0);
    expect(printed).toEqual({ stdout: 'valid.json: ok\n', stderr: '' });
  });

  it('prints warnings and still exits 0', async () => {
    const { io, printed } = fakeIo(files);
    expect(await main(['validate', 'warning.json'], io)).toBe(0);
    expect(printed.stdout).toBe(
      'warning.json:/placeholders/spare warning [unused-placeholder] placeholder "spare" is not used in any text\n' +
        'warning.json: 1 warning\n',
    );
  });

  it('prints each problem with its pointer, a summary, and exits 1 when there are errors', async () => {
    const { io, printed } = fakeIo(files);
    expect(await main(['validate', 'valid.json', 'errors.json'], io)).toBe(1);
    expect(printed.stdout).toBe(
      'valid.json: ok\n' +
        'errors.json:/placeholders/spare warning [unused-placeholder] placeholder "spare" is not used in any text\n' +
        'errors.json:/sections/0/pages/0/routing/0/goTo/page error [unknown-page] routing rule 1 of page "p" goes to page "nowhere", which does not exist\n' +
        'errors.json: 1 error, 1 warning\n',
    );
  });

  it('reports a file that is not JSON with the parser message and where it stopped', async () => {
    const { io, printed } = fakeIo(files);
    expect(await main(['validate', 'broken.json'], io)).toBe(1);
    const [line, summary] = printed.stdout.trimEnd().split('\n');
    expect(line).toMatch(/^broken\.json: error \[not-json\] not JSON: .+ \(line 3, column 3\)$/);
    expect(summary).toBe('broken.json: 1 error');
  });

  it('reports a file that cannot be read and exits 1', async () => {
    const { io, printed } = fakeIo(files);
    expect(await main(['validate', 'valid.json', 'sub/missing.json'], io)).toBe(1);
    expect(printed.stdout).toBe(
      'valid.json: ok\n' +
        'sub/missing.json: error [file-unreadable] cannot read /work/sub/missing.json: no such file\n' +
        'sub/missing.json: 1 error\n',
    );
  });

  it('prints the problems as JSON with --json', async () => {
    const { io, printed } = fakeIo(files);
    expect(await main(['validate', '--json', 'valid.json', 'errors.json'], io)).toBe(1);
    const reports = JSON.parse(printed.stdout);
    expect(reports.map((r: { file: string }) => r.file)).toEqual(['valid.json', 'errors.json']);
    expect(reports[0].problems).toEqual([]);
    expect(reports[1].problems[1]).toEqual({
      code: 'unknown-page',
      severity: 'error',
      message: 'routing rule 1 of page "p" goes to page "nowhere", which does not exist',
      path: '/sections/0/pages/0/routing/0/goTo/page',
    });
  });

  it('treats everything after -- as a file', async () => {
    const { io, printed } = fakeIo({ '/work/--json': JSON.stringify(valid) });
    expect(await main(['validate', '--', '--json'], io)).toBe(0);
    expect(printed.stdout).toBe('--json: ok\n');
  });
});

describe('eq usage', () => {
  it('prints usage and exits 0 with --help or no arguments', async () => {
    for (const args of [['--help'], [], ['validate', '--help']]) {
      const { io, printed } = fakeIo({});
      expect(await main(args, io)).toBe(0);
      expect(printed.stdout).toContain('Usage: eq <command>');
    }
  });

  it('exits 2 with usage on stderr for an unknown command, an unknown option or no files', async () => {
    for (const [args, message] of [
      [['publish'], 'eq: unknown command "publish"'],
      [['validate', '--jsn', 'x.json'], 'eq: unknown option "--jsn"'],
      [['validate'], 'eq: validate needs at least one file'],
    ] as const) {
      const { io, printed } = fakeIo({});
      expect(await main([...args], io)).toBe(2);
      expect(printed.stdout).toBe('');
      expect(printed.stderr).toMatch(new RegExp(`^${message}\\n\\nUsage: eq`));
    }
  });
});
