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

/**
 * Reads a state of unknown shape (from a store or a test) into a well-formed one, dropping
 * anything that is not the expected shape. Never throws.
 */
export function normaliseState(raw: unknown): ResponseState {
  const src = isRecord(raw) ? raw : {};
  const answers = isRecord(src.answers) ? { ...src.answers } : {};
  const itemAnswers: Record<ItemId, Record<string, unknown>> = {};
  if (isRecord(src.itemAnswers)) {
    for (const [item, values] of Object.entries(src.itemAnswers)) {
      if (isRecord(values)) itemAnswers[item] = { ...values };
    }
  }
  const lists: Record<string, ListState> = {};
  if (isRecord(src.lists)) {
    for (const [name, list] of Object.entries(src.lists)) {
      if (!isRecord(list) || !Array.isArray(list.items)) continue;
      const items = [...new Set(list.items.filter((i): i is string => typeof i === 'string'))];
      const primary = typeof list.primary === 'string' && items.includes(list.primary) ? list.primary : undefined;
      lists[name] = primary ? { items, primary } : { items };
    }
  }
  const completed = Array.isArray(src.completed) ? src.completed.filter((k): k is string => typeof k === 'string') : [];
  const metadata = isRecord(src.metadata) ? { ...src.metadata } : {};
  return { answers, itemAnswers, lists, completed, metadata };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
