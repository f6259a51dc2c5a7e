export interface ShapeFault {
  path: (string | number)[];
  reason: 'too-deep' | 'too-large';
}

/** An object or array waiting to be walked; its path is rebuilt from the parents only on a fault. */
interface Container {
  value: object;
  key: string | number;
  parent: Container | undefined;
  depth: number;
}

/**
 * Finds input that would make the recursive schema parser overflow the stack or run for too
 * long: a value nested deeper than `maxDepth` (a cycle nests forever), or more than `maxValues`
 * values in all. Walks with its own stack, so it never recurses itself. It runs before every
 * check of a document, so it allocates only for objects and arrays, not for every value.
 */
export function shapeFault(input: unknown, maxDepth: number, maxValues: number): ShapeFault | undefined {
  if (typeof input !== 'object' || input === null) return maxValues < 1 ? { path: [], reason: 'too-large' } : undefined;
  const stack: Container[] = [{ value: input, key: '', parent: undefined, depth: 0 }];
  // Values seen so far: walked, or waiting on the stack.
  let seen = 1;
  if (seen > maxValues) return { path: [], reason: 'too-large' };
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value, depth } = next;
    if (depth >= maxDepth) return { path: pathOf(next), reason: 'too-deep' };
    const keys = Array.isArray(value) ? undefined : Object.keys(value);
    const size = keys ? keys.length : (value as unknown[]).length;
    if (seen + size > maxValues) return { path: [], reason: 'too-large' };
    seen += size;
    for (let i = 0; i < size; i++) {
      const key = keys ? (keys[i] as string) : i;
      const child = (value as Record<string | number, unknown>)[key];
      if (typeof child === 'object' && child !== null) {
        stack.push({ value: child, key, parent: next, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

function pathOf(container: Container): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Container | undefined = container; at?.parent; at = at.parent) path.push(at.key);
  return path.reverse();
}
