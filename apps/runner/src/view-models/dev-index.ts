import { t } from '../i18n/index.ts';
import type { Chrome } from './chrome.ts';
import { html } from './html.ts';
import { pageFrame } from './page.ts';
import type { PageView } from './view.ts';

export interface DevQuestionnaire {
  slug: string;
  title: string;
  /** Starts a new response (the open link). */
  startUrl: string;
  /** Starts through a freshly signed launch token, as a survey system would. */
  launchUrl?: string;
}

/** Development only: every questionnaire the runner can serve, with links to start each. */
export function devIndexView(input: { chrome: Chrome; questionnaires: DevQuestionnaire[] }): PageView {
  const { lang } = input.chrome;
  const title = t(lang, 'devIndexTitle');
  return {
    template: 'pages/dev-index.njk',
    view: {
      page: pageFrame(input.chrome, { title }),
      title: html(title),
      intro: html(t(lang, input.questionnaires.length > 0 ? 'devIndexIntro' : 'devIndexNone')),
      questionnaires: input.questionnaires.map((q) => ({
        slug: q.slug,
        title: html(q.title),
        startUrl: q.startUrl,
        ...(q.launchUrl
          ? { launch: { url: q.launchUrl, text: html(t(lang, 'devLaunchToken', { title: q.title })) } }
          : {}),
      })),
    },
  };
}
