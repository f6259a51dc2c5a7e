import type { Sent } from './browser.ts';

/** A request `bench:middleware` sends again and again, and the status it must get. */
export interface Case {
  name: string;
  sent: Sent;
  status: number;
}

/**
 * A respondent on `routing-and`'s first question: the page (GET, and HEAD), its post (saved, then
 * a 303), and the session-expiry JSON the timeout script asks for (the middleware and routers with
 * next to nothing behind them).
 */
export const CASES: readonly Case[] = [
  { name: 'GET question page', status: 200, sent: { method: 'GET', path: '/questionnaire/age' } },
  { name: 'HEAD question page', status: 200, sent: { method: 'HEAD', path: '/questionnaire/age' } },
  {
    name: 'POST answer (save, 303)',
    status: 303,
    sent: { method: 'POST', path: '/questionnaire/age', form: { 'age-answer': '25', _csrf: '' } },
  },
  { name: 'GET /session/expiry (JSON)', status: 200, sent: { method: 'GET', path: '/session/expiry' } },
];
