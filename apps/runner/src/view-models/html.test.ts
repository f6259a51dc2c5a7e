import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from './html.ts';

describe('escapeHtml', () => {
  it('writes each of & < > " and \' as an entity, & first so that no entity is escaped again', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
    expect(escapeHtml('&lt; is "less than"')).toBe('&amp;lt; is &quot;less than&quot;');
    expect(escapeHtml("Tom & Jerry's <b>")).toBe('Tom &amp; Jerry&#39;s &lt;b&gt;');
  });

  it('leaves every other character as it is', () => {
    const text = 'Siân’s café – 𝒮𝓉𝒶𝓇 {{ 7*7 }} \u202e\u0000';
    expect(escapeHtml(text)).toBe(text);
    expect(html(text).val).toBe(text);
  });
});
