/**
 * Requests handed to an app's request handler in this process, as Node's HTTP server hands them
 * (an `IncomingMessage` and a `ServerResponse` on a kept-alive socket, `close` emitted on the tick
 * after the response finishes), without a socket, a parser or system calls: what is left to
 * measure is the app's own work, with far less noise than a connection adds.
 */
import { IncomingMessage, type RequestListener, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { Duplex } from 'node:stream';
import type { Reply, Transport } from './browser.ts';

const HEAD_END = Buffer.from('\r\n\r\n');

export function inProcess(handler: RequestListener): Transport {
  let written: Buffer[] = [];
  // Stands in for the kept-alive connection: it takes every write at once.
  const socket = new Duplex({
    read() {},
    write(chunk: Buffer, _encoding, done) {
      written.push(chunk);
      done();
    },
    writev(chunks, done) {
      for (const { chunk } of chunks) written.push(chunk as Buffer);
      done();
    },
  }) as unknown as Socket;

  return (method, path, headers, body) =>
    new Promise<Reply>((done, fail) => {
      written = [];
      const req = new IncomingMessage(socket);
      req.method = method;
      req.url = path;
      req.httpVersion = '1.1';
      req.httpVersionMajor = 1;
      req.httpVersionMinor = 1;
      req.headers.host = 'runner';
      req.rawHeaders.push('Host', 'runner');
      for (const [name, value] of Object.entries(headers)) {
        req.headers[name.toLowerCase()] = value;
        req.rawHeaders.push(name, value);
      }
      if (body !== undefined) req.push(Buffer.from(body));
      req.push(null);
      req.complete = true;

      const res = new ServerResponse(req);
      res.shouldKeepAlive = true;
      res.assignSocket(socket);
      res.once('finish', () => {
        res.detachSocket(socket);
        process.nextTick(() => {
          res.emit('close');
          const bytes = Buffer.concat(written);
          const at = bytes.indexOf(HEAD_END);
          done({
            status: res.statusCode,
            headers: res.getHeaders() as Reply['headers'],
            body: at === -1 ? '' : bytes.subarray(at + HEAD_END.length).toString(),
          });
        });
      });
      try {
        handler(req, res);
      } catch (error) {
        fail(error);
      }
    });
}
