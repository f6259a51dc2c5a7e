import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logger.ts';
import { HOSTILE_STRINGS } from '../testing/hostile-strings.ts';
import { type RequestLine, requestLineWriter } from './request-line.ts';

/** The runner's logger (and its request-line child, as request-logging.ts makes it), writing into `lines`. */
function runnerLogger(level = 'info') {
  const lines: string[] = [];
  const logger = createLogger(level, { destination: { write: (line: string) => void lines.push(line) } });
  return { lines, child: logger.child({}, { redact: [] }) };
}

/** A line with its time (which differs from one line to the next) taken out. */
const timeless = (line: string) => line.replace(/,"time":\d+,/, ',');

/** What the logger itself writes for the line. */
function byPino(logger: pino.Logger, line: RequestLine): void {
  const fields = { req: { id: line.id, method: line.method, path: line.path }, res: { statusCode: line.statusCode } };
  const all = { ...fields, responseTime: line.responseTime };
  if (line.statusCode >= 500) logger.error(all, line.message);
  else logger.info(all, line.message);
}

const line = (path: string, statusCode = 200): RequestLine => ({
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  method: 'GET',
  path,
  statusCode,
  responseTime: 3,
  message: statusCode >= 500 ? 'request errored' : 'request completed',
});

describe('the request line', () => {
  it('is written as text, byte for byte what the runner’s logger writes, for any path', () => {
    const ours = runnerLogger();
    const theirs = runnerLogger();
    const info = vi.spyOn(ours.child, 'info');
    const write = requestLineWriter(ours.child);
    const paths = ['/questionnaire/age', '/', '/a"b\\c', '/\u0000\u001f\u007f', '/é/ß/\u00ff', `/${'x'.repeat(300)}`];
    for (const path of [...paths, ...HOSTILE_STRINGS]) {
      for (const status of [200, 303, 404, 500, 503]) {
        write(line(path, status));
        byPino(theirs.child, line(path, status));
      }
    }
    expect(info).not.toHaveBeenCalled();
    expect(ours.lines.map(timeless)).toEqual(theirs.lines.map(timeless));
    expect(JSON.parse(ours.lines[0] ?? '')).toMatchObject({ level: 30, app: 'runner', msg: 'request completed' });
  });

  it('keeps to the logger’s level: nothing when silent, only errors at warn', () => {
    const silent = runnerLogger('silent');
    const write = requestLineWriter(silent.child);
    write(line('/a'));
    write(line('/b', 500));
    expect(silent.lines).toEqual([]);

    const warn = runnerLogger('warn');
    const writeWarn = requestLineWriter(warn.child);
    writeWarn(line('/a'));
    writeWarn(line('/b', 500));
    expect(warn.lines.map((text) => JSON.parse(text).req.path)).toEqual(['/b']);
  });

  it('is given to a logger that would write it otherwise (a mixin, a serializer, redaction) as an object', () => {
    for (const options of [
      { mixin: () => ({ extra: 1 }) },
      { serializers: { req: (req: { id: string }) => ({ id: req.id }) } },
      { redact: ['req.path'] },
    ]) {
      const lines: string[] = [];
      const logger = pino(options, { write: (text: string) => void lines.push(text) });
      const expected: string[] = [];
      byPino(pino(options, { write: (text: string) => void expected.push(text) }), line('/secret'));
      requestLineWriter(logger)(line('/secret'));
      expect(lines.map(timeless)).toEqual(expected.map(timeless));
    }
  });
});
