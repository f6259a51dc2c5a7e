export type { PageLocation } from './completion.ts';
export { type ContextOptions, contextAt, locationContext } from './context.ts';
export { addListItem, removeListItem } from './lists.ts';
export { canVisit, firstIncompleteLocation, type MoveOptions, nextLocation, previousLocation } from './navigation.ts';
export type { SaveOptions, SaveResult } from './page-save.ts';
export { computePath, type NavigationOptions, type Path, type SectionProgress } from './path.ts';
export { isComplete } from './progress.ts';
export { savePage } from './save.ts';
