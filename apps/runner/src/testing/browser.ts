import type { Express } from 'express';
import supertest from 'supertest';

export interface Page {
  url: string;
  status: number;
  html: string;
  /** The response's headers (lower-case names), e.g. `x-request-id`. */
  headers: Record<string, string>;
}

type Fields = Record<string, string | string[]>;

/**
 * A browser without JavaScript for integration tests: keeps cookies, follows redirects, and posts
 * forms the way the page would (its action, its CSRF token).
 */
export class Browser {
  private readonly agent;
  page: Page = { url: '', status: 0, html: '', headers: {} };

  /** `agent`: another tab's, so both tabs share one browser's cookies. */
  constructor(
    private readonly app: Express,
    agent?: InstanceType<typeof supertest.agent>,
  ) {
    this.agent = agent ?? supertest.agent(app);
  }

  /** Another tab of this browser: the same cookies, a page of its own. */
  tab(): Browser {
    return new Browser(this.app, this.agent);
  }

  /** Sends these headers with every later request of this browser, e.g. `X-Forwarded-For` to be a client of its own. */
  setHeaders(headers: Record<string, string>): this {
    this.agent.set(headers);
    return this;
  }

  /** A JSON request as the page's script makes one (the timeout modal's GET and PATCH), with this browser's cookies. */
  async json(
    method: 'get' | 'patch',
    url: string,
  ): Promise<{ status: number; body: unknown; headers: Record<string, string> }> {
    const response = await this.agent[method](url).set('Accept', 'application/json');
    return { status: response.status, body: response.body, headers: response.headers };
  }

  /** The value of a cookie the runner set in this browser. */
  cookie(name: string): string | undefined {
    return this.agent.jar.getCookie(name, { domain: '127.0.0.1', path: '/', secure: false, script: false })?.value;
  }

  async open(url: string): Promise<Page> {
    return this.follow(await this.agent.get(url), url);
  }

  /** Posts the page's main form (or the form with the given action) with these fields. */
  async submit(fields: Fields = {}, action?: string): Promise<Page> {
    const target = action ?? this.formAction();
    const body = new URLSearchParams();
    body.append('_csrf', this.csrfToken());
    for (const [name, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
    }
    const response = await this.agent.post(target).type('form').send(body.toString());
    return this.follow(response, target);
  }

  /** Posts fields without the page's CSRF token (as a forged cross-site form would). */
  async forge(action: string, fields: Fields): Promise<Page> {
    const response = await this.agent
      .post(action)
      .type('form')
      .send(new URLSearchParams(fields as Record<string, string>).toString());
    return this.follow(response, action);
  }

  /** The first post form's action that is not the sign-out form. */
  formAction(): string {
    const forms = [...this.page.html.matchAll(/<form[^>]*method="post"[^>]*action="([^"]*)"/g)].map((m) => m[1] ?? '');
    const action = forms.find((a) => a !== '/sign-out');
    if (action === undefined) throw new Error(`no form on ${this.page.url}`);
    return decode(action);
  }

  csrfToken(): string {
    const token = /name="_csrf" value="([^"]*)"/.exec(this.page.html)?.[1];
    if (!token) throw new Error(`no CSRF token on ${this.page.url}`);
    return token;
  }

  /** The href of every link on the page, in order. */
  links(): string[] {
    return [...this.page.html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map((m) => decode(m[1] ?? ''));
  }

  /** The href of the page's Previous link, if it has one. */
  previousLink(): string | undefined {
    const link = /<a\b[^>]*\bhref="([^"]*)"[^>]*\bid='top-previous'/.exec(this.page.html)?.[1];
    return link === undefined ? undefined : decode(link);
  }

  /** Where the introduction's Start button leads, on the introduction page. */
  startLink(): string | undefined {
    const link = /<a\b[^>]*\bhref="([^"]*)"[^>]*\bid="start-button"/.exec(this.page.html)?.[1];
    return link === undefined ? undefined : decode(link);
  }

  /** The messages of the error summary at the top of the page (none when the page has no errors). */
  errors(): string[] {
    const panel = /data-qa="error-header"[\s\S]*?<div class="ons-panel__body">([\s\S]*?)<\/div>\s*<\/div>/.exec(
      this.page.html,
    );
    return [...(panel?.[1] ?? '').matchAll(/<a\b[^>]*>([^<]*)<\/a>/g)].map((m) => decode(m[1]?.trim() ?? ''));
  }

  /** The value of a form field as the page shows it (text inputs, selected options, checked boxes). */
  field(name: string): string | string[] | undefined {
    const inputs = [...this.page.html.matchAll(/<input\b[^>]*>/g)].map((m) => m[0]);
    const named = inputs.filter((tag) => attribute(tag, 'name') === name);
    const checkable = named.filter((tag) => /type="(radio|checkbox)"/.test(tag));
    if (checkable.length > 0) {
      const checked = checkable.filter((tag) => /\bchecked\b/.test(tag)).map((tag) => attribute(tag, 'value') ?? '');
      return /type="checkbox"/.test(checkable[0] ?? '') ? checked : checked[0];
    }
    const input = named[0];
    if (input) return attribute(input, 'value') ?? '';
    const textarea = new RegExp(`<textarea\\b[^>]*name="${name}"[^>]*>([\\s\\S]*?)</textarea\\s*>`).exec(
      this.page.html,
    );
    if (textarea) return decode(textarea[1] ?? '');
    const select = new RegExp(`<select\\b[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select\\s*>`).exec(this.page.html);
    if (select) return decode(/<option\b[^>]*value="([^"]*)"[^>]*\bselected\b/.exec(select[1] ?? '')?.[1] ?? '');
    return undefined;
  }

  heading(): string {
    return decode(/<h1[^>]*>\s*([^<]*)/.exec(this.page.html)?.[1]?.trim() ?? '');
  }

  private async follow(response: supertest.Response, url: string, hops = 0): Promise<Page> {
    if (response.status >= 300 && response.status < 400 && response.headers.location && hops < 10) {
      const next = response.headers.location;
      return this.follow(await this.agent.get(next), next, hops + 1);
    }
    this.page = { url, status: response.status, html: response.text ?? '', headers: response.headers };
    return this.page;
  }
}

function attribute(tag: string, name: string): string | undefined {
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return value === undefined ? undefined : decode(value);
}

function decode(text: string): string {
  return text
    .replaceAll('&amp;', '&')
    .replaceAll('&#39;', "'")
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>');
}
