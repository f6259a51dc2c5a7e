import { pino } from 'pino';
import type { Logger } from '../../logger.ts';

/** A real pino logger whose JSON lines are kept for tests to read. */
export function captureLogger(): { logger: Logger; lines: string[]; entries: () => Record<string, unknown>[] } {
  const lines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
  return { logger, lines, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}
