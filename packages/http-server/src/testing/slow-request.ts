import { type IncomingMessage, request } from 'node:http';

export interface SlowRequest {
  /** Settles when the server has the request's headers (its "100 Continue"): the request is in flight. */
  continued: Promise<void>;
  /** Sends the next piece of the body; the last piece ends the request. */
  write(chunk: string): void;
  response: Promise<{ status: number; body: string; connection?: string | undefined }>;
}

/** A request whose body the test sends piece by piece, once the server has its headers. */
export function slowRequest(url: string, method: string, headers: Record<string, string>, length: number): SlowRequest {
  let write: (chunk: string) => void = () => {};
  let continued: () => void = () => {};
  const started = new Promise<void>((resolve) => {
    continued = resolve;
  });
  const response = new Promise<{ status: number; body: string; connection?: string }>((resolve, reject) => {
    const req = request(
      url,
      { method, headers: { ...headers, 'content-length': String(length), expect: '100-continue' } },
      (res: IncomingMessage) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, connection: res.headers.connection }));
      },
    );
    req.on('error', reject);
    req.on('continue', continued);
    req.flushHeaders();
    let sent = 0;
    write = (chunk) => {
      sent += Buffer.byteLength(chunk);
      if (sent >= length) req.end(chunk);
      else req.write(chunk);
    };
  });
  return { write: (chunk: string) => write(chunk), continued: started, response };
}
