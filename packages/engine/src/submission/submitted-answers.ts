import type { SubmittedAnswer } from '@eq/schema';
import type { AnswerInfo, CompiledQuestionnaire } from '../compile.ts';
import { answerValue } from '../evaluate.ts';
import { pageKey } from '../location.ts';
import { contextAt } from '../navigation/context.ts';
import type { Path } from '../navigation/path.ts';
import { isItemId, listItems } from '../state.ts';
import { asAnswerValue } from '../summary/answers.ts';
import type { RenderContext } from '../text/render.ts';

/**
 * The respondent's answers on the path, in path order and in the order of each page's answers
 * (a detail answer after the answer it details). A list collector stands for its items' answers,
 * item by item; relationships give one entry per pair. Transient answers (list collector, remove,
 * primary person and confirmation questions) are about the journey, not the respondent, so they
 * are left out.
 */
export function submittedAnswers(compiled: CompiledQuestionnaire, ctx: RenderContext, path: Path): SubmittedAnswer[] {
  const byPage = answersByPage(compiled);
  const out: SubmittedAnswer[] = [];
  const given = new Set<string>();
  const add = (pageId: string, item: string | undefined, to: string | undefined, list: string | undefined) => {
    const at = item === undefined ? ctx : contextAt(ctx, item, to, list);
    for (const info of byPage.get(pageId) ?? []) {
      const value = asAnswerValue(answerValue({ answer: info.answer.id }, at));
      if (value === undefined) continue;
      const { id: answerId, qCode } = info.answer;
      const entry: SubmittedAnswer =
        item === undefined
          ? { answerId, qCode, value }
          : to === undefined
            ? { answerId, qCode, listItemId: item, value }
            : { answerId, qCode, listItemId: item, toListItemId: to, value };
      out.push(entry);
    }
  };
  for (const location of path.locations) {
    if (location.kind !== 'page') continue;
    const info = compiled.pages.get(location.page);
    if (!info) continue;
    const { item, to } = location;
    if (info.page.kind === 'listCollector' && !info.role) {
      // The respondent's own item was answered on the path already, just after the primary person question.
      const { itemPage, list } = info.page;
      for (const listItem of listItems(ctx.state, list)) {
        if (isItemId(listItem) && !given.has(pageKey(itemPage.id, listItem)))
          add(itemPage.id, listItem, undefined, list);
      }
      continue;
    }
    if (item !== undefined && !isItemId(item)) continue;
    if (to !== undefined && !isItemId(to)) continue;
    given.add(pageKey(location.page, item, to));
    add(location.page, item, to, info.list);
  }
  return out;
}

const cache = new WeakMap<CompiledQuestionnaire, Map<string, AnswerInfo[]>>();

/** Each page's respondent answers in document order, transient ones left out. */
function answersByPage(compiled: CompiledQuestionnaire): Map<string, AnswerInfo[]> {
  const cached = cache.get(compiled);
  if (cached) return cached;
  const byPage = new Map<string, AnswerInfo[]>();
  for (const info of compiled.answers.values()) {
    if (info.transient) continue;
    const answers = byPage.get(info.pageId) ?? [];
    answers.push(info);
    byPage.set(info.pageId, answers);
  }
  cache.set(compiled, byPage);
  return byPage;
}
