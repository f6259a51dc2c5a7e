/**
 * A respondent's progress through one questionnaire. Plain JSON, so stores can keep it as is.
 * Values are untrusted when read back: the engine checks each against its answer definition.
 */
export type ItemId = string;

export interface ListState {
  /** Item ids in the order they were added. */
  items: ItemId[];
  /** The respondent's own item (e.g. "you"), always first in `items` when set. */
  primary?: ItemId;
}

export interface ResponseState {
  /** Answers outside any list item, by answer id. */
  answers: Record<string, unknown>;
  /**
   * Answers of list items (list collector item pages and repeating sections), by item id then
   * answer id. Relationship answers are a map from the other item's id to the chosen value.
   */
  itemAnswers: Record<ItemId, Record<string, unknown>>;
  lists: Record<string, ListState>;
  /** Keys (see `locationKey`) of the locations the respondent has confirmed. */
  completed: string[];
  /** Launch values, checked against the questionnaire's metadata definitions. */
  metadata: Record<string, unknown>;
}

export function emptyState(metadata: Record<string, unknown> = {}): ResponseState {
  return { answers: {}, itemAnswers: {}, lists: {}, completed: [], metadata };
}

/** As ListItemId in @eq/schema. */
const ITEM_ID = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * Whether a value can be a list item id. Names of Object.prototype members (`__proto__`,
 * `constructor`) are refused, so `state.itemAnswers[item]` never reaches the prototype.
 */
export function isItemId(value: unknown): value is ItemId {
  return typeof value === 'string' && ITEM_ID.test(value) && !(value in Object.prototype);
}

/**
 * A record's own value for a key. Ids such as `constructor` are valid, so a plain `record[id]`
 * could return a member of Object.prototype.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

const NO_ITEMS: readonly ItemId[] = [];

/** The items of a list; none for an unknown list. */
export function listItems(state: ResponseState, list: string | undefined): readonly ItemId[] {
  return (list !== undefined && own(state.lists, list)?.items) || NO_ITEMS;
}

export function inList(state: ResponseState, list: string, item: string | undefined): item is ItemId {
  return item !== undefined && listItems(state, list).includes(item);
}

/**
 * Reads a state of unknown shape (from a store or a test) into a well-formed one, dropping
 * anything that is not the expected shape: item ids that are not valid, duplicate items, a
 * primary item that is not in its list (and moving the primary item first). Never throws.
 */
export function normaliseState(raw: unknown): ResponseState {
  const src = isRecord(raw) ? raw : {};
  const itemAnswers: Record<ItemId, Record<string, unknown>> = {};
  if (isRecord(src.itemAnswers)) {
    for (const [item, values] of Object.entries(src.itemAnswers)) {
      if (isItemId(item) && isRecord(values)) itemAnswers[item] = copyRecord(values);
    }
  }
  const lists: Record<string, ListState> = {};
  if (isRecord(src.lists)) {
    for (const [name, list] of Object.entries(src.lists)) {
      if (name === '__proto__' || !isRecord(list) || !Array.isArray(list.items)) continue;
      const items = [...new Set(list.items.filter(isItemId))];
      const primary = typeof list.primary === 'string' && items.includes(list.primary) ? list.primary : undefined;
      lists[name] = primary ? { items: [primary, ...items.filter((i) => i !== primary)], primary } : { items };
    }
  }
  return {
    answers: isRecord(src.answers) ? copyRecord(src.answers) : {},
    itemAnswers,
    lists,
    completed: Array.isArray(src.completed) ? src.completed.filter((k): k is string => typeof k === 'string') : [],
    metadata: isRecord(src.metadata) ? copyRecord(src.metadata) : {},
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A shallow copy without a `__proto__` key, which would otherwise set the copy's prototype when assigned. */
function copyRecord(src: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(src)) if (key !== '__proto__') out[key] = value;
  return out;
}
