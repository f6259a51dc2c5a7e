import { Agent, type IncomingHttpHeaders, request } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

export type Fields = Record<string, string | string[] | undefined>;

/** Where the respondent is: the last page after following redirects. */
export interface Page {
  /** Path and query of the last request. */
  url: string;
  status: number;
  html: string;
}

/** One HTTP request and its response, as the load report counts them (a redirect is a request of its own). */
export interface Exchange {
  method: 'GET' | 'POST';
  status: number;
  /** From sending the request to the last byte of the response. */
  ms: number;
  /** When it ended (`performance.now()`). */
  at: number;
  /** The body's size as sent (compressed, when it was). */
  bytes: number;
}

/** The runners (or the balancer) to send requests to, with one keep-alive connection pool each. */
export class Targets {
  private readonly pools: { url: URL; agent: Agent }[];

  constructor(urls: string[]) {
    if (urls.length === 0) throw new Error('give at least one target');
    this.pools = urls.map((url) => ({ url: new URL(url), agent: new Agent({ keepAlive: true, maxSockets: 256 }) }));
  }

  at(index: number): { url: URL; agent: Agent } {
    return this.pools[index % this.pools.length] as { url: URL; agent: Agent };
  }

  get count(): number {
    return this.pools.length;
  }

  close(): void {
    for (const { agent } of this.pools) agent.destroy();
  }
}

export interface SessionOptions {
  /** Which target this respondent uses; with `alternate`, the first of its turns. */
  target?: number;
  /** Each request goes to the next target in turn (any runner must serve any request). */
  alternate?: boolean;
  /** Told of every exchange (for latency figures). */
  onExchange?: (exchange: Exchange) => void;
  /** Headers sent with every request, e.g. `x-forwarded-for`. */
  headers?: Record<string, string>;
  /** Once aborted, no more requests are sent (the next throws). */
  signal?: AbortSignal;
}

const MAX_REDIRECTS = 10;

/**
 * One respondent's browser without JavaScript, over plain HTTP/1.1: keeps its cookies, follows
 * redirects and posts forms. Cookies are kept whatever their `Secure` flag: runners in production
 * mark them Secure for the respondent's HTTPS, which ends at the balancer in front of them.
 */
export class HttpSession {
  page: Page = { url: '', status: 0, html: '' };
  private readonly cookies = new Map<string, string>();
  private turn: number;

  constructor(
    private readonly targets: Targets,
    private readonly options: SessionOptions = {},
  ) {
    this.turn = options.target ?? 0;
  }

  /** GETs a path and follows its redirects. */
  open(path: string): Promise<Page> {
    return this.follow('GET', path);
  }

  /** POSTs a form (urlencoded, repeated fields for arrays) and follows the redirect. */
  post(path: string, fields: Fields): Promise<Page> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) body.append(name, v);
    }
    return this.follow('POST', path, body.toString());
  }

  private async follow(method: 'GET' | 'POST', path: string, body?: string): Promise<Page> {
    let response = await this.send(method, path, body);
    let url = path;
    for (let hop = 0; hop < MAX_REDIRECTS && isRedirect(response.status); hop++) {
      const location = response.headers.location;
      if (!location) break;
      const next = new URL(location, 'http://runner');
      url = `${next.pathname}${next.search}`;
      response = await this.send('GET', url);
    }
    this.page = { url, status: response.status, html: response.body };
    return this.page;
  }

  private send(method: 'GET' | 'POST', path: string, body?: string): Promise<Response> {
    this.options.signal?.throwIfAborted();
    const { url, agent } = this.targets.at(this.turn);
    if (this.options.alternate) this.turn += 1;
    const headers: Record<string, string> = {
      accept: 'text/html',
      'accept-encoding': 'gzip, deflate, br',
      'user-agent': 'eq-loadtest',
      ...this.options.headers,
    };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (body !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path, method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const at = performance.now();
          const status = res.statusCode ?? 0;
          const bytes = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
          this.options.onExchange?.({ method, status, ms: at - started, at, bytes });
          this.keepCookies(res.headers['set-cookie']);
          try {
            resolve({
              status,
              headers: res.headers,
              body: decode(Buffer.concat(chunks), res.headers['content-encoding']),
            });
          } catch (error) {
            reject(error);
          }
        });
      });
      req.setTimeout(30_000, () => req.destroy(new Error(`no answer to ${method} ${path} in 30 s`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  private keepCookies(setCookies: string[] | undefined): void {
    for (const header of setCookies ?? []) {
      const [pair = '', ...attributes] = header.split(';');
      const at = pair.indexOf('=');
      if (at <= 0) continue;
      const name = pair.slice(0, at).trim();
      const removed = attributes.some((a) => {
        const [key = '', value = ''] = a.trim().split('=');
        const k = key.toLowerCase();
        return (k === 'max-age' && Number(value) <= 0) || (k === 'expires' && Date.parse(value) <= Date.now());
      });
      if (removed) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(at + 1).trim());
    }
  }
}

interface Response {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Redirects a browser follows with a GET (the runner redirects with 303 only). */
function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303;
}

function decode(bytes: Buffer, encoding: string | undefined): string {
  if (encoding === 'gzip') return gunzipSync(bytes).toString('utf8');
  if (encoding === 'br') return brotliDecompressSync(bytes).toString('utf8');
  if (encoding === 'deflate') return inflateSync(bytes).toString('utf8');
  return bytes.toString('utf8');
}
