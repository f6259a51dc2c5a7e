import { type RenderContext, renderText } from '@eq/engine';
import type { Content } from '@eq/schema';
import { type Html, html, optionalHtml } from './html.ts';

/** A block of questionnaire content, escaped: drawn by the `contents` macro of views/partials/contents.njk. */
export interface ContentView {
  title?: Html;
  description?: Html;
  list?: Html[];
}

export function contentViews(contents: readonly Content[] | undefined, ctx: RenderContext): ContentView[] {
  return (contents ?? []).map((block) => {
    const view: ContentView = {};
    const title = optionalHtml(renderText(block.title, ctx));
    const description = optionalHtml(renderText(block.description, ctx));
    if (title) view.title = title;
    if (description) view.description = description;
    if (block.list && block.list.length > 0) view.list = block.list.map((item) => html(renderText(item, ctx)));
    return view;
  });
}
