import { describe, expect, it } from 'vitest';
import { compactHtml } from './compact.ts';

describe('compactHtml', () => {
  it('turns whitespace spanning lines into one line break, between and inside tags', () => {
    expect(compactHtml('<div\n    class="a"\n    id="b">\n\n   Text\n</div>')).toBe(
      '<div\nclass="a"\nid="b">\nText\n</div>',
    );
  });

  it('keeps whitespace on one line as it is', () => {
    expect(compactHtml('<p>two  spaces</p>')).toBe('<p>two  spaces</p>');
  });

  it('leaves a textarea’s text exactly as the respondent wrote it', () => {
    const textarea = '<textarea name="comments">  first line\n\n   indented\n</textarea>';
    expect(compactHtml(`<div>\n  ${textarea}\n</div>`)).toBe(`<div>\n${textarea}\n</div>`);
  });

  it('leaves attribute values exactly as they are, in either quotes', () => {
    const tag = '<input\n  value="a\n   b"\n  data-x=\'c\n  d\'>';
    expect(compactHtml(tag)).toBe('<input\nvalue="a\n   b"\ndata-x=\'c\n  d\'>');
  });

  it('leaves preformatted text as it is', () => {
    expect(compactHtml('<pre>a\n    b</pre>\n\n<p>c</p>')).toBe('<pre>a\n    b</pre>\n<p>c</p>');
  });
});
