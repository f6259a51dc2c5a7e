import type { AnswerInfo, CompiledQuestionnaire } from '@eq/engine';
import type { MetadataDefinition } from '@eq/schema';

/** One column of answers: an answer's data code, or one part of a duration or address. */
export interface Variable {
  /** The column's name: the data code, `code.part` for a part. */
  name: string;
  qCode: string;
  part?: string;
  /** The answer as the newest version in the export asks it. */
  info: AnswerInfo;
  compiled: CompiledQuestionnaire;
}

/** Where an answer's values go in a row: one column, or consecutive columns for its parts. */
export interface Slot {
  index: number;
  parts?: readonly string[];
}

export interface FileLayout {
  variables: Variable[];
  /** By data code, the answer's first column counted from the first answer column. */
  slots: Map<string, Slot>;
}

export interface Layout {
  metadata: { name: string; definition: MetadataDefinition }[];
  /** Answers asked once per response: the responses file. */
  responses: FileLayout;
  /** Answers asked per list item or pair: the list items file. */
  items: FileLayout;
  /** The list of each list answer's data code. */
  listOf: Map<string, string>;
}

const ADDRESS_PARTS = ['line1', 'line2', 'town', 'postcode'] as const;

/**
 * The columns of an export of responses to some versions of a questionnaire (newest first): each
 * answer data code once, in the newest version's questionnaire order, then codes only older
 * versions ask, in theirs. Duration and address answers take a column per part
 * (`code.years`, `code.town`); a checkbox takes one column, its values joined with `;`.
 * Answers that only steer the journey are never submitted, so they have no column.
 */
export function layoutOf(versions: readonly CompiledQuestionnaire[]): Layout {
  const layout: Layout = {
    metadata: [],
    responses: { variables: [], slots: new Map() },
    items: { variables: [], slots: new Map() },
    listOf: new Map(),
  };
  const seenMetadata = new Set<string>();
  for (const compiled of versions) {
    for (const [name, definition] of compiled.metadata) {
      if (!seenMetadata.has(name)) layout.metadata.push({ name, definition });
      seenMetadata.add(name);
    }
    for (const info of compiled.answers.values()) {
      if (info.transient) continue;
      const { qCode } = info.answer;
      const file = info.list === undefined ? layout.responses : layout.items;
      if (layout.responses.slots.has(qCode) || layout.items.slots.has(qCode)) continue;
      if (info.list !== undefined) layout.listOf.set(qCode, info.list);
      const parts = partsOf(info);
      file.slots.set(qCode, { index: file.variables.length, ...(parts ? { parts } : {}) });
      for (const part of parts ?? [undefined]) {
        file.variables.push({
          name: part === undefined ? qCode : `${qCode}.${part}`,
          qCode,
          ...(part === undefined ? {} : { part }),
          info,
          compiled,
        });
      }
    }
  }
  return layout;
}

function partsOf(info: AnswerInfo): readonly string[] | undefined {
  const { answer } = info;
  if (answer.type === 'duration') return answer.units ?? ['years', 'months'];
  if (answer.type === 'address') return ADDRESS_PARTS;
  return undefined;
}
