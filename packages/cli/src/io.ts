import { readFile } from 'node:fs/promises';

/** What the command needs from the outside world, so tests can run it without a process. */
export interface Io {
  /** The folder relative paths are resolved against. */
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
}

/**
 * The real process. `pnpm eq …` runs in the folder of the package that defines the script and
 * says where it was started in INIT_CWD, which is where the user's relative paths point.
 */
export function nodeIo(): Io {
  return {
    cwd: process.env.INIT_CWD ?? process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readFile(path, 'utf8'),
  };
}
