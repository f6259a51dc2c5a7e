/**
 * The browser of `bench:middleware`: a respondent's cookies and CSRF token, sending its requests
 * through a transport: over a keep-alive HTTP connection (`overHttp`), or into an app's request
 * handler in this process, with no socket or HTTP parser (`inProcess`, see in-process.ts).
 */
import { Agent, request } from 'node:http';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request of a case; `_csrf` in a form is filled in with the respondent's token. */
export interface Sent {
  method: string;
  path: string;
  form?: Record<string, string>;
}

export type Transport = (
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | undefined,
) => Promise<Reply>;

/** One keep-alive connection to a server on this machine. */
export function overHttp(port: number): Transport {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return (method, path, headers, body) =>
    new Promise((done, fail) => {
      const req = request({ port, method, path, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
      });
      req.on('error', fail);
      req.end(body);
    });
}

export class Browser {
  private readonly cookies = new Map<string, string>();
  private csrf = '';

  constructor(private readonly transport: Transport) {}

  async send(sent: Sent): Promise<Reply> {
    const form = sent.form && { ...sent.form, ...('_csrf' in sent.form ? { _csrf: this.csrf } : {}) };
    const body = form ? new URLSearchParams(form).toString() : undefined;
    const headers: Record<string, string> = {
      'Accept-Encoding': 'identity',
      Cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      headers['Content-Length'] = String(Buffer.byteLength(body));
    }
    const reply = await this.transport(sent.method, sent.path, headers, body);
    const setCookies = reply.headers['set-cookie'];
    for (const line of typeof setCookies === 'string' ? [setCookies] : (setCookies ?? [])) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return reply;
  }

  /** Follows the entry point's redirects to the first page and keeps its CSRF token. */
  async open(path: string): Promise<void> {
    let reply = await this.send({ method: 'GET', path });
    while (reply.status === 303 || reply.status === 302) {
      reply = await this.send({ method: 'GET', path: String(reply.headers.location) });
    }
    const csrf = /name="_csrf" value="([^"]+)"/.exec(reply.body)?.[1];
    if (reply.status !== 200 || !csrf) throw new Error(`${path} did not lead to a question page (${reply.status})`);
    this.csrf = csrf;
  }

  /** Sends the request `times` times, each to be answered with `status`. */
  async repeat(sent: Sent, times: number, status: number): Promise<void> {
    for (let i = 0; i < times; i++) {
      const reply = await this.send(sent);
      if (reply.status !== status) throw new Error(`${sent.method} ${sent.path}: ${reply.status}, not ${status}`);
    }
  }
}
