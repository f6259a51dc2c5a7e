import { resolve } from 'node:path';
import { checkQuestionnaire, type Problem } from '@eq/engine';
import type { Io } from './io.ts';

export interface FileReport {
  file: string;
  problems: Problem[];
}

/** Checks each file and prints its problems; 1 if any file has an error (or cannot be checked), else 0. */
export async function validate(files: string[], options: { json: boolean }, io: Io): Promise<number> {
  const reports: FileReport[] = [];
  for (const file of files) reports.push({ file, problems: await checkFile(resolve(io.cwd, file), io) });
  io.stdout(options.json ? `${JSON.stringify(reports, null, 2)}\n` : reports.map(formatReport).join(''));
  return reports.some((r) => r.problems.some((p) => p.severity === 'error')) ? 1 : 0;
}

async function checkFile(path: string, io: Io): Promise<Problem[]> {
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (error) {
    return [fileProblem('file-unreadable', `cannot read ${path}: ${readError(error)}`)];
  }
  const json = text.replace(/^\uFEFF/, '');
  let input: unknown;
  try {
    input = JSON.parse(json);
  } catch (error) {
    return [fileProblem('not-json', `not JSON: ${parseError(error, json)}`)];
  }
  return checkQuestionnaire(input).problems;
}

/** The parser's message, with the line and column of the position it names. */
function parseError(error: unknown, json: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position === undefined) return message;
  const before = json.slice(0, Number(position)).split('\n');
  return `${message} (line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1})`;
}

function fileProblem(code: string, message: string): Problem {
  return { code, severity: 'error', message, path: '' };
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
};

function readError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && READ_ERRORS[code]) return READ_ERRORS[code];
  return error instanceof Error ? error.message : String(error);
}

/** `<file>:<pointer> <severity> [<code>] <message>` per problem, then `<file>: 2 errors, 1 warning` or `<file>: ok`. */
export function formatReport({ file, problems }: FileReport): string {
  const lines = problems.map((p) => `${file}:${p.path} ${p.severity} [${p.code}] ${p.message}`);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const counts = [count(errors, 'error'), count(warnings, 'warning')].filter((c) => c !== '');
  lines.push(`${file}: ${counts.length > 0 ? counts.join(', ') : 'ok'}`);
  return `${lines.join('\n')}\n`;
}

function count(n: number, noun: string): string {
  return n === 0 ? '' : `${n} ${noun}${n === 1 ? '' : 's'}`;
}
