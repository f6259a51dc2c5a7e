/**
 * The author app's HTTP API as a script or CI uses it: sign in once with email and password, make
 * a personal API token with that session, then make every call with the token (`Authorization:
 * Bearer`, no cookie, no CSRF token).
 */
export class AuthorApi {
  private constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  /** Signs in, creates a personal API token and returns a client that uses it. */
  static async withPersonalToken(baseUrl: string, account: { email: string; password: string }): Promise<AuthorApi> {
    const signIn = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(account),
    });
    if (signIn.status !== 200) throw new Error(`sign-in refused: ${signIn.status} ${await signIn.text()}`);
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    // The cookie is Secure in production; a script sends it back over loopback all the same.
    const cookie = signIn.headers
      .getSetCookie()
      .map((header) => header.split(';')[0])
      .join('; ');
    const created = await fetch(`${baseUrl}/api/v1/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: 'system test' }),
    });
    if (created.status !== 201) throw new Error(`no API token: ${created.status} ${await created.text()}`);
    const { token } = (await created.json()) as { token: string };
    return new AuthorApi(baseUrl, token);
  }

  /** A JSON call that must answer `status`; its body parsed. */
  async json<T>(method: string, path: string, body: unknown, status: number): Promise<T> {
    const response = await this.request(method, path, body);
    const text = await response.text();
    if (response.status !== status) {
      throw new Error(`${method} ${path}: expected ${status}, got ${response.status} ${text.slice(0, 2000)}`);
    }
    return JSON.parse(text) as T;
  }

  get<T>(path: string): Promise<T> {
    return this.json<T>('GET', path, undefined, 200);
  }

  post<T>(path: string, body: unknown, status = 201): Promise<T> {
    return this.json<T>('POST', path, body, status);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.json<T>('PUT', path, body, 200);
  }

  /** A download (an export), read whole. */
  async download(path: string): Promise<{ contentType: string; body: string }> {
    const response = await this.request('GET', path);
    const body = await response.text();
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${body.slice(0, 2000)}`);
    return { contentType: response.headers.get('content-type') ?? '', body };
  }

  request(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }
}

/** Polls `read` until it gives a value, or fails after `timeoutMs` saying what it waited for. */
export async function eventually<T>(
  what: string,
  read: () => Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
