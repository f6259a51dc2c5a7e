import { expect } from 'vitest';
import type { Browser } from './browser.ts';

/** Signs of a failure's detail leaking into a page: a stack frame, a source file, an exception's name. */
const LEAKED_DETAIL = /\bat \S+ \(|\.(ts|js|mjs|cjs):\d+|node_modules|\b[A-Z][a-zA-Z]*Error\b/;

/**
 * The friendly error page: its status, its title, the request's reference id (the one in the
 * logs), and nothing about what failed.
 */
export function expectErrorPage(browser: Browser, status: number): void {
  const { page } = browser;
  expect(page.status).toBe(status);
  expect(browser.heading()).toBe('Sorry, there is a problem with this service');
  const reference = page.headers['x-request-id'];
  expect(reference).toMatch(/^[A-Za-z0-9._-]{8,100}$/);
  expect(page.html).toContain(`give this reference: ${reference}`);
  expect(page.html).not.toMatch(LEAKED_DETAIL);
}

/** The page a refused launch link shows: what is wrong with the link, the reference, no detail. */
export function expectLaunchProblemPage(browser: Browser, status: number): void {
  const { page } = browser;
  expect(page.status).toBe(status);
  expect(browser.heading()).toBe('This link cannot open your questionnaire');
  const reference = page.headers['x-request-id'];
  expect(page.html).toContain(`give this reference: ${reference}`);
  expect(page.html).not.toMatch(LEAKED_DETAIL);
}

/** The page-not-found page, with its status. */
export function expectNotFoundPage(browser: Browser): void {
  expect(browser.page.status).toBe(404);
  expect(browser.heading()).toBe('Page not found');
  expect(browser.page.html).not.toMatch(LEAKED_DETAIL);
}

/** The session cookie a response set, if any (its whole `Set-Cookie` line). */
export function sessionCookieSet(headers: Record<string, string | string[] | undefined>): string | undefined {
  const lines = headers['set-cookie'];
  return (Array.isArray(lines) ? lines : lines ? [lines] : []).find((line) => /^(__Host-)?eq-session=[^;]+/.test(line));
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** HTML text as a browser reads it: every character reference (named, decimal, hex) decoded once. */
export function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (reference, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return NAMED_ENTITIES[name] ?? reference;
  });
}

/** The text a textarea of the page holds, as the browser shows it. */
export function textareaValue(html: string, name: string): string | undefined {
  const tag = [...html.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea\s*>/g)].find((m) =>
    (m[1] ?? '').includes(`name="${name}"`),
  );
  return tag === undefined ? undefined : decodeEntities(tag[2] ?? '');
}
