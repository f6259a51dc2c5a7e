import type { Answer, Content, DetailAnswer, Text } from '@eq/schema';
import type { PageIndex } from './context.ts';
import type { PageSite, QuestionSite } from './page-sites.ts';
import { bounds } from './page-sites.ts';
import { pointer } from './problem.ts';
import { endScope, pageScope, type Scope, START_SCOPE, sectionScope } from './scope.ts';

/** A text shown to respondents, where it is written and what its placeholders can see. */
export interface TextSite {
  text: Text;
  pointer: string;
  scope: Scope;
  /** The page (or sub-page) the text is shown on, if it belongs to one. */
  page?: PageSite;
}

type Emit = (text: Text | undefined, at: string, scope: Scope, page?: PageSite) => void;

/** Every Text of a questionnaire in document order. */
export function textSites(ctx: PageIndex): TextSite[] {
  const out: TextSite[] = [];
  const emit: Emit = (text, at, scope, page) => {
    if (text !== undefined) out.push({ text, pointer: at, scope, ...(page ? { page } : {}) });
  };
  const q = ctx.questionnaire;
  emit(q.title, '/title', START_SCOPE);
  emit(q.description, '/description', START_SCOPE);
  q.metadata?.forEach((m, i) => {
    emit(m.label, pointer('metadata', i, 'label'), START_SCOPE);
  });
  if (q.introduction) {
    emit(q.introduction.title, '/introduction/title', START_SCOPE);
    emit(q.introduction.description, '/introduction/description', START_SCOPE);
    contentsTexts(q.introduction.contents, '/introduction/contents', START_SCOPE, emit);
  }
  q.sections.forEach((section, s) => {
    emit(section.title, pointer('sections', s, 'title'), sectionScope(ctx, s, false));
    emit(section.repeat?.title, pointer('sections', s, 'repeat', 'title'), sectionScope(ctx, s, true));
    for (const site of ctx.pages.filter((p) => p.sectionIndex === s)) pageTexts(site, emit);
  });
  if (q.submission) {
    const end = endScope(ctx);
    emit(q.submission.title, '/submission/title', end);
    emit(q.submission.guidance, '/submission/guidance', end);
    emit(q.submission.button, '/submission/button', end);
    emit(q.submission.confirmation?.title, '/submission/confirmation/title', end);
    contentsTexts(q.submission.confirmation?.contents, '/submission/confirmation/contents', end, emit);
  }
  return out;
}

function pageTexts(site: PageSite, emitText: Emit): void {
  const emit: Emit = (text, at, scope) => emitText(text, at, scope, site);
  const shown = pageScope(site, 'show');
  const page = site.page;
  if (!site.role) {
    if (page.kind === 'content') {
      emit(page.title, `${site.pointer}/title`, shown);
      contentsTexts(page.contents, `${site.pointer}/contents`, shown, emit);
    }
    if (page.kind === 'listCollector') emit(page.title, `${site.pointer}/title`, shown);
    if (page.kind === 'calculatedSummary') {
      emit(page.title, `${site.pointer}/title`, shown);
      emit(page.totalLabel, `${site.pointer}/totalLabel`, shown);
    }
  }
  for (const question of site.questions) questionTexts(question, shown, pageScope(site, 'answered'), emit);
}

function questionTexts(site: QuestionSite, shown: Scope, answered: Scope, emit: Emit): void {
  const { question, pointer: at } = site;
  emit(question.title, `${at}/title`, shown);
  emit(question.description, `${at}/description`, shown);
  emit(question.instruction, `${at}/instruction`, shown);
  contentsTexts(question.guidance, `${at}/guidance`, shown, emit);
  question.definitions?.forEach((definition, d) => {
    emit(definition.title, `${at}/definitions/${d}/title`, shown);
    contentsTexts(definition.contents, `${at}/definitions/${d}/contents`, shown, emit);
  });
  question.answers.forEach((answer, a) => {
    answerTexts(answer, `${at}/answers/${a}`, shown, answered, emit);
  });
  question.totals?.forEach((rule, t) => {
    emit(rule.message, `${at}/totals/${t}/message`, answered);
  });
}

/** Error messages are shown after the page is submitted, so they may pipe the page's own answers. */
function answerTexts(answer: Answer | DetailAnswer, at: string, shown: Scope, answered: Scope, emit: Emit): void {
  emit(answer.label, `${at}/label`, shown);
  emit(answer.description, `${at}/description`, shown);
  contentsTexts(answer.guidance, `${at}/guidance`, shown, emit);
  for (const [code, message] of Object.entries(answer.messages ?? {}))
    emit(message, `${at}/messages/${code}`, answered);
  switch (answer.type) {
    case 'text':
      emit(answer.pattern?.message, `${at}/pattern/message`, answered);
      break;
    case 'dropdown':
      emit(answer.placeholder, `${at}/placeholder`, shown);
      break;
  }
  for (const [end, bound] of bounds(answer)) emit(bound.message, `${at}/${end}/message`, answered);
  if (answer.type === 'radio' || answer.type === 'checkbox' || answer.type === 'dropdown') {
    answer.options.forEach((option, o) => {
      emit(option.label, `${at}/options/${o}/label`, shown);
      emit(option.description, `${at}/options/${o}/description`, shown);
      if (option.detailAnswer)
        answerTexts(option.detailAnswer, `${at}/options/${o}/detailAnswer`, shown, answered, emit);
    });
  }
}

function contentsTexts(contents: Content[] | undefined, at: string, scope: Scope, emit: Emit): void {
  contents?.forEach((content, c) => {
    emit(content.title, `${at}/${c}/title`, scope);
    emit(content.description, `${at}/${c}/description`, scope);
    content.list?.forEach((item, i) => {
      emit(item, `${at}/${c}/list/${i}`, scope);
    });
  });
}
