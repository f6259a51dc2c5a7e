import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SectionStatus } from '../evaluate.ts';
import { statusIn } from './completion.ts';
import type { SectionProgress } from './path.ts';

const STATUSES: SectionStatus[] = ['notStarted', 'inProgress', 'completed'];

/** What a section's status was worked out as before: maps of each section's statuses and of each repeat's. */
function byMaps(entries: SectionProgress[], section: string, item: string | undefined): SectionStatus {
  const repeats = new Map<string, SectionStatus>();
  const sections = new Map<string, SectionStatus[]>();
  for (const entry of entries) {
    if (entry.item !== undefined) repeats.set(`${entry.section}@${entry.item}`, entry.status);
    sections.set(entry.section, [...(sections.get(entry.section) ?? []), entry.status]);
  }
  if (item !== undefined) return repeats.get(`${section}@${item}`) ?? 'notStarted';
  const statuses = sections.get(section) ?? [];
  if (statuses.length === 0) return 'notStarted';
  if (statuses.every((s) => s === 'completed')) return 'completed';
  return statuses.every((s) => s === 'notStarted') ? 'notStarted' : 'inProgress';
}

describe('the status of a section among the entries of a path', () => {
  it('is that of its repeat for an item, else of all its entries together', () => {
    const sections = fc.constantFrom('a', 'b', 'c');
    const items = fc.constantFrom(undefined, 'x', 'y');
    const entry = fc
      .record({ section: sections, item: items, status: fc.constantFrom(...STATUSES) })
      .map(
        ({ item, ...rest }): SectionProgress => ({ ...rest, ...(item === undefined ? {} : { item }), locations: [] }),
      );
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), sections, items, (entries, section, item) => {
        expect(statusIn(entries, section, item)).toBe(byMaps(entries, section, item));
      }),
      { numRuns: 2_000 },
    );
  });
});
