import type { Questionnaire } from '@eq/schema';
import type { ResponseState } from '../state.ts';
import type { NavigationOptions } from './path.ts';
import { finalPosition, indexPath } from './path-index.ts';

/** Whether every location on the path before the summary (or hub) is complete: ready to submit. */
export function isComplete(q: Questionnaire, state: ResponseState, options: NavigationOptions = {}): boolean {
  const ip = indexPath(q, state, options);
  return ip.firstIncomplete === finalPosition(ip);
}
