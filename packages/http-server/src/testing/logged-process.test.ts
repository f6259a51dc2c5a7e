import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { processEnv, startLoggedProcess } from './logged-process.ts';

/** A stand-in app: logs JSON lines (and some that are not), listens, logs `bye` on SIGTERM. */
const APP = `
const { createServer } = require('node:http');
const log = (fields) => console.log(JSON.stringify({ level: 30, ...fields }));
console.log('not json');
const server = createServer((req, res) => res.end('ok')).listen(Number(process.env.PORT), process.env.HOST, () => {
  log({ msg: 'demo listening', port: server.address().port, host: process.env.HOST, secret: process.env.SECRET ?? null });
  setTimeout(() => log({ msg: 'later' }), 50);
});
process.on('SIGTERM', () => { log({ msg: 'bye' }); server.close(() => process.exit(0)); });
`;

function start(script: string, extra: { keepLogs?: boolean } = {}) {
  return startLoggedProcess({
    args: ['-e', script],
    cwd: tmpdir(),
    env: { EXTRA: 'yes' },
    listening: (line) => line.msg === 'demo listening',
    name: 'the demo',
    ...extra,
  });
}

describe('startLoggedProcess', () => {
  it('resolves once the process listens, on loopback and any free port, with its log lines', async () => {
    const demo = await start(APP);
    try {
      expect(demo.url).toBe(`http://127.0.0.1:${demo.port}`);
      expect(demo.port).toBeGreaterThan(0);
      expect(demo.pid).toBeGreaterThan(0);
      expect(await (await fetch(demo.url)).text()).toBe('ok');
      const listening = await demo.waitForLog((line) => line.msg === 'demo listening');
      expect(listening).toMatchObject({ level: 30, host: '127.0.0.1', secret: null });
      expect(await demo.waitForLog((line) => line.msg === 'later')).toMatchObject({ msg: 'later' });
      expect(demo.logs.map((line) => line.msg)).toEqual(['demo listening', 'later']);
    } finally {
      expect(await demo.stop()).toEqual({ code: 0, signal: null });
    }
    expect(demo.logs.map((line) => line.msg)).toContain('bye');
  });

  it('keeps no log lines when told not to, yet still waits for them', async () => {
    const demo = await start(APP, { keepLogs: false });
    await demo.waitForLog((line) => line.msg === 'later');
    expect(demo.logs).toEqual([]);
    await demo.stop();
  });

  it('rejects naming the process and with its stderr when it exits before listening', async () => {
    await expect(start('console.error("no config"); process.exit(3)')).rejects.toThrow(
      /^the demo exited \(3\) first; stderr: no config/,
    );
  });

  it('rejects a wait that times out, with the stderr so far', async () => {
    const demo = await start(`console.error('warming up'); ${APP}`);
    await expect(demo.waitForLog((line) => line.msg === 'never', 50)).rejects.toThrow(
      /^no such log line in time; stderr: warming up/,
    );
    await demo.stop();
  });

  it('kills with SIGKILL a process that ignores SIGTERM for longer than the stop timeout', async () => {
    const demo = await start(`${APP}; process.removeAllListeners('SIGTERM'); process.on('SIGTERM', () => {});`);
    expect(await demo.stop(100)).toEqual({ code: null, signal: 'SIGKILL' });
    // Stopping again after the exit only returns the exit.
    expect(await demo.stop()).toEqual({ code: null, signal: 'SIGKILL' });
  });

  it('passes nothing of its own environment but PATH', () => {
    expect(processEnv({ PORT: '8080', SECRET: 's' })).toEqual({
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: '8080',
      SECRET: 's',
    });
  });
});
