import type { Io } from './io.ts';
import { validate } from './validate.ts';

export const USAGE = `Usage: eq <command> [options]

Commands:
  validate <file.json>...   Check questionnaire files against the format and the publishing checks

Options:
  --json                    Print the problems as JSON
  -h, --help                Show this help

Exit status: 0 when no file has errors (warnings allowed), 1 when any file has errors, 2 on bad usage.
`;

/** Runs the `eq` command with its arguments and returns the exit status. */
export async function main(args: string[], io: Io): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (command !== 'validate') return usageError(io, `unknown command "${command}"`);
  const { options, files } = splitArguments(rest);
  if (options.includes('-h') || options.includes('--help')) {
    io.stdout(USAGE);
    return 0;
  }
  const unknown = options.find((o) => o !== '--json');
  if (unknown) return usageError(io, `unknown option "${unknown}"`);
  if (files.length === 0) return usageError(io, 'validate needs at least one file');
  return validate(files, { json: options.includes('--json') }, io);
}

function usageError(io: Io, message: string): number {
  io.stderr(`eq: ${message}\n\n${USAGE}`);
  return 2;
}

/** Options start with "-"; everything after "--" is a file, whatever its name. */
function splitArguments(args: string[]): { options: string[]; files: string[] } {
  const options: string[] = [];
  const files: string[] = [];
  let onlyFiles = false;
  for (const arg of args) {
    if (!onlyFiles && arg === '--') onlyFiles = true;
    else if (!onlyFiles && arg.startsWith('-')) options.push(arg);
    else files.push(arg);
  }
  return { options, files };
}
